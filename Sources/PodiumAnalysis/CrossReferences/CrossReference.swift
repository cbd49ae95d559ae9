/// What connects one passage of a transcript to another passage, in the same transcript or in
/// another one of the workspace.
public enum CrossReferenceKind: String, Sendable, Equatable, CaseIterable {
  /// An answer → the question it answers.
  case answers
  /// A moderator's call ("Deutsche Welle next, please") → the turn of the journalist called on.
  case callsOn
  /// A follow-up ("following up on my colleague's question") → the earlier question.
  case followsUp
  /// A back-reference ("as I said before") → the earlier turn of that speaker most like it.
  case refersBack
  /// A speaker → the same person in another transcript (alias-aware).
  case sameSpeaker
  /// A transcript → another transcript of the same event (same date and place).
  case sameEvent
  /// A mention of another event ("the post ministerial press conference") → its transcript.
  case announces
  /// "Transcript continues: URL" → the full transcript.
  case continues
  /// A passage → the same or nearly the same statement in another transcript.
  case repeats
  /// An acronym → its expansion ("UDCG" → "the Ukraine Defence Contact Group").
  case expands
}

/// Where a cross-reference points: a byte range of a document, with its lines so that a reader
/// of a document that is not open can still be sent to the right place.
public struct ReferenceTarget: Sendable, Hashable {
  /// The workspace's key of the target document; nil for the document the reference is in.
  public var document: String?
  /// UTF-8 byte offsets in the target document.
  public var range: Range<Int>
  /// Zero-based, half-open lines of the target document covering `range`.
  public var lines: Range<Int>
  public init(document: String?, range: Range<Int>, lines: Range<Int>) {
    self.document = document
    self.range = range
    self.lines = lines
  }
}

public struct CrossReference: Sendable, Hashable {
  public var kind: CrossReferenceKind
  /// UTF-8 byte offsets of the passage the reference starts from, in its own document.
  public var from: Range<Int>
  public var target: ReferenceTarget
  /// How sure: 1 for structural facts (an answer's question), a similarity for repeats.
  public var score: Double
  /// A short explanation a reader can check ("calls on Deutsche Welle", "UDCG = …").
  public var note: String
  public init(
    kind: CrossReferenceKind, from: Range<Int>, target: ReferenceTarget, score: Double,
    note: String
  ) {
    self.kind = kind
    self.from = from
    self.target = target
    self.score = score
    self.note = note
  }
}

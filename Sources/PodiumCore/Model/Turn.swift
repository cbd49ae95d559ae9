/// One uninterrupted stretch of speech by one speaker.
public struct Turn: Sendable, Equatable {
  public var index: Int
  /// The `Speaker.id` of who speaks.
  public var speaker: String
  /// The label's bytes (the whole label line or inline prefix), nil when the turn is inferred.
  public var label: Range<Int>?
  /// The speech's bytes: from the first to the end of the last non-blank speech line
  /// (without the trailing line break).
  public var body: Range<Int>
  /// The lines of the turn, label included (zero-based, half-open).
  public var lines: Range<Int>
  public var attribution: Attribution
  public var kind: TurnKind
  /// For an answer, the index of the question turn it answers.
  public var replyTo: Int?
  /// All the bytes of the turn's lines, from the start of its first line to the start of the
  /// line after its last one (line breaks and blank lines included).
  public var span: Range<Int>

  public init(
    index: Int, speaker: String, label: Range<Int>?, body: Range<Int>, lines: Range<Int>,
    attribution: Attribution, kind: TurnKind, replyTo: Int? = nil, span: Range<Int>? = nil
  ) {
    self.index = index
    self.speaker = speaker
    self.label = label
    self.body = body
    self.lines = lines
    self.attribution = attribution
    self.kind = kind
    self.replyTo = replyTo
    self.span = span ?? ((label?.lowerBound ?? body.lowerBound)..<body.upperBound)
  }
}

public enum Attribution: String, Sendable, Equatable, CaseIterable {
  /// A speaker label introduces the turn.
  case label
  /// Unlabelled opening speech attributed to the header's principal speaker.
  case header
  /// Unlabelled speech that carries on the previous speaker (a timestamp line, a new cue).
  case continuation
}

public enum TurnKind: String, Sendable, Equatable, CaseIterable {
  case statement, question, answer, moderation
}

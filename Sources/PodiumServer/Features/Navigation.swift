import PodiumAnalysis
import PodiumCore
import PodiumJSON
import PodiumRPC

/// `textDocument/definition`: an acronym → where it is written out (in this transcript, else
/// in another one of the workspace); a label or a mention of a speaker → their first full label.
enum Definition {
  static let method = "textDocument/definition"

  static func handle(_ snapshot: Snapshot, _ params: Params, _ cancel: CancellationToken)
    throws(ResponseError) -> JSON
  {
    let document = try snapshot.document(try params.string("textDocument.uri"))
    let offset = snapshot.offset(try params.position("position"), in: document)
    snapshot.indexOpenDocuments()
    let expansion: (document: String, expansion: IndexedExpansion)? = snapshot.workspace.read {
      index in
      guard let mention = index.mention(at: offset, in: document.uri),
        mention.key.hasPrefix("acronym:")
      else { return nil }
      return index.expansion(of: mention.name, preferring: document.uri)
    }
    if let (uri, e) = expansion {
      return snapshot.referenceEncoder(document).location(
        ReferenceTarget(document: uri, range: e.place.range, lines: e.place.lines))
    }
    guard let speaker = SpeakerAtCursor.speaker(at: offset, in: document.transcript),
      let target = SpeakerAtCursor.definition(of: speaker, in: document.transcript)
    else { return .null }
    return ["uri": .string(document.uri), "range": snapshot.ranges(in: document).range(target)]
  }
}

/// `textDocument/references`: every turn and label of the speaker under the cursor, in this
/// transcript and in every other one of the workspace where that person speaks (alias-aware);
/// on an entity (an acronym, a person named in speech, an event, a figure): every mention of
/// it in the workspace.
enum References {
  static let method = "textDocument/references"

  static func handle(_ snapshot: Snapshot, _ params: Params, _ cancel: CancellationToken)
    throws(ResponseError) -> JSON
  {
    let document = try snapshot.document(try params.string("textDocument.uri"))
    let transcript = document.transcript
    let offset = snapshot.offset(try params.position("position"), in: document)
    let encoder = snapshot.referenceEncoder(document)
    snapshot.indexOpenDocuments()
    guard let speaker = SpeakerAtCursor.speaker(at: offset, in: transcript) else {
      return .array(try entityMentions(at: offset, document, snapshot, encoder, cancel))
    }
    let includeDeclaration = params.value("context.includeDeclaration")?.boolValue ?? true
    let declaration = SpeakerAtCursor.definition(of: speaker, in: transcript)
    let ranges = snapshot.ranges(in: document)
    let here: [JSON] = SpeakerAtCursor.occurrences(of: speaker, in: transcript)
      .filter { includeDeclaration || $0.0 != declaration }
      .map { ["uri": .string(document.uri), "range": ranges.range($0.0)] }
    try cancel.checkCancelled()
    let elsewhere = snapshot.workspace.read { index -> [ReferenceTarget] in
      guard let me = index.documents[document.uri]?.speakers.first(where: { $0.id == speaker })
      else { return [] }
      return index.turns(of: me).filter { $0.document != document.uri }.flatMap { doc, other in
        other.turns.map { $0.target(in: doc) }
      }
    }
    return .array(here + elsewhere.map(encoder.location))
  }

  /// Every mention in the workspace of the entity under the cursor, this document's first.
  static func entityMentions(
    at offset: Int, _ document: Document, _ snapshot: Snapshot, _ encoder: ReferenceEncoder,
    _ cancel: CancellationToken
  ) throws(ResponseError) -> [JSON] {
    let targets = snapshot.workspace.read { index -> [ReferenceTarget] in
      guard let mention = index.mention(at: offset, in: document.uri) else { return [] }
      let all = index.mentions(ofEntity: mention.key)
      let mine = all.filter { $0.document == document.uri }
      let others = all.filter { $0.document != document.uri }
      return (mine + others).flatMap { doc, places in places.map { $0.target(in: doc) } }
    }
    try cancel.checkCancelled()
    return targets.map(encoder.location)
  }
}

/// `textDocument/documentHighlight`: all turns of the speaker under the cursor.
enum DocumentHighlight {
  static let method = "textDocument/documentHighlight"
  static let highlightLimit = 100

  /// The evidence of the topic whose evidence lies under `offset`, at most `highlightLimit`
  /// spans, the nearest to the cursor; nil when the cursor is on no evidence.
  static func topicEvidence(at offset: Int, _ document: Document, _ snapshot: Snapshot)
    -> [Range<Int>]?
  {
    guard let index = document.transcript.turnIndex(atOffset: offset) else { return nil }
    // This turn first (O(turn)); the whole document only when the cursor is on evidence.
    let here = snapshot.topics(ofTurn: index, in: document)
    guard
      let tag = here.tags.first(where: { tag in
        tag.evidence.contains { $0.lowerBound <= offset && offset <= $0.upperBound }
      })
    else { return nil }
    let topics = snapshot.topics(document)
    var spans: [Range<Int>] = []
    for turn in topics.turns {
      for other in turn.tags where other.topic == tag.topic { spans += other.evidence }
    }
    spans.sort { abs($0.lowerBound - offset) < abs($1.lowerBound - offset) }
    return Array(spans.prefix(highlightLimit)).sorted { $0.lowerBound < $1.lowerBound }
  }

  static func handle(_ snapshot: Snapshot, _ params: Params, _ cancel: CancellationToken)
    throws(ResponseError) -> JSON
  {
    let document = try snapshot.document(try params.string("textDocument.uri"))
    let transcript = document.transcript
    let offset = snapshot.offset(try params.position("position"), in: document)
    // On a word that made a topic tag: every word that made that topic, nearest first.
    if let evidence = topicEvidence(at: offset, document, snapshot) {
      let ranges = snapshot.ranges(in: document)
      return .array(evidence.map { ["range": ranges.range($0), "kind": 1] })
    }
    let speaker =
      SpeakerAtCursor.speaker(at: offset, in: transcript)
      ?? transcript.turnIndex(atOffset: offset).map { transcript.turns[$0].speaker }
    guard let speaker else { return [] }
    let ranges = snapshot.ranges(in: document)
    // In a long transcript, the turns nearest the cursor: the ones a person can see.
    let near = transcript.turnIndex(atOffset: offset) ?? 0
    let turns = document.index.turns(of: speaker, nearest: near, limit: highlightLimit)
    // DocumentHighlightKind: 2 Read for speech, 3 Write for the labels that name the speaker.
    return .array(
      turns.map { index in
        let turn = transcript.turns[index]
        let range = turn.label ?? DocumentSymbols.selection(of: turn, transcript)
        return ["range": ranges.range(range), "kind": turn.label == nil ? 2 : 3]
      })
  }
}

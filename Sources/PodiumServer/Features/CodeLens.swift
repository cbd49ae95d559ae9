import PodiumAnalysis
import PodiumCore
import PodiumJSON
import PodiumRPC

/// `textDocument/codeLens`: above a speaker's first label "N turns · W words"; on a question
/// "answered by …" or "no answer". Title-only lenses (a command with an empty id), so nothing
/// needs resolving.
enum CodeLens {
  static let method = "textDocument/codeLens"

  static var capability: JSON { ["resolveProvider": false] }

  /// Above this many bytes, repeat lenses come from references computed in the background.
  static let computeLimit = 1 << 20

  struct Lens: Equatable {
    var range: Range<Int>
    var title: String
  }

  static func handle(_ snapshot: Snapshot, _ params: Params, _ cancel: CancellationToken)
    throws(ResponseError) -> JSON
  {
    let document = try snapshot.document(try params.string("textDocument.uri"))
    guard snapshot.configuration.codeLens else { return [] }
    let ranges = snapshot.ranges(in: document)
    var all = try lenses(document.transcript, cancel)
    if snapshot.configuration.topicLens {
      all += topicLenses(document.transcript, snapshot.topics(document), snapshot.tagger.taxonomy)
    }
    // A long transcript's references cost seconds: they are computed off the worker once edits
    // stop (the client is asked to refresh its lenses then); until then, no repeat lenses.
    let references =
      document.text.utf8Count < CodeLens.computeLimit
      ? snapshot.crossReferences(document) : snapshot.workspace.cachedLinks(of: document) ?? []
    all += repeatLenses(references, document.text)
    return .array(
      all.map { lens in
        [
          "range": ranges.range(lens.range),
          "command": ["title": .string(lens.title), "command": ""],
        ]
      })
  }

  /// "Topics: Defence spending · Ukraine" above each tagged turn (its top three tags).
  static func topicLenses(
    _ transcript: Transcript, _ topics: TranscriptTopics, _ taxonomy: Taxonomy
  )
    -> [Lens]
  {
    topics.turns.compactMap { turnTopics in
      guard !turnTopics.tags.isEmpty, transcript.turns.indices.contains(turnTopics.turn) else {
        return nil
      }
      let turn = transcript.turns[turnTopics.turn]
      let anchor = clamp(
        turn.label ?? lineRange(of: turn.body.lowerBound, transcript.text), transcript.text)
      let labels = turnTopics.tags.prefix(3).map { taxonomy.topic($0.topic)?.label ?? $0.topic }
      return Lens(range: anchor, title: "Topics: " + labels.joined(separator: " · "))
    }
  }

  /// "Said also in N transcripts" where a repeated passage starts, N counting every other
  /// transcript whose repeat covers that point (a sweep over the passages in text order).
  static func repeatLenses(_ references: [CrossReference], _ text: TextBuffer) -> [Lens] {
    let repeats = references.filter { $0.kind == .repeats && $0.target.document != nil }
      .sorted { $0.from.lowerBound < $1.from.lowerBound }
    var out: [Lens] = []
    var active: [CrossReference] = []
    var i = 0
    while i < repeats.count {
      let start = repeats[i].from.lowerBound
      active.removeAll { $0.from.upperBound <= start }
      while i < repeats.count, repeats[i].from.lowerBound == start {
        active.append(repeats[i])
        i += 1
      }
      let n = Set(active.compactMap(\.target.document)).count
      out.append(
        Lens(
          range: clamp(lineRange(of: start, text), text),
          title: "said also in \(n) \(n == 1 ? "transcript" : "transcripts")"))
    }
    return out
  }

  static func lenses(_ transcript: Transcript, _ cancel: CancellationToken = .never)
    throws(ResponseError)
    -> [Lens]
  {
    let text = transcript.text
    var turnCounts: [String: Int] = [:]
    var wordCounts: [String: Int] = [:]
    var firstLabel: [String: Int] = [:]
    var answers: [Int: [String]] = [:]
    for (index, turn) in transcript.turns.enumerated() {
      if index % 256 == 0 { try cancel.checkCancelled() }
      turnCounts[turn.speaker, default: 0] += 1
      wordCounts[turn.speaker, default: 0] += words(in: text.bytes(in: clamp(turn.body, text)))
      if turn.label != nil, firstLabel[turn.speaker] == nil { firstLabel[turn.speaker] = index }
      if let question = turn.replyTo, !(answers[question]?.contains(turn.speaker) ?? false) {
        answers[question, default: []].append(turn.speaker)
      }
    }
    var names: [String: String] = [:]
    for speaker in transcript.speakers { names[speaker.id] = speaker.name }

    var result: [Lens] = []
    for (index, turn) in transcript.turns.enumerated() {
      let anchor = clamp(turn.label ?? lineRange(of: turn.body.lowerBound, text), text)
      if firstLabel[turn.speaker] == index {
        let turns = turnCounts[turn.speaker] ?? 0
        let words = wordCounts[turn.speaker] ?? 0
        result.append(
          Lens(
            range: anchor,
            title:
              "\(turns) \(turns == 1 ? "turn" : "turns") · \(words) \(words == 1 ? "word" : "words")"
          ))
      }
      if turn.kind == .question {
        let by = (answers[index] ?? []).map { names[$0] ?? $0 }
        result.append(
          Lens(range: anchor, title: by.isEmpty ? "no answer" : "answered by " + list(by)))
      }
    }
    return result
  }

  static func list(_ names: [String]) -> String {
    names.count <= 2
      ? names.joined(separator: " and ")
      : names.dropLast().joined(separator: ", ") + " and " + names.last!
  }

  static func clamp(_ range: Range<Int>, _ text: TextBuffer) -> Range<Int> {
    let upper = min(max(range.upperBound, 0), text.utf8Count)
    return min(max(range.lowerBound, 0), upper)..<upper
  }

  static func lineRange(of offset: Int, _ text: TextBuffer) -> Range<Int> {
    let line = text.line(containing: offset)
    return text.lineStart(line)..<text.lineEnd(line)
  }

  /// Words: runs of letters, digits and joining apostrophes or hyphens.
  static func words(in bytes: [UInt8]) -> Int {
    var count = 0
    var inWord = false
    for byte in bytes {
      let wordByte =
        LabelAnatomy.isWordByte(byte) && byte != UInt8(ascii: "'") && byte != UInt8(ascii: "-")
      let joiner = byte == UInt8(ascii: "'") || byte == UInt8(ascii: "-")
      if wordByte {
        if !inWord { count += 1 }
        inWord = true
      } else if !(joiner && inWord) {
        inWord = false
      }
    }
    return count
  }
}

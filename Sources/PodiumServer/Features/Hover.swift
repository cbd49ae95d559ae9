import PodiumAnalysis
import PodiumCore
import PodiumJSON
import PodiumRPC

/// `textDocument/hover`: who is speaking here, and how this turn connects.
enum Hover {
  static let method = "textDocument/hover"

  static func handle(_ snapshot: Snapshot, _ params: Params, _ cancel: CancellationToken)
    throws(ResponseError) -> JSON
  {
    let document = try snapshot.document(try params.string("textDocument.uri"))
    let transcript = document.transcript
    let text = transcript.text
    let offset = snapshot.offset(try params.position("position"), in: document)
    let line = text.line(containing: offset)
    let lineRange = text.lineStart(line)..<text.lineEnd(line)
    guard text.bytes(in: lineRange).contains(where: { !isBlank($0) }) else { return .null }
    let markdown = snapshot.acceptsMarkdown("hover")
    let ranges = snapshot.ranges(in: document)

    guard let index = transcript.turnIndex(atLine: line) else {
      guard transcript.header.lines.contains(line),
        let summary = headerSummary(transcript, markdown: markdown)
      else { return .null }
      return content(summary, markdown: markdown, range: ranges.range(lineRange))
    }
    let turn = transcript.turns[index]
    let onLabel = turn.label.map { $0.contains(offset) || $0.upperBound == offset } ?? false
    var body = describe(
      turn, in: transcript, index: document.index, onLabel: onLabel, markdown: markdown)
    // Only this turn is tagged (O(turn)): a hover after an edit never waits for the document.
    if let tags = topicLine(
      snapshot.topics(ofTurn: index, in: document), taxonomy: snapshot.tagger.taxonomy, text: text,
      markdown: markdown)
    {
      body += (markdown ? "  \n" : "\n") + tags
    }
    // The turn's cross-references, out and in; an edit not yet indexed shows this transcript's
    // own. Then where else the speaker speaks.
    let references =
      snapshot.crossReferences(document, in: turn.span, fresh: false).filter {
        $0.kind != .sameSpeaker
      } + snapshot.incomingReferences(document, turn: index)
    var lines: [String] = []
    if let list = crossReferenceList(references, markdown: markdown) { lines.append(list) }
    if snapshot.workspace.isCurrent(document) {
      let (others, count) = snapshot.otherTranscripts(of: turn, in: document)
      if count > 0 {
        let names = others.map { place($0) }.joined(separator: ", ")
        let more = count > others.count ? " and \(count - others.count) more" : ""
        lines.append(
          (markdown ? "Also speaks in " : "Also speaks in ")
            + "\(count) other \(count == 1 ? "transcript" : "transcripts"): "
            + (markdown ? escape(names) : names) + more)
      }
    }
    if !lines.isEmpty {
      body += (markdown ? "\n\n" : "\n") + lines.joined(separator: markdown ? "\n\n" : "\n")
    }
    return content(body, markdown: markdown, range: ranges.range(onLabel ? turn.label! : lineRange))
  }

  static let crossReferenceLimit = 8

  /// "Cross-references:" and one line each: what connects, and where (line n, or the other
  /// transcript's file and line).
  static func crossReferenceList(_ references: [CrossReference], markdown: Bool) -> String? {
    guard !references.isEmpty else { return nil }
    var lines = references.prefix(crossReferenceLimit).map { reference in
      let place = place(reference.target)
      let score = reference.score < 1 ? " (\(Int((reference.score * 100).rounded()))%)" : ""
      let note = markdown ? escape(reference.note) : reference.note
      return (markdown ? "- " : "  ") + "\(note) — \(place)\(score)"
    }
    if references.count > crossReferenceLimit {
      lines.append(
        (markdown ? "- " : "  ") + "… and \(references.count - crossReferenceLimit) more")
    }
    return (markdown ? "**Cross-references**\n" : "Cross-references:\n")
      + lines.joined(separator: "\n")
  }

  /// "line 12" in this transcript, "file.txt:12" in another.
  static func place(_ target: ReferenceTarget) -> String {
    let line = target.lines.lowerBound + 1
    return target.document.map { uri in
      "\(uri.split(separator: "/").last.map(String.init) ?? uri):\(line)"
    } ?? "line \(line)"
  }

  /// "Topics: Label (word, word) · …" — the turn's top tags with their evidence words.
  static func topicLine(
    _ topics: TurnTopics, taxonomy: Taxonomy, text: TextBuffer, markdown: Bool
  ) -> String? {
    let tags = topics.tags.prefix(3)
    guard !tags.isEmpty else { return nil }
    let parts = tags.map { tag -> String in
      let label = taxonomy.topic(tag.topic)?.label ?? tag.topic
      var seen = Set<String>()
      let words = tag.evidence.compactMap { range -> String? in
        let w = String(decoding: text.bytes(in: range), as: UTF8.self)
        return seen.insert(w.lowercased()).inserted ? w : nil
      }.prefix(4)
      let shown = markdown ? "**\(escape(label))**" : label
      return shown + " ("
        + (markdown ? escape(words.joined(separator: ", ")) : words.joined(separator: ", ")) + ")"
    }
    return "Topics: " + parts.joined(separator: " · ")
  }

  private static func content(_ value: String, markdown: Bool, range: JSON) -> JSON {
    [
      "contents": ["kind": markdown ? "markdown" : "plaintext", "value": .string(value)],
      "range": range,
    ]
  }

  static func describe(
    _ turn: Turn, in transcript: Transcript, index: TurnIndex, onLabel: Bool, markdown: Bool
  ) -> String {
    let bold = { (s: String) in markdown ? "**\(escape(s))**" : s }
    let plain = { (s: String) in markdown ? escape(s) : s }
    let speaker = index.speakerByID[turn.speaker].map { transcript.speakers[$0] }
    var lines: [String] = []

    var title = bold(speaker?.name ?? turn.speaker)
    let details = [speaker?.role, speaker?.organization, speaker?.affiliation].compactMap { $0 }
    if !details.isEmpty { title += " — " + plain(details.joined(separator: ", ")) }
    lines.append(title)

    let (position, count) = index.ordinal(of: turn)
    var facts = [
      speaker?.kind.rawValue ?? "unknown", "\(turn.kind.rawValue)", "turn \(position) of \(count)",
    ]
    switch turn.attribution {
    case .header: facts.append("attributed from the header")
    case .continuation: facts.append("continues the previous turn")
    case .label: break
    }
    lines.append(plain(facts.joined(separator: " · ")))

    if let question = turn.replyTo, transcript.turns.indices.contains(question) {
      let asked = transcript.turns[question]
      lines.append(
        "Answers \(bold(transcript.displayName(of: asked.speaker))): “\(plain(transcript.excerpt(of: asked)))”"
      )
    }
    if turn.kind == .question {
      let answers = index.answersByQuestion[turn.index] ?? []
      let names = answers.map { transcript.displayName(of: transcript.turns[$0].speaker) }.uniqued()
      lines.append(
        names.isEmpty
          ? plain("No answer in this transcript")
          : "Answered by " + names.map(bold).joined(separator: ", "))
    }
    if onLabel, let aliases = speaker?.aliases, !aliases.isEmpty {
      lines.append(
        "Labelled as: " + aliases.map { markdown ? "`\($0)`" : $0 }.joined(separator: " · "))
    }
    return lines.joined(separator: markdown ? "  \n" : "\n")
  }

  private static func headerSummary(_ transcript: Transcript, markdown: Bool) -> String? {
    let header = transcript.header
    var parts: [String] = []
    if let title = header.title { parts.append(markdown ? "**\(escape(title))**" : title) }
    let facts = [
      header.eventKind?.rawValue, header.date?.iso8601, header.place,
      header.principalSpeaker.map { transcript.displayName(of: $0) },
      header.asDelivered ? "as delivered" : nil,
    ].compactMap { $0 }
    if !facts.isEmpty {
      parts.append(
        markdown ? escape(facts.joined(separator: " · ")) : facts.joined(separator: " · "))
    }
    return parts.isEmpty ? nil : parts.joined(separator: markdown ? "  \n" : "\n")
  }

  /// Markdown's special characters, so that names print as written.
  static func escape(_ text: String) -> String {
    var out = ""
    for character in text {
      if "\\`*_[]<>#|".contains(character) { out.append("\\") }
      out.append(character)
    }
    return out
  }

}

func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }

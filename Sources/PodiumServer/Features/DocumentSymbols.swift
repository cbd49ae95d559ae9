import PodiumCore
import PodiumJSON
import PodiumRPC

/// `textDocument/documentSymbol`: header, opening statement, then the Q&A as exchanges.
enum DocumentSymbols {
  static let method = "textDocument/documentSymbol"

  // LSP SymbolKind values.
  static let moduleKind = 2, eventKind = 24, functionKind = 12, stringKind = 15

  static func handle(_ snapshot: Snapshot, _ params: Params, _ cancel: CancellationToken)
    throws(ResponseError) -> JSON
  {
    let document = try snapshot.document(try params.string("textDocument.uri"))
    let transcript = document.transcript
    let ranges = snapshot.ranges(in: document)
    var symbols: [JSON] = []
    if !transcript.header.range.isEmpty {
      let header = transcript.header
      symbols.append(
        symbol(
          name: header.title ?? "Header",
          detail: [header.eventKind?.rawValue, header.date?.iso8601].compactMap { $0 }.joined(
            separator: " · "),
          kind: moduleKind, range: ranges.range(header.range), selection: ranges.range(header.range)
        ))
    }
    for section in Section.sections(of: transcript) {
      try cancel.checkCancelled()
      switch section {
      case .turn(let index):
        symbols.append(turnSymbol(index, transcript, ranges))
      case .exchange(let question, let turns):
        let asker = transcript.speaker(id: transcript.turns[question].speaker)?.name ?? "Question"
        let answerers = turns.dropFirst().map { transcript.turns[$0] }.filter { $0.kind == .answer }
          .compactMap { transcript.speaker(id: $0.speaker)?.name }.uniqued()
        let name =
          answerers.isEmpty
          ? "\(asker) — no answer" : "\(asker) → \(answerers.joined(separator: ", "))"
        let bytes = transcript.bytes(of: turns)
        symbols.append(
          symbol(
            name: name, detail: transcript.excerpt(of: transcript.turns[question], words: 8),
            kind: eventKind,
            range: ranges.range(bytes),
            selection: ranges.range(selection(of: transcript.turns[question], transcript)),
            children: turns.map { turnSymbol($0, transcript, ranges) }))
      }
    }
    if snapshot.clientCapabilities["textDocument"]?["documentSymbol"]?[
      "hierarchicalDocumentSymbolSupport"]?.boolValue == true
    {
      return .array(symbols)
    }
    return .array(flatten(symbols, uri: document.uri, container: nil))
  }

  private static func turnSymbol(_ index: Int, _ transcript: Transcript, _ ranges: RangeEncoder)
    -> JSON
  {
    let turn = transcript.turns[index]
    let name = transcript.speaker(id: turn.speaker)?.name ?? turn.speaker
    let detail = turn.attribution == .header ? "opening statement" : turn.kind.rawValue
    return symbol(
      name: name, detail: detail, kind: turn.kind == .question ? stringKind : functionKind,
      range: ranges.range(transcript.bytes(of: index..<(index + 1))),
      selection: ranges.range(selection(of: turn, transcript)))
  }

  /// The label, or the first line of an unlabelled turn.
  static func selection(of turn: Turn, _ transcript: Transcript) -> Range<Int> {
    if let label = turn.label { return label }
    let line = transcript.text.line(containing: turn.body.lowerBound)
    return turn.body
      .lowerBound..<max(
        turn.body.lowerBound, min(turn.body.upperBound, transcript.text.lineEnd(line)))
  }

  private static func symbol(
    name: String, detail: String, kind: Int, range: JSON, selection: JSON, children: [JSON]? = nil
  ) -> JSON {
    var object: JSONObject = [
      "name": .string(name.isEmpty ? "(unnamed)" : name), "detail": .string(detail),
      "kind": JSON(kind),
      "range": range, "selectionRange": selection,
    ]
    if let children { object["children"] = .array(children) }
    return .object(object)
  }

  /// SymbolInformation for clients without hierarchical support.
  private static func flatten(_ symbols: [JSON], uri: String, container: String?) -> [JSON] {
    symbols.flatMap { symbol -> [JSON] in
      var info: JSONObject = [
        "name": symbol["name"] ?? "", "kind": symbol["kind"] ?? 12,
        "location": ["uri": .string(uri), "range": symbol["range"] ?? nil],
      ]
      if let container { info["containerName"] = .string(container) }
      return [.object(info)]
        + flatten(
          symbol["children"]?.arrayValue ?? [], uri: uri, container: symbol["name"]?.stringValue)
    }
  }
}

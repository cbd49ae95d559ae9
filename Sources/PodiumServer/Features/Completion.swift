import PodiumCore
import PodiumJSON
import PodiumRPC

/// `textDocument/completion` at the start of a line, or while typing a label there: the labels
/// of the speakers already in the document, written in the document's own label style
/// (own-line with or without colon, inline `Name: `, `Name (Outlet): `), and a "New speaker"
/// snippet when the client takes snippets. Nothing in the middle of a sentence.
enum Completion {
  static let method = "textDocument/completion"

  static var capability: JSON { ["resolveProvider": false] }

  struct Item: Equatable {
    var label: String
    var insert: String
    var detail: String?
    var isSnippet: Bool
    var sortText: String
  }

  static func handle(_ snapshot: Snapshot, _ params: Params, _ cancel: CancellationToken)
    throws(ResponseError) -> JSON
  {
    let document = try snapshot.document(try params.string("textDocument.uri"))
    let position = try params.position("position")
    let text = document.text
    guard position.line >= 0, position.line < text.lineCount, position.character >= 0 else {
      return ["isIncomplete": false, "items": []]
    }
    let offset = text.offset(of: position, encoding: snapshot.encoding)
    let snippets =
      snapshot.clientCapabilities["textDocument"]?["completion"]?["completionItem"]?[
        "snippetSupport"]?
      .boolValue ?? false
    let (replace, items) = self.items(document.transcript, at: offset, snippets: snippets)
    let ranges = snapshot.ranges(in: document)
    return [
      "isIncomplete": false,
      "items": .array(
        items.map { item in
          var json: JSONObject = [
            "label": .string(item.label),
            "kind": item.isSnippet ? 15 : 7,  // Snippet, Class
            "sortText": .string(item.sortText),
            "filterText": .string(item.label),
            "textEdit": ["range": ranges.range(replace), "newText": .string(item.insert)],
            "insertTextFormat": item.isSnippet ? 2 : 1,
          ]
          if let detail = item.detail { json["detail"] = .string(detail) }
          return .object(json)
        }),
    ]
  }

  /// The range the items replace (line start to cursor) and the items.
  static func items(_ transcript: Transcript, at offset: Int, snippets: Bool) -> (
    Range<Int>, [Item]
  ) {
    let text = transcript.text
    let line = text.line(containing: offset)
    let lineStart = text.lineStart(line)
    let cursor = min(max(offset, lineStart), text.lineEnd(line))
    let typed = String(decoding: text.bytes(in: lineStart..<cursor), as: UTF8.self)
    let trimmed = typed.drop { $0 == " " || $0 == "\t" }
    let replace = lineStart..<cursor

    let anatomies = transcript.labelAnatomies()
    let style = LabelStyle(of: transcript, anatomies: anatomies.compactMap { $0 })

    // An own-line label ends with a line break, so speech after the cursor moves below it.
    // One item per distinct label text, the speakers with most turns first.
    var turnsBySpeaker: [String: Int] = [:]
    for turn in transcript.turns { turnsBySpeaker[turn.speaker, default: 0] += 1 }
    var seen: Set<String> = []
    var candidates: [(core: String, speaker: Speaker?, turns: Int, order: Int)] = []
    for (index, anatomy) in anatomies.enumerated() {
      guard let anatomy else { continue }
      // Never offer the label being typed on this very line.
      if text.line(containing: anatomy.range.lowerBound) == line { continue }
      // The label's words with its decoration ("🗣 | NATO Secretary General"), without the colon.
      let core = String(
        decoding: text.bytes(in: anatomy.range.lowerBound..<anatomy.core.upperBound), as: UTF8.self)
      guard !core.isEmpty, seen.insert(core.lowercased()).inserted else { continue }
      let id = transcript.turns[index].speaker
      candidates.append(
        (core, transcript.speaker(id: id), turnsBySpeaker[id] ?? 0, candidates.count))
    }
    candidates.sort { ($1.turns, $0.order) < ($0.turns, $1.order) }

    let prefix = trimmed.lowercased()
    var items: [Item] = []
    for (rank, candidate) in candidates.enumerated() {
      if !prefix.isEmpty {
        let name = candidate.speaker?.name.lowercased() ?? ""
        guard candidate.core.lowercased().hasPrefix(prefix) || name.hasPrefix(prefix) else {
          continue
        }
      }
      let about = [
        candidate.speaker?.role, candidate.speaker?.organization ?? candidate.speaker?.affiliation,
      ].compactMap { $0 }
      items.append(
        Item(
          label: candidate.core, insert: style.render(candidate.core),
          detail: about.isEmpty ? nil : about.joined(separator: ", "), isSnippet: false,
          sortText: padded(rank)))
    }
    // Mid-sentence: something typed that starts no label.
    if !prefix.isEmpty, items.isEmpty { return (replace, []) }
    if snippets, prefix.isEmpty || "new speaker".hasPrefix(prefix) {
      let template =
        style.parenthesizedOutlet ? "${1:Name} (${2:Outlet})" : "${1:Name}, ${2:Outlet}"
      items.append(
        Item(
          label: "New speaker", insert: style.render(template) + "$0",
          detail: style.render("Name, Outlet").trimmingLineBreak(), isSnippet: true,
          sortText: "9999"))
    }
    return (replace, items)
  }
}

/// "0007": sorts as text the way the number does.
func padded(_ value: Int) -> String {
  let digits = "\(value)"
  return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}

extension String {
  fileprivate func trimmingLineBreak() -> String {
    var copy = self
    while copy.last == "\n" || copy.last == "\r" || copy.last == "\r\n" { copy.removeLast() }
    return copy
  }
}

import PodiumCore
import PodiumJSON
import PodiumRPC

/// `textDocument/codeAction`: quick fixes for findings with a suggestion (a name spelled
/// differently from its label, an outlet named differently from the label), matched to the
/// request's diagnostics by code and range and also offered under the cursor; and two rewrites
/// of every label of the document: inline (`Name: text`) and own-line.
enum CodeActions {
  static let method = "textDocument/codeAction"

  static let quickFix = "quickfix"
  static let rewrite = "refactor.rewrite"

  static var capability: JSON {
    ["codeActionKinds": [.string(quickFix), .string(rewrite)], "resolveProvider": false]
  }

  static func handle(_ snapshot: Snapshot, _ params: Params, _ cancel: CancellationToken)
    throws(ResponseError) -> JSON
  {
    let document = try snapshot.document(try params.string("textDocument.uri"))
    let (start, end) = try params.range("range")
    let transcript = document.transcript
    let text = transcript.text
    let from = text.offset(of: start, encoding: snapshot.encoding)
    let to = max(from, text.offset(of: end, encoding: snapshot.encoding))
    let diagnostics = params.value("context.diagnostics")?.arrayValue ?? []
    let only = params.value("context.only")?.arrayValue?.compactMap(\.stringValue)
    func wanted(_ kind: String) -> Bool {
      guard let only, !only.isEmpty else { return true }
      return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
    }
    let ranges = snapshot.ranges(in: document)
    var actions: [JSON] = []

    if wanted(quickFix) {
      for finding in transcript.findings {
        guard let suggestion = finding.suggestion, finding.range.upperBound <= text.utf8Count else {
          continue
        }
        let encoded = ranges.range(finding.range)
        let matched = diagnostics.filter { diagnostic in
          diagnostic["code"]?.stringValue == finding.kind.rawValue && diagnostic["range"] == encoded
            && (diagnostic["source"]?.stringValue ?? "podium") == "podium"
        }
        let underCursor =
          finding.range.overlaps(from..<to)
          || (finding.range.lowerBound <= from && from <= finding.range.upperBound)
        guard !matched.isEmpty || underCursor else { continue }
        var action: JSONObject = [
          "title": .string(title(finding, suggestion)),
          "kind": .string(quickFix),
        ]
        if !matched.isEmpty { action["diagnostics"] = .array(matched) }
        action["isPreferred"] = true
        action["edit"] = WorkspaceEdits.edit(
          snapshot, document, [TextEdit(range: finding.range, replacement: suggestion)])
        actions.append(.object(action))
      }
    }
    try cancel.checkCancelled()
    if wanted(rewrite) {
      let anatomies = transcript.labelAnatomies()
      for inline in [true, false] {
        let edits = labelRewrite(transcript, anatomies: anatomies, inline: inline)
        guard !edits.isEmpty else { continue }
        actions.append([
          "title": .string(
            inline ? "Convert labels to inline “Name: text”" : "Convert labels to own-line style"),
          "kind": .string(rewrite),
          "edit": WorkspaceEdits.edit(snapshot, document, edits),
        ])
      }
    }
    return .array(actions)
  }

  static func title(_ finding: Finding, _ suggestion: String) -> String {
    switch finding.kind {
    case .spellingVariant: return "Use the label’s spelling “\(suggestion)”"
    case .outletVariant: return "Use the outlet’s name from the label “\(suggestion)”"
    default: return "Replace with “\(suggestion)”"
    }
  }

  /// Every label rewritten in one layout, its words kept: inline `Name: text` or own-line.
  static func labelRewrite(_ transcript: Transcript, anatomies: [LabelAnatomy?], inline: Bool)
    -> [TextEdit]
  {
    let text = transcript.text
    let present = anatomies.compactMap { $0 }
    let ownLine = present.filter { !$0.isInline }
    let colon = ownLine.isEmpty || ownLine.filter(\.hasColon).count * 2 >= ownLine.count
    let lineBreak = LabelStyle.lineBreak(of: text)
    var edits: [TextEdit] = []
    for (index, anatomy) in anatomies.enumerated() {
      guard let anatomy else { continue }
      let turn = transcript.turns[index]
      // Labels without speech after them stay as they are.
      guard !turn.body.isEmpty, turn.body.lowerBound >= anatomy.range.upperBound,
        turn.body.lowerBound <= text.utf8Count
      else { continue }
      let words = String(
        decoding: text.bytes(in: anatomy.range.lowerBound..<anatomy.core.upperBound), as: UTF8.self)
      let replaced = anatomy.range.lowerBound..<turn.body.lowerBound
      let current = String(decoding: text.bytes(in: replaced), as: UTF8.self)
      let wanted: String
      if inline {
        wanted = words + ": "
      } else if anatomy.isInline {
        wanted = words + (colon ? ":" : "") + lineBreak
      } else {
        continue  // already on its own line
      }
      if wanted != current { edits.append(TextEdit(range: replaced, replacement: wanted)) }
    }
    return edits
  }
}

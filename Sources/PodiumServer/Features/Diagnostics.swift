import PodiumCore
import PodiumJSON
import PodiumRPC

/// The core's findings as LSP diagnostics: pushed on open and change (to clients without pull
/// support) and answered to `textDocument/diagnostic`.
enum Diagnostics {
  static let method = "textDocument/diagnostic"

  /// At most this many a document, as editors do: past it a list is noise and costs each edit.
  static let limit = 1000

  static func items(for document: Document, _ snapshot: Snapshot) -> [JSON] {
    let ranges = snapshot.ranges(in: document)
    let shown = document.transcript.findings.lazy.compactMap { finding in
      snapshot.configuration.severity(of: finding.kind).map { (finding, $0) }
    }.prefix(limit)
    return shown.map { finding, severity in
      var diagnostic: JSONObject = [
        "range": ranges.range(finding.range),
        "severity": JSON(severity.rawValue),
        "code": .string(finding.kind.rawValue),
        "source": "podium",
        "message": .string(finding.message),
      ]
      if let related = finding.related {
        diagnostic["relatedInformation"] = [
          [
            "location": ["uri": .string(document.uri), "range": ranges.range(related)],
            "message": .string(finding.suggestion.map { "spelled “\($0)” here" } ?? "the label"),
          ]
        ]
      }
      if let suggestion = finding.suggestion {
        diagnostic["data"] = ["suggestion": .string(suggestion)]
      }
      return .object(diagnostic)
    }
  }

  /// Pull: a full report, or "unchanged" when the client already has this version's.
  static func handle(_ snapshot: Snapshot, _ params: Params, _ cancel: CancellationToken)
    throws(ResponseError) -> JSON
  {
    let document = try snapshot.document(try params.string("textDocument.uri"))
    let resultID = "\(document.version)-\(snapshot.configuration.hashValue)"
    if try params.optionalString("previousResultId") == resultID {
      return ["kind": "unchanged", "resultId": .string(resultID)]
    }
    return [
      "kind": "full", "resultId": .string(resultID),
      "items": .array(items(for: document, snapshot)),
    ]
  }

  static func publish(_ document: Document, _ snapshot: Snapshot, connection: Connection) {
    connection.sendNotification(
      "textDocument/publishDiagnostics",
      params: [
        "uri": .string(document.uri), "version": JSON(document.version),
        "diagnostics": .array(items(for: document, snapshot)),
      ])
  }

  static func clear(_ uri: String, connection: Connection) {
    connection.sendNotification(
      "textDocument/publishDiagnostics", params: ["uri": .string(uri), "diagnostics": []])
  }
}

import PodiumCore
import PodiumJSON
import PodiumRPC

/// `textDocument/foldingRange`: the header, each turn and each exchange.
enum FoldingRanges {
  static let method = "textDocument/foldingRange"

  static func handle(_ snapshot: Snapshot, _ params: Params, _ cancel: CancellationToken)
    throws(ResponseError) -> JSON
  {
    let transcript = try snapshot.document(try params.string("textDocument.uri")).transcript
    var folds: [JSON] = []
    func fold(_ lines: Range<Int>, kind: String? = nil) {
      // Fold up to the last non-blank line; one line has nothing to fold.
      var last = lines.upperBound - 1
      while last > lines.lowerBound,
        transcript.text.lineStart(last) == transcript.text.lineEnd(last)
      { last -= 1 }
      guard last > lines.lowerBound else { return }
      var range: JSONObject = ["startLine": JSON(lines.lowerBound), "endLine": JSON(last)]
      if let kind { range["kind"] = .string(kind) }
      folds.append(.object(range))
    }
    if !transcript.header.lines.isEmpty { fold(transcript.header.lines, kind: "comment") }
    for section in Section.sections(of: transcript) {
      if case .exchange(_, let turns) = section, turns.count > 1 {
        fold(transcript.lines(of: turns), kind: "region")
      }
      for index in section.turns { fold(transcript.turns[index].lines) }
    }
    return .array(folds)
  }
}

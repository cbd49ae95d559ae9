import PodiumCore
import PodiumJSON
import PodiumRPC

/// `textDocument/selectionRange`: paragraph → turn → exchange → document.
enum SelectionRanges {
  static let method = "textDocument/selectionRange"

  static func handle(_ snapshot: Snapshot, _ params: Params, _ cancel: CancellationToken)
    throws(ResponseError) -> JSON
  {
    let document = try snapshot.document(try params.string("textDocument.uri"))
    let transcript = document.transcript
    let ranges = snapshot.ranges(in: document)
    let sections = Section.sections(of: transcript)
    var results: [JSON] = []
    for positionJSON in try params.array("positions") {
      let position = try Params(["p": positionJSON]).position("p")
      let offset = snapshot.offset(position, in: document)
      var chain: [Range<Int>] = [offset..<offset, paragraph(around: offset, transcript.text)]
      if let index = transcript.turnIndex(atOffset: offset) {
        chain.append(transcript.bytes(of: index..<(index + 1)))
        if let section = sections.first(where: { $0.turns.contains(index) }),
          section.turns.count > 1
        {
          chain.append(transcript.bytes(of: section.turns))
        }
      }
      chain.append(0..<transcript.text.utf8Count)
      // Innermost first; each must contain the one before, so drop those that do not grow.
      var nested: [Range<Int>] = []
      for range in chain {
        if let last = nested.last {
          guard range.lowerBound <= last.lowerBound, range.upperBound >= last.upperBound,
            range != last
          else { continue }
        }
        nested.append(range)
      }
      var selection: JSON? = nil
      for range in nested.reversed() {
        var object: JSONObject = ["range": ranges.range(range)]
        if let selection { object["parent"] = selection }
        selection = .object(object)
      }
      results.append(selection ?? nil)
    }
    return .array(results)
  }

  /// The run of non-blank lines around `offset`.
  static func paragraph(around offset: Int, _ text: TextBuffer) -> Range<Int> {
    func blank(_ line: Int) -> Bool {
      !text.bytes(in: text.lineStart(line)..<text.lineEnd(line)).contains { !isBlank($0) }
    }
    let line = text.line(containing: offset)
    guard !blank(line) else { return text.lineStart(line)..<text.lineEnd(line) }
    var first = line
    var last = line
    while first > 0, !blank(first - 1) { first -= 1 }
    while last + 1 < text.lineCount, !blank(last + 1) { last += 1 }
    return text.lineStart(first)..<text.lineEnd(last)
  }
}

import PodiumAnalysis
import PodiumCore
import PodiumJSON
import PodiumRPC

/// `textDocument/documentLink`: every http(s) URL in the text, and "Transcript continues" →
/// the full transcript when it is in the workspace (at the line where the cut-off text ends).
enum DocumentLinks {
  static let method = "textDocument/documentLink"

  static var capability: JSON { ["resolveProvider": false] }

  static func handle(_ snapshot: Snapshot, _ params: Params, _ cancel: CancellationToken)
    throws(ResponseError) -> JSON
  {
    let document = try snapshot.document(try params.string("textDocument.uri"))
    let ranges = snapshot.ranges(in: document)
    let urls = urlRanges(document.text.allBytes)
    try cancel.checkCancelled()
    var links: [JSON] = urls.map { url in
      [
        "range": ranges.range(url.range), "target": .string(url.text),
        "tooltip": .string("Open \(url.text)"),
      ]
    }
    // Only the truncation marker can continue elsewhere: ask for its references alone.
    let marker = document.transcript.header.truncation?.range
    let continuations =
      marker.map { marker in
        snapshot.crossReferences(document, in: marker).filter { $0.kind == .continues }
      } ?? []
    for reference in continuations {
      guard let uri = reference.target.document else { continue }
      // The words before the URL; the URL itself keeps its web link.
      let url = urls.first { reference.from.contains($0.range.lowerBound) }
      var end = url?.range.lowerBound ?? reference.from.upperBound
      let text = document.text
      while end > reference.from.lowerBound,
        [0x20, 0x09, UInt8(ascii: ":")].contains(text.byte(at: end - 1))
      {
        end -= 1
      }
      guard end > reference.from.lowerBound else { continue }
      links.append([
        "range": ranges.range(reference.from.lowerBound..<end),
        "target": .string(uri + "#L\(reference.target.lines.lowerBound + 1)"),
        "tooltip": .string("Continues in the workspace: \(reference.note)"),
      ])
    }
    return .array(links)
  }

  struct URL: Equatable {
    var range: Range<Int>
    var text: String
  }

  /// `http://` and `https://` URLs up to a space, a quote or a closing bracket, without the
  /// sentence's final punctuation.
  static func urlRanges(_ bytes: [UInt8]) -> [URL] {
    var out: [URL] = []
    let scheme = Array("http".utf8)
    var i = 0
    while i + 7 < bytes.count {
      guard bytes[i] == scheme[0], bytes[i..<(i + 4)].elementsEqual(scheme),
        i == 0 || !isURLByte(bytes[i - 1]) || bytes[i - 1] == UInt8(ascii: "(")
      else {
        i += 1
        continue
      }
      var j = i + 4
      if bytes[j] == UInt8(ascii: "s") { j += 1 }
      guard j + 3 <= bytes.count, bytes[j..<(j + 3)].elementsEqual("://".utf8) else {
        i += 1
        continue
      }
      var end = j + 3
      while end < bytes.count, isURLByte(bytes[end]) { end += 1 }
      while end > j + 3, ".,;:!?".utf8.contains(bytes[end - 1]) { end -= 1 }
      if end > j + 3 {
        out.append(URL(range: i..<end, text: String(decoding: bytes[i..<end], as: UTF8.self)))
      }
      i = end
    }
    return out
  }

  private static func isURLByte(_ b: UInt8) -> Bool {
    b > 0x20 && b < 0x7F && !"\"'<>()[]{}|\\^`".utf8.contains(b)
  }
}

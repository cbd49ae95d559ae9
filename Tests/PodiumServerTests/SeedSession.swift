import Foundation
import PodiumCore
import PodiumJSON
import PodiumRPC

@testable import PodiumServer

/// A server with one seed transcript open, and positions found by the text around them:
/// `position(of: "Lili Bayer, Reuters", plus: 3)` is three characters into that text.
struct SeedSession {
  static let seedsDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/seeds")

  static func seedText(_ prefix: String) -> String {
    let names = try! FileManager.default.contentsOfDirectory(atPath: seedsDirectory.path)
    let name = names.first { $0.hasPrefix(prefix) }!
    return try! String(contentsOf: seedsDirectory.appendingPathComponent(name), encoding: .utf8)
  }

  let harness = ServerHarness()
  let uri: String
  let text: String
  let encoding: PositionEncoding

  init(seed prefix: String, encoding: PositionEncoding = .utf16, markdown: Bool = true) {
    uri = "file:///seeds/\(prefix).txt"
    text = Self.seedText(prefix)
    self.encoding = encoding
    var capabilities: JSONObject = [
      "general": ["positionEncodings": [.string(encoding.rawValue)]],
      "textDocument": [
        "hover": ["contentFormat": markdown ? ["markdown", "plaintext"] : ["plaintext"]],
        "documentSymbol": ["hierarchicalDocumentSymbolSupport": true],
      ],
    ]
    if encoding == .utf16 { capabilities["general"] = [:] }
    _ = harness.request(
      "initialize", ["processId": nil, "rootUri": nil, "capabilities": .object(capabilities)])
    harness.notify("initialized", [:])
    harness.open(uri, text)
  }

  /// The position `plus` characters (in this session's encoding) into the first `needle`.
  func position(of needle: String, plus: Int = 0, occurrence: Int = 0) -> JSON {
    var searchStart = text.startIndex
    var found = text.range(of: needle)!
    for _ in 0..<occurrence {
      searchStart = found.upperBound
      found = text.range(of: needle, range: searchStart..<text.endIndex)!
    }
    let offset = text.utf8.distance(from: text.startIndex, to: found.lowerBound)
    let buffer = TextBuffer(text)
    let start = buffer.position(of: offset, encoding: encoding)
    return ["line": JSON(start.line), "character": JSON(start.character + plus)]
  }

  func request(_ method: String, at position: JSON, _ extra: JSONObject = [:]) -> JSON? {
    var params: JSONObject = ["textDocument": ["uri": .string(uri)], "position": position]
    for (key, value) in extra { params[key] = value }
    return try? harness.request(method, .object(params)).get()
  }

  func request(_ method: String, _ params: JSONObject = [:]) -> Result<JSON, ResponseError> {
    var params = params
    params["textDocument"] = ["uri": .string(uri)]
    return harness.request(method, .object(params))
  }

  func hoverText(at position: JSON) -> String? {
    request("textDocument/hover", at: position)?["contents"]?["value"]?.stringValue
  }

  func line(_ json: JSON?) -> Int? { json?["range"]?["start"]?["line"]?.intValue }
}

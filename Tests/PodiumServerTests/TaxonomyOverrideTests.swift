import Foundation
import PodiumAnalysis
import PodiumJSON
import Testing

@testable import PodiumServer

/// A workspace's `.podium/topics.json` and the `podium.topics` setting change what is tagged;
/// an invalid file gets a diagnostic and changes nothing.
@Suite struct TaxonomyOverrideTests {
  static let transcript = """
    Press conference

    Anna Berg, Minister of Industry: Our widget factories will double widget output, and the widget exports grow.

    Lili Bayer, Reuters: Minister, what about gadgets?
    """

  static let widgets = #"""
    {"topics": [{"id": "widgets", "label": "Widgets", "parent": "economy",
      "terms": [{"phrase": "widget", "weight": 2}, {"phrase": "widget factories", "weight": 3}]}]}
    """#

  func workspace(_ file: String?) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("podium-\(UUID())")
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent(".podium"), withIntermediateDirectories: true)
    if let file {
      try file.write(
        to: root.appendingPathComponent(".podium/topics.json"), atomically: true, encoding: .utf8)
    }
    return root
  }

  func session(root: URL?, options: JSON? = nil) -> ServerHarness {
    let harness = ServerHarness()
    var params: JSONObject = [
      "processId": nil,
      "capabilities": ["textDocument": ["hover": ["contentFormat": ["markdown"]]]],
    ]
    params["rootUri"] = root.map { .string($0.absoluteString) } ?? nil
    if let options { params["initializationOptions"] = options }
    _ = harness.request("initialize", .object(params))
    harness.notify("initialized", [:])
    harness.open("file:///t.transcript", Self.transcript)
    return harness
  }

  func hover(_ harness: ServerHarness) -> String {
    let result = try? harness.request(
      "textDocument/hover",
      ["textDocument": ["uri": "file:///t.transcript"], "position": ["line": 2, "character": 40]]
    ).get()
    return result?["contents"]?["value"]?.stringValue ?? ""
  }

  @Test func aWorkspaceFileAddsTopics() throws {
    let root = try workspace(Self.widgets)
    defer { try? FileManager.default.removeItem(at: root) }
    let harness = session(root: root)
    #expect(hover(harness).contains("**Widgets** (widget, widget factories)"))
    let pushed = String(decoding: harness.sink.bytes, as: UTF8.self)
    #expect(!pushed.contains("invalid-taxonomy"))
    #expect(!hover(session(root: nil)).contains("Widgets"))
  }

  @Test(arguments: [
    #"{"topics": [{"id": "Widgets!", "label": "W", "terms": [{"phrase": "widget", "weight": 2}]}]}"#,
    #"{"topics": [{"id": "widgets", "label": "W", "parent": "nope", "terms": [{"phrase": "widget", "weight": 2}]}]}"#,
    #"{"topics": [{"id": "widgets", "label": "W", "terms": [{"phrase": "", "weight": 2}]}]}"#,
    #"{"topics": "#,
  ])
  func anInvalidFileGetsADiagnosticAndIsIgnored(_ file: String) throws {
    let root = try workspace(file)
    defer { try? FileManager.default.removeItem(at: root) }
    let harness = session(root: root)
    let pushed = String(decoding: harness.sink.bytes, as: UTF8.self)
    #expect(pushed.contains("invalid-taxonomy"))
    #expect(pushed.contains(".podium/topics.json"))
    #expect(!hover(harness).contains("Widgets"))
  }

  @Test func theSettingAddsTopicsToo() throws {
    let settings = try JSON.parse(#"{"podium": {"topics": \#(Self.widgets)}}"#)
    let harness = session(root: nil, options: settings)
    #expect(hover(harness).contains("**Widgets**"))
  }
}

@Suite struct TaxonomyJSONTests {
  /// The built-in taxonomy in its JSON form reads back as itself (`podium topics` prints it).
  @Test func theDefaultRoundTrips() throws {
    let json = TaxonomyJSON.encode(.default)
    let back = try TaxonomyJSON.apply(try JSON.parse(json.serializedString()), over: .default)
    #expect(back == .default)
  }
}

@Suite struct TaxonomyWatchTests {
  @Test func aChangedFileIsReadAgain() throws {
    let suite = TaxonomyOverrideTests()
    let root = try suite.workspace(nil)
    defer { try? FileManager.default.removeItem(at: root) }
    let harness = suite.session(root: root)
    #expect(!suite.hover(harness).contains("Widgets"))
    let file = root.appendingPathComponent(".podium/topics.json")
    try TaxonomyOverrideTests.widgets.write(to: file, atomically: true, encoding: .utf8)
    harness.notify(
      "workspace/didChangeWatchedFiles",
      ["changes": [["uri": .string(file.absoluteString), "type": 1]]])
    #expect(suite.hover(harness).contains("**Widgets**"))
  }
}

import Foundation
import PodiumCore
import PodiumJSON
import PodiumRPC
import Testing

@testable import PodiumServer

/// A server whose workspace folder holds copies of the five seeds, indexed in the background.
final class WorkspaceSession {
  let harness = ServerHarness()
  let folder: URL
  var folderURI: String { TranscriptFile.uri(forPath: folder.path) }

  init() throws {
    folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("podium-workspace-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for name in try FileManager.default.contentsOfDirectory(atPath: SeedSession.seedsDirectory.path)
    where name.hasSuffix(".txt") {
      try FileManager.default.copyItem(
        at: SeedSession.seedsDirectory.appendingPathComponent(name),
        to: folder.appendingPathComponent(name))
    }
    // Not a transcript: a .txt file the index must leave out.
    try "eggs\nmilk\nbread\n".write(
      to: folder.appendingPathComponent("shopping.txt"), atomically: true, encoding: .utf8)
    let capabilities: JSONObject = [:]
    _ = harness.request(
      "initialize",
      [
        "processId": nil, "capabilities": .object(capabilities),
        "workspaceFolders": [["uri": .string(folderURI), "name": "seeds"]],
      ])
    harness.notify("initialized", [:])
  }

  deinit { try? FileManager.default.removeItem(at: folder) }

  func uri(_ prefix: String) -> String {
    let name = try! FileManager.default.contentsOfDirectory(atPath: folder.path)
      .first { $0.hasPrefix(prefix) }!
    return TranscriptFile.uri(forPath: folder.appendingPathComponent(name).path)
  }

  func text(_ prefix: String) -> String { SeedSession.seedText(prefix) }

  /// Waits (up to 20 s) until the index holds `count` documents.
  func waitForIndex(_ count: Int) -> Bool {
    for _ in 0..<400 {
      if harness.server.workspace.documentCount == count { return true }
      usleep(50_000)
    }
    return false
  }

  func open(_ prefix: String) { harness.open(uri(prefix), text(prefix)) }

  /// The UTF-16 position of the first `needle` in seed `prefix`.
  func position(of needle: String, in prefix: String, plus: Int = 0) -> JSON {
    let text = self.text(prefix)
    let found = text.range(of: needle)!
    let offset = text.utf8.distance(from: text.startIndex, to: found.lowerBound)
    let p = TextBuffer(text).position(of: offset, encoding: .utf16)
    return ["line": JSON(p.line), "character": JSON(p.character + plus)]
  }

  func request(
    _ method: String, _ prefix: String, at position: JSON? = nil, _ extra: JSONObject = [:]
  )
    -> JSON?
  {
    var params: JSONObject = ["textDocument": ["uri": .string(uri(prefix))]]
    if let position { params["position"] = position }
    for (k, v) in extra { params[k] = v }
    return try? harness.request(method, .object(params)).get()
  }
}

@Suite(.serialized) struct CrossReferenceServerTests {
  @Test func indexesTheWorkspaceAndAnswersAcrossDocuments() throws {
    let s = try WorkspaceSession()
    #expect(s.waitForIndex(5), "the five seeds are indexed, the shopping list is not")
    // workspace/symbol finds speakers of transcripts that are not open.
    let symbols =
      (try? s.harness.request("workspace/symbol", ["query": "shkurko"]).get())?.arrayValue ?? []
    let symbolURIs = Set(symbols.compactMap { $0["location"]?["uri"]?.stringValue })
    #expect(symbolURIs.contains(s.uri("003")) && symbolURIs.contains(s.uri("004")))

    s.open("003")
    s.open("000")

    // An acronym → where it is written out: in 003 itself, and from 000 into 003.
    let here = s.request(
      "textDocument/definition", "003", at: s.position(of: "UDCG today", in: "003", plus: 1))
    #expect(here?["uri"]?.stringValue == s.uri("003"))
    #expect(here?["range"]?["start"]?["line"]?.intValue == 100)
    let there = s.request(
      "textDocument/definition", "000", at: s.position(of: "UDCG yesterday", in: "000", plus: 1))
    #expect(there?["uri"]?.stringValue == s.uri("003"))
    #expect(there?["range"]?["start"]?["line"]?.intValue == 100)

    // A journalist → their turns in every transcript, under another spelling of the outlet.
    s.open("004")
    let refs =
      s.request(
        "textDocument/references", "004",
        at: s.position(of: "Thomas Gutschker (FAZ)", in: "004", plus: 2),
        ["context": ["includeDeclaration": true]])?.arrayValue ?? []
    let uris = Set(refs.compactMap { $0["uri"]?.stringValue })
    #expect(uris.contains(s.uri("000")) && uris.contains(s.uri("004")))
    let in000 = refs.first { $0["uri"]?.stringValue == s.uri("000") }
    #expect(in000?["range"]?["start"]?["line"]?.intValue == 150)

    // The truncated video description → the full transcript, and its URL.
    let links = s.request("textDocument/documentLink", "001")?.arrayValue ?? []
    // 001 is not open: documentLink needs it open.
    #expect(links.isEmpty)
    s.open("001")
    let opened = s.request("textDocument/documentLink", "001")?.arrayValue ?? []
    let targets = opened.compactMap { $0["target"]?.stringValue }
    #expect(targets.contains { $0.hasPrefix(s.uri("000") + "#L") })
    #expect(targets.contains("https://www.nato.int/cps/en/natohq/opinions_232958.htm"))

    // "Said also in 1 transcript" above the copied opening statement.
    let lenses = s.request("textDocument/codeLens", "001")?.arrayValue ?? []
    #expect(
      lenses.contains { $0["command"]?["title"]?.stringValue?.hasPrefix("said also in ") == true })

    // Hover lists the passage's cross-references.
    let hover = s.request(
      "textDocument/hover", "004", at: s.position(of: "Thomas Gutschker (FAZ)", in: "004", plus: 40)
    )
    let value = hover?["contents"]?["value"]?.stringValue ?? ""
    #expect(value.contains("Cross-references"))
    #expect(value.contains("000_"))

    // For scripts: the doorstep announces the press conference of that afternoon.
    s.open("002")
    let cross = s.request("podium/crossReferences", "002", ["kinds": ["announces"]])
    let announced = cross?["references"]?.arrayValue ?? []
    #expect(!announced.isEmpty)
    #expect(announced.allSatisfy { $0["target"]?["uri"]?.stringValue == s.uri("000") })
    let bad = try? s.harness.request(
      "podium/crossReferences", ["textDocument": ["uri": .string(s.uri("002"))], "kinds": ["nope"]]
    ).get()
    #expect(bad == nil)
  }

  @Test func followsFileEventsAndFolderChanges() throws {
    let s = try WorkspaceSession()
    #expect(s.waitForIndex(5))
    let copy = s.folder.appendingPathComponent("005_copy.transcript")
    try s.text("004").write(to: copy, atomically: true, encoding: .utf8)
    let copyURI = TranscriptFile.uri(forPath: copy.path)
    s.harness.notify(
      "workspace/didChangeWatchedFiles", ["changes": [["uri": .string(copyURI), "type": 1]]])
    #expect(s.waitForIndex(6))
    try FileManager.default.removeItem(at: copy)
    s.harness.notify(
      "workspace/didChangeWatchedFiles", ["changes": [["uri": .string(copyURI), "type": 3]]])
    #expect(s.waitForIndex(5))
    // An open document stays indexed from its buffer when its folder goes.
    s.open("002")
    s.harness.notify(
      "workspace/didChangeWorkspaceFolders",
      ["event": ["added": [], "removed": [["uri": .string(s.folderURI), "name": "seeds"]]]])
    #expect(s.waitForIndex(1))
    // A document from outside the folders is indexed while open, and leaves when closed.
    let outside = "untitled:Untitled-1"
    s.harness.open(outside, s.text("001"))
    _ = try? s.harness.request(
      "podium/crossReferences", ["textDocument": ["uri": .string(outside)]]
    ).get()
    #expect(s.waitForIndex(2))
    s.harness.notify("textDocument/didClose", ["textDocument": ["uri": .string(outside)]])
    #expect(s.waitForIndex(1))
  }

  @Test func singleFileModeIndexesOpenDocuments() {
    let h = ServerHarness()
    h.initialize()
    let a = "file:///a/000.txt", b = "file:///b/001.txt"
    h.open(a, SeedSession.seedText("000"))
    h.open(b, SeedSession.seedText("001"))
    let result = try? h.request(
      "podium/crossReferences",
      ["textDocument": ["uri": .string(b)], "kinds": ["repeats", "sameEvent"]]
    ).get()
    let refs = result?["references"]?.arrayValue ?? []
    #expect(refs.contains { $0["kind"]?.stringValue == "sameEvent" })
    #expect(
      refs.contains {
        $0["kind"]?.stringValue == "repeats" && $0["target"]?["uri"]?.stringValue == a
      })
  }
}

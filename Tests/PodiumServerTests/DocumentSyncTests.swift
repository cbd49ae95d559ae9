import PodiumJSON
import Testing

@testable import PodiumServer

@Suite struct DocumentSyncTests {
  let uri = "file:///t.transcript"

  @Test func incrementalEditsUseUTF16PositionsAcrossAstralCharacters() {
    let harness = ServerHarness()
    harness.initialize()
    harness.open(uri, "🗣 | NATO Secretary General:\r\nGood afternoon\n")
    // After the emoji (2 UTF-16 units) insert "X".
    harness.change(uri, version: 2, ["range": range(0, 2, 0, 2), "text": "X"])
    #expect(harness.text(uri) == "🗣X | NATO Secretary General:\r\nGood afternoon\n")
    // Replace across the CRLF line break.
    harness.change(uri, version: 3, ["range": range(0, 29, 1, 4), "text": ""])
    #expect(harness.text(uri) == "🗣X | NATO Secretary General: afternoon\n")
  }

  @Test func utf8ClientsCountBytes() {
    let harness = ServerHarness()
    harness.initialize(encodings: ["utf-8"])
    harness.open(uri, "é🗣a\n")
    harness.change(uri, version: 2, ["range": range(0, 6, 0, 7), "text": "b"])
    #expect(harness.text(uri) == "é🗣b\n")
  }

  @Test func fullChangesReplaceTheText() {
    let harness = ServerHarness()
    harness.initialize()
    harness.open(uri, "old")
    harness.change(uri, version: 2, ["text": "new"])
    #expect(harness.text(uri) == "new")
  }

  @Test func staleVersionsAreIgnored() {
    let harness = ServerHarness()
    harness.initialize()
    harness.open(uri, "abc", version: 5)
    harness.change(uri, version: 5, ["range": range(0, 0, 0, 0), "text": "X"])
    harness.change(uri, version: 4, ["range": range(0, 0, 0, 0), "text": "Y"])
    #expect(harness.text(uri) == "abc")
  }

  @Test func positionsOutOfRangeAreClamped() {
    let harness = ServerHarness()
    harness.initialize()
    harness.open(uri, "ab\ncd")
    harness.change(uri, version: 2, ["range": range(0, 99, 0, 99), "text": "!"])
    harness.change(uri, version: 3, ["range": range(99, 0, 120, 5), "text": "?"])
    #expect(harness.text(uri) == "ab!\ncd?")
  }

  @Test func malformedChangesAreIgnoredWithoutLosingTheDocument() {
    let harness = ServerHarness()
    harness.initialize()
    harness.open(uri, "abc")
    harness.change(uri, version: 2, ["range": "nonsense", "text": "X"])
    harness.notify("textDocument/didChange", ["textDocument": 5])
    #expect(harness.text(uri) == "abc")
  }

  @Test func closeForgetsTheDocument() {
    let harness = ServerHarness()
    harness.initialize()
    harness.open(uri, "abc")
    harness.notify("textDocument/didClose", ["textDocument": ["uri": .string(uri)]])
    #expect(harness.text(uri) == nil)
  }
}

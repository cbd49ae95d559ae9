import PodiumCore
import PodiumJSON
import PodiumTestSupport
import Testing

@testable import PodiumServer

/// Every request handler on random transcripts, random positions and random edits: answers or a
/// clear error, never a crash (a trap would end this test process).
@Suite struct FeatureFuzzTests {
  static let pieces = [
    "Question:\n", "NATO Secretary General Mark Rutte\n", "Lili Bayer, Reuters\n", "MR. KIRBY: ",
    "Q ", "🗣 | NATO Secretary General:\n", "Iryna Somer (Interfax Ukraine): ", "[inaudible]", "–",
    "\r\n", "\n", "\n\n", "\r", " ", "Thank you. ", "What about Ukraine? ", "é", "中", "by ",
    "13 Feb. 2025\n", "(00:01:23) ", "**Anna:** ", ">> ", "Transcript continues: https://x.y/z\n",
    "the Ukraine Defence Contact Group (UDCG) ", "UDCG ", "as I said before, ",
    "my second question ",
    "following up on my colleague's question ", "We'll go to Reuters. ", "40 billion euros ",
    "Secretary Hegseth ", "Pete Hegseth ", "https://www.nato.int/a.htm ",
  ]

  static let methods: [(String, JSONObject)] = [
    ("textDocument/hover", [:]), ("textDocument/documentHighlight", [:]),
    ("textDocument/definition", [:]),
    ("textDocument/references", ["context": ["includeDeclaration": true]]),
    ("textDocument/prepareRename", [:]), ("textDocument/rename", ["newName": "Ann Other"]),
    ("textDocument/completion", [:]),
  ]

  static let whole: [String] = [
    "textDocument/documentSymbol", "textDocument/foldingRange", "textDocument/semanticTokens/full",
    "textDocument/codeLens", "textDocument/diagnostic", "podium/annotations",
    "textDocument/documentLink", "podium/crossReferences",
  ]

  @Test(arguments: 0..<12)
  func handlersSurviveRandomDocuments(seed: Int) throws {
    var rng = SplitMix64(seed: UInt64(seed) &* 0x9E37_79B9 &+ 1)
    let harness = ServerHarness()
    harness.initialize(encodings: seed % 2 == 0 ? ["utf-8"] : nil)
    let uri = "file:///fuzz-\(seed)"
    var text = (0..<Int.random(in: 20...200, using: &rng)).map { _ in
      Self.pieces.randomElement(using: &rng)!
    }.joined()
    harness.open(uri, text)
    // Another open transcript: cross-document references have somewhere to go.
    harness.open("file:///fuzz-seed-\(seed)", SeedSession.seedText(seed % 2 == 0 ? "001" : "004"))
    let document: JSON = ["uri": .string(uri)]
    for round in 0..<60 {
      let lines = max(1, text.split(separator: "\n", omittingEmptySubsequences: false).count)
      let position: JSON = [
        "line": JSON(Int.random(in: -1...(lines + 1), using: &rng)),
        "character": JSON(Int.random(in: -1...80, using: &rng)),
      ]
      let (method, extra) = Self.methods.randomElement(using: &rng)!
      var params: JSONObject = ["textDocument": document, "position": position]
      for (key, value) in extra { params[key] = value }
      _ = harness.request(method, .object(params))
      let range: JSON = [
        "start": position,
        "end": ["line": JSON(Int.random(in: 0...lines, using: &rng)), "character": 3],
      ]
      _ = harness.request("textDocument/inlayHint", ["textDocument": document, "range": range])
      _ = harness.request(
        "textDocument/semanticTokens/range", ["textDocument": document, "range": range])
      _ = harness.request(
        "textDocument/codeAction",
        ["textDocument": document, "range": range, "context": ["diagnostics": []]])
      _ = harness.request(
        "textDocument/selectionRange", ["textDocument": document, "positions": [position]])
      _ = harness.request("podium/crossReferences", ["textDocument": document, "range": range])
      if round % 10 == 0 {
        for method in Self.whole { _ = harness.request(method, ["textDocument": document]) }
      }
      // An edit, as a client would send it, then the next round queries the new text.
      let piece = Self.pieces.randomElement(using: &rng)!
      harness.change(
        uri, version: round + 2,
        ["range": ["start": position, "end": position], "text": .string(piece)])
      text = harness.text(uri) ?? text
    }
    let fresh = Document(uri: uri, languageID: "t", version: 0, text: TextBuffer(text))
    #expect(harness.server.snapshot.documents[uri]?.transcript == fresh.transcript)
  }
}

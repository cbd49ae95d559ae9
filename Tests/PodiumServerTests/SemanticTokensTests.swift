import PodiumCore
import PodiumJSON
import PodiumRPC
import Testing

@testable import PodiumServer

@Suite struct SemanticTokensTests {
  struct Decoded: Equatable, CustomStringConvertible {
    var text: String
    var type: String
    var line: Int
    var description: String { "\(line):\(type) \(text)" }
  }

  /// Relative LSP integers → absolute tokens, read back through the encoding.
  func decode(_ data: [JSON], _ fixture: EditorFixture, _ encoding: PositionEncoding) -> [Decoded] {
    let ints = data.compactMap(\.intValue)
    let types = SemanticTokens.TokenType.allCases.map { "\($0)" }
    var result: [Decoded] = []
    var line = 0
    var character = 0
    for i in stride(from: 0, to: ints.count, by: 5) {
      line += ints[i]
      character = ints[i] == 0 ? character + ints[i + 1] : ints[i + 1]
      let start = fixture.transcript.text.offset(
        of: TextPosition(line: line, character: character), encoding: encoding)
      let end = fixture.transcript.text.offset(
        of: TextPosition(line: line, character: character + ints[i + 2]), encoding: encoding)
      result.append(
        Decoded(
          text: String(decoding: fixture.transcript.text.bytes(in: start..<end), as: UTF8.self),
          type: types[ints[i + 3]], line: line))
    }
    return result
  }

  @Test(arguments: encodings)
  func fullTokensMarkLabelPartsQuestionsAndMarkers(encoding: PositionEncoding) throws {
    let fixture = Briefing.fixture()
    let result = try call(
      SemanticTokens.fullMethod, fixture.snapshot(encoding: encoding),
      ["textDocument": fixture.textDocument]
    ).get()
    let tokens = decode(try #require(result["data"]?.arrayValue), fixture, encoding)
    #expect(
      tokens == [
        Decoded(text: "[inaudible]", type: "comment", line: 4),
        Decoded(text: "NATO", type: "namespace", line: 6),
        Decoded(text: "Acting Spokesperson", type: "type", line: 6),
        Decoded(text: "Allison Hart", type: "class", line: 6),
        Decoded(text: "Lili Bayer", type: "class", line: 9),
        Decoded(text: "Reuters", type: "namespace", line: 9),
        Decoded(text: "Secretary General, what about Ukraine?", type: "string", line: 10),
        Decoded(text: "[crosstalk]", type: "comment", line: 10),
        Decoded(text: "And defence?", type: "string", line: 10),
        Decoded(text: "NATO", type: "namespace", line: 12),
        Decoded(text: "Secretary General", type: "type", line: 12),
        Decoded(text: "Mark Rutte", type: "class", line: 12),
        Decoded(text: "🗣 |", type: "decorator", line: 19),
        Decoded(text: "NATO", type: "namespace", line: 19),
        Decoded(text: "Secretary General", type: "type", line: 19),
        Decoded(text: ":", type: "decorator", line: 19),
      ])
    #expect(result["resultId"]?.stringValue != nil)
  }

  @Test func emojiCountsTwoUTF16UnitsAndFourBytes() throws {
    let fixture = Briefing.fixture()
    for (encoding, emojiWidth) in [(PositionEncoding.utf16, 2), (.utf8, 4)] {
      let result = try call(
        SemanticTokens.rangeMethod, fixture.snapshot(encoding: encoding),
        ["textDocument": fixture.textDocument, "range": range(19, 0, 20, 0)]
      ).get()
      let data = try #require(result["data"]?.arrayValue).compactMap(\.intValue)
      // 🗣 | → NATO → Secretary General → ":" (types: decorator 4, namespace 0, type 1).
      #expect(data.count == 20)
      #expect(Array(data[0..<4]) == [19, 0, emojiWidth + 2, 4])
      #expect(Array(data[5..<9]) == [0, emojiWidth + 3, 4, 0])
      #expect(Array(data[10..<14]) == [0, 5, 17, 1])
      #expect(Array(data[15..<19]) == [0, 17, 1, 4])
    }
  }

  @Test(arguments: encodings)
  func rangeReturnsOnlyTokensInTheRange(encoding: PositionEncoding) throws {
    let fixture = Briefing.fixture()
    let result = try call(
      SemanticTokens.rangeMethod, fixture.snapshot(encoding: encoding),
      ["textDocument": fixture.textDocument, "range": range(9, 0, 10, 12)]
    ).get()
    let tokens = decode(try #require(result["data"]?.arrayValue), fixture, encoding)
    #expect(
      tokens.map(\.text) == ["Lili Bayer", "Reuters", "Secretary General, what about Ukraine?"])
    #expect(result["resultId"] == nil)
  }

  @Test func deltaAgainstThePreviousResultIsOneEdit() throws {
    // Its own URI: results are kept per document and tests run in parallel.
    var before = Briefing.fixture()
    before.uri = "file:///delta.transcript"
    let first = try call(
      SemanticTokens.fullMethod, before.snapshot(encoding: .utf16),
      ["textDocument": before.textDocument]
    ).get()
    let firstData = try #require(first["data"]?.arrayValue).compactMap(\.intValue)
    let id = try #require(first["resultId"]?.stringValue)

    // Same document, nothing changed: no edits.
    let same = try call(
      SemanticTokens.deltaMethod, before.snapshot(encoding: .utf16),
      ["textDocument": before.textDocument, "previousResultId": .string(id)]
    ).get()
    #expect(same["edits"] == [])
    let sameID = try #require(same["resultId"]?.stringValue)

    // A stage marker added in the answer.
    var after = Briefing.fixture(
      Briefing.text.replacingOccurrences("We will see.", "We will [laughter] see."))
    after.uri = before.uri
    let delta = try call(
      SemanticTokens.deltaMethod, after.snapshot(encoding: .utf16),
      ["textDocument": after.textDocument, "previousResultId": .string(sameID)]
    ).get()
    let edits = try #require(delta["edits"]?.arrayValue)
    #expect(edits.count == 1)
    let full = try call(
      SemanticTokens.fullMethod, after.snapshot(encoding: .utf16),
      ["textDocument": after.textDocument]
    ).get()
    let fullData = try #require(full["data"]?.arrayValue).compactMap(\.intValue)
    // Applying the edit to the old data gives the new data.
    var patched = firstData
    let edit = edits[0]
    let start = try #require(edit["start"]?.intValue)
    let deleteCount = try #require(edit["deleteCount"]?.intValue)
    patched.replaceSubrange(
      start..<(start + deleteCount), with: (edit["data"]?.arrayValue ?? []).compactMap(\.intValue))
    #expect(patched == fullData)
  }

  @Test func deltaWithAnUnknownResultAnswersInFull() throws {
    let fixture = Briefing.fixture()
    let result = try call(
      SemanticTokens.deltaMethod, fixture.snapshot(encoding: .utf16),
      ["textDocument": fixture.textDocument, "previousResultId": "no-such-result"]
    ).get()
    #expect(result["data"]?.arrayValue?.isEmpty == false)
    #expect(result["edits"] == nil)
  }

  @Test func tokensNeverSpanLines() throws {
    let fixture = EditorFixture(
      "Q: First line of a question\ncontinued here [inaudible]\nand here?\nA: Yes.",
      labels: [
        "Q": Speaker(id: "q", name: "Q", kind: .anonymous),
        "A": Speaker(id: "a", name: "A", kind: .official),
      ])
    let result = try call(
      SemanticTokens.fullMethod, fixture.snapshot(encoding: .utf16),
      ["textDocument": fixture.textDocument]
    ).get()
    let tokens = decode(try #require(result["data"]?.arrayValue), fixture, .utf16)
    #expect(tokens.allSatisfy { !$0.text.contains("\n") })
    #expect(
      tokens.map(\.text) == [
        "Q", ":", "First line of a question", "continued here", "[inaudible]", "and here?", "A",
        ":",
      ])
    #expect(tokens.first?.type == "keyword")
  }

  @Test func unknownDocumentsAndBadRangesAreErrorsOrEmpty() throws {
    let fixture = Briefing.fixture()
    let snapshot = fixture.snapshot(encoding: .utf16)
    #expect(
      call(SemanticTokens.fullMethod, snapshot, ["textDocument": ["uri": "file:///nope"]]).errorCode
        == ErrorCode.invalidParams)
    #expect(
      call(SemanticTokens.rangeMethod, snapshot, ["textDocument": fixture.textDocument]).errorCode
        == ErrorCode.invalidParams)
    let far = try call(
      SemanticTokens.rangeMethod, snapshot,
      ["textDocument": fixture.textDocument, "range": range(500, 0, 900, 3)]
    ).get()
    #expect(far["data"] == [])
    let reversed = try call(
      SemanticTokens.rangeMethod, snapshot,
      ["textDocument": fixture.textDocument, "range": range(12, 0, 2, 0)]
    ).get()
    #expect(reversed["data"]?.arrayValue != nil)
  }

  @Test func initializeAdvertisesTheLegend() throws {
    let harness = ServerHarness()
    let result = try #require(harness.initialize())
    let provider = try #require(result["capabilities"]?["semanticTokensProvider"])
    #expect(provider["full"]?["delta"] == true)
    #expect(provider["range"] == true)
    #expect(provider["legend"]?["tokenTypes"]?.arrayValue?.first == "namespace")
    for name in [
      "inlayHintProvider", "codeLensProvider", "completionProvider", "renameProvider",
      "codeActionProvider",
    ] {
      #expect(result["capabilities"]?[name] != nil, "\(name)")
    }
  }

  /// Through the real parser.
  @Test func parsedInlineTranscriptHasLabelTokens() throws {
    let harness = ServerHarness()
    harness.initialize()
    let uri = "file:///inline.transcript"
    harness.open(uri, InlineSample.text)
    let result = try harness.request(
      SemanticTokens.fullMethod, ["textDocument": ["uri": .string(uri)]]
    ).get()
    #expect((result["data"]?.arrayValue?.count ?? 0) >= 5 * 4)
  }
}

/// A realistic inline-label press conference, for tests through the real parser.
enum InlineSample {
  static let text = """
    Press briefing by NATO Secretary General Mark Rutte, Brussels, 13 February 2025

    Mark Rutte (NATO Secretary General): Good afternoon. We had an excellent set of discussions.

    Allison Hart (NATO Acting Spokesperson): We'll go to Reuters.

    Lili Bayer (Reuters): Secretary General, what about Ukraine? [inaudible]

    Mark Rutte (NATO Secretary General): We will see.

    Allison Hart (NATO Acting Spokesperson): Next, Bloomberg.

    Andrea Palasciano (Bloomberg): Is there a timeline?

    Mark Rutte (NATO Secretary General): Not yet.

    """
}

extension String {
  func replacingOccurrences(_ target: String, _ replacement: String) -> String {
    var result = ""
    var rest = Substring(self)
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound] + replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}

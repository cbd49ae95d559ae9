import PodiumCore
import PodiumJSON
import PodiumRPC
import Testing

@testable import PodiumServer

@Suite struct InlayHintsTests {
  func hints(
    _ fixture: EditorFixture, _ encoding: PositionEncoding, range: JSON = range(0, 0, 99, 0),
    configuration: ServerConfiguration = ServerConfiguration()
  ) throws -> [(String, String)] {
    let result = try call(
      InlayHints.method, fixture.snapshot(encoding: encoding, configuration: configuration),
      ["textDocument": fixture.textDocument, "range": range]
    ).get()
    return try #require(result.arrayValue).map { hint in
      // The label and the first words after the hint, read back through the encoding.
      let offset = fixture.offset(hint["position"], encoding) ?? 0
      let after = String(
        decoding: fixture.transcript.text.bytes(
          in: offset..<min(offset + 10, fixture.transcript.text.utf8Count)), as: UTF8.self)
      return (hint["label"]?.stringValue ?? "", after)
    }
  }

  @Test(arguments: encodings)
  func openingStatementContinuationsAndLaterParagraphs(encoding: PositionEncoding) throws {
    let fixture = Briefing.fixture()
    let found = try hints(fixture, encoding)
    #expect(found.map(\.0) == ["Mark Rutte:", "Mark Rutte:", "Mark Rutte:"])
    #expect(found.map(\.1) == ["Good after", "We met tod", "More on th"])
  }

  @Test func hintsCarryPaddingAndNoKind() throws {
    let fixture = Briefing.fixture()
    let result = try call(
      InlayHints.method, fixture.snapshot(encoding: .utf16),
      ["textDocument": fixture.textDocument, "range": range(0, 0, 5, 0)]
    ).get()
    let first = try #require(result.arrayValue?.first)
    #expect(first["paddingRight"] == true)
    #expect(first["kind"] == nil)
    #expect(first["position"] == ["line": 2, "character": 0])
  }

  @Test(arguments: encodings)
  func onlyTheRequestedRange(encoding: PositionEncoding) throws {
    let fixture = Briefing.fixture()
    #expect(try hints(fixture, encoding, range: range(3, 0, 16, 0)).map(\.1) == ["We met tod"])
    #expect(try hints(fixture, encoding, range: range(17, 0, 21, 0)).map(\.1) == ["More on th"])
    #expect(try hints(fixture, encoding, range: range(6, 0, 14, 0)).isEmpty)
    #expect(try hints(fixture, encoding, range: range(300, 0, 400, 0)).isEmpty)
  }

  @Test func switchesTurnThemOff() throws {
    let fixture = Briefing.fixture()
    var off = ServerConfiguration()
    off.inlayHints.enabled = false
    #expect(try hints(fixture, .utf16, configuration: off).isEmpty)
    var noContinuations = ServerConfiguration()
    noContinuations.inlayHints.continuations = false
    #expect(try hints(fixture, .utf16, configuration: noContinuations).map(\.1) == ["Good after"])
    var noOpening = ServerConfiguration()
    noOpening.inlayHints.openingStatement = false
    #expect(
      try hints(fixture, .utf16, configuration: noOpening).map(\.1) == ["We met tod", "More on th"])
  }

  @Test(arguments: encodings)
  func oneParagraphPerLineTurnsHintEachLine(encoding: PositionEncoding) throws {
    let long = String(
      repeating: "We discussed 🗣 defence spending and support for Ukraine at length. ", count: 3)
    let fixture = EditorFixture(
      "🗣 | NATO Secretary General:\n\(long)\n‸\(long)\nShort.",
      labels: ["🗣 | NATO Secretary General": Briefing.rutte])
    let result = try call(
      InlayHints.method, fixture.snapshot(encoding: encoding),
      ["textDocument": fixture.textDocument, "range": range(0, 0, 9, 0)]
    ).get()
    let positions = try #require(result.arrayValue).map { $0["position"] }
    #expect(
      positions == [fixture.position(fixture.cursors[0], encoding), ["line": 3, "character": 0]])
  }

  @Test func unknownDocumentIsAnError() {
    let fixture = Briefing.fixture()
    #expect(
      call(
        InlayHints.method, fixture.snapshot(encoding: .utf16),
        ["textDocument": ["uri": "file:///x"], "range": range(0, 0, 1, 0)]
      )
      .errorCode == ErrorCode.invalidParams)
  }
}

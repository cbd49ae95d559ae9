import PodiumCore
import PodiumJSON
import PodiumRPC
import Testing

@testable import PodiumServer

@Suite struct CompletionTests {
  static let snippets: JSON = [
    "textDocument": ["completion": ["completionItem": ["snippetSupport": true]]]
  ]

  func complete(_ fixture: EditorFixture, _ encoding: PositionEncoding, snippets: Bool = true)
    throws -> [JSON]
  {
    let result = try call(
      Completion.method,
      fixture.snapshot(encoding: encoding, capabilities: snippets ? Self.snippets : [:]),
      [
        "textDocument": fixture.textDocument,
        "position": fixture.position(fixture.cursors[0], encoding),
      ]
    ).get()
    return try #require(result["items"]?.arrayValue)
  }

  @Test(arguments: encodings)
  func ownLineLabelsAtTheStartOfALine(encoding: PositionEncoding) throws {
    let fixture = Briefing.fixture(Briefing.text + "\n\n‸")
    let items = try complete(fixture, encoding)
    #expect(
      items.map { $0["label"]?.stringValue } == [
        "NATO Secretary General Mark Rutte", "🗣 | NATO Secretary General",
        "NATO Acting Spokesperson Allison Hart",
        "Lili Bayer, Reuters", "New speaker",
      ])
    // The document mostly writes own-line labels without a colon.
    #expect(items[3]["textEdit"]?["newText"] == "Lili Bayer, Reuters\n")
    #expect(items[4]["textEdit"]?["newText"] == "${1:Name}, ${2:Outlet}\n$0")
    #expect(items[4]["insertTextFormat"] == 2)
    #expect(items[0]["insertTextFormat"] == 1)
    #expect(items[0]["detail"] == "Secretary General, NATO")
  }

  @Test(arguments: encodings)
  func inlineDocumentsGetInlineLabels(encoding: PositionEncoding) throws {
    let fixture = EditorFixture(
      "Mark Rutte (NATO): Good afternoon 🗣.\nLili Bayer (Reuters): What now?\nMark Rutte (NATO): We'll see.\nLi‸",
      labels: [
        "Mark Rutte (NATO)": Speaker(
          id: "mark-rutte", name: "Mark Rutte", organization: "NATO", kind: .official),
        "Lili Bayer (Reuters)": Speaker(
          id: "lili-bayer", name: "Lili Bayer", affiliation: "Reuters", kind: .journalist),
      ])
    let items = try complete(fixture, encoding)
    #expect(items.map { $0["label"]?.stringValue } == ["Lili Bayer (Reuters)"])
    #expect(items[0]["textEdit"]?["newText"] == "Lili Bayer (Reuters): ")
    #expect(items[0]["textEdit"]?["range"] == range(3, 0, 3, 2))

    let empty = EditorFixture(
      fixture.text + "\n‸",
      labels: [
        "Mark Rutte (NATO)": Speaker(
          id: "mark-rutte", name: "Mark Rutte", organization: "NATO", kind: .official),
        "Lili Bayer (Reuters)": Speaker(
          id: "lili-bayer", name: "Lili Bayer", affiliation: "Reuters", kind: .journalist),
      ])
    let snippet = try #require(try complete(empty, encoding).last)
    #expect(snippet["textEdit"]?["newText"] == "${1:Name} (${2:Outlet}): $0")
  }

  @Test(arguments: encodings)
  func nothingInTheMiddleOfASentence(encoding: PositionEncoding) throws {
    let fixture = Briefing.fixture(
      Briefing.text.replacingOccurrences("We will see.", "We will ‸see."))
    #expect(try complete(fixture, encoding).isEmpty)
    let afterEmoji = Briefing.fixture(
      Briefing.text.replacingOccurrences(
        "Good afternoon, 🗣 everyone.", "Good afternoon, 🗣 ‸everyone."))
    #expect(try complete(afterEmoji, encoding).isEmpty)
  }

  @Test func noSnippetWithoutClientSupport() throws {
    let fixture = Briefing.fixture(Briefing.text + "\n\n‸")
    #expect(
      try complete(fixture, .utf16, snippets: false).allSatisfy { $0["label"] != "New speaker" })
  }

  @Test func outOfRangePositionsAndUnknownDocuments() throws {
    let fixture = Briefing.fixture()
    let snapshot = fixture.snapshot(encoding: .utf16)
    let far = try call(
      Completion.method, snapshot,
      ["textDocument": fixture.textDocument, "position": ["line": 999, "character": 4]]
    ).get()
    #expect(far["items"] == [])
    #expect(
      call(
        Completion.method, snapshot,
        ["textDocument": ["uri": "file:///x"], "position": ["line": 0, "character": 0]]
      )
      .errorCode == ErrorCode.invalidParams)
    #expect(
      call(Completion.method, snapshot, ["textDocument": fixture.textDocument]).errorCode
        == ErrorCode.invalidParams)
  }
}

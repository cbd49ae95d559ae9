import PodiumCore
import PodiumJSON
import PodiumRPC
import Testing

@testable import PodiumServer

@Suite struct CodeActionsTests {
  static let findings: [(FindingKind, String, String?)] = [
    (.spellingVariant, "Mark Rute", "Mark Rutte"),
    (.outletVariant, "Reuter's", "Reuters"),
    (.inaudible, "[inaudible]", nil),
  ]

  static let text = Briefing.text
    .replacingOccurrences("We'll go to Reuters.", "We'll go to Reuter's.")
    .replacingOccurrences("We will see.", "As Mark Rute said, we will see.")

  func actions(
    _ fixture: EditorFixture, _ encoding: PositionEncoding, range: JSON, diagnostics: [JSON] = [],
    only: [String]? = nil
  ) throws -> [JSON] {
    var context: JSONObject = ["diagnostics": .array(diagnostics)]
    if let only { context["only"] = .array(only.map { .string($0) }) }
    return try #require(
      try call(
        CodeActions.method, fixture.snapshot(encoding: encoding),
        ["textDocument": fixture.textDocument, "range": range, "context": .object(context)]
      ).get().arrayValue)
  }

  @Test(arguments: encodings)
  func quickFixesMatchDiagnosticsByCodeAndRange(encoding: PositionEncoding) throws {
    let fixture = Briefing.fixture(Self.text, findings: Self.findings)
    let spelling = fixture.transcript.findings[0]
    let diagnostic: JSON = [
      "range": fixture.lspRange(spelling.range, encoding), "code": "spelling-variant",
      "source": "podium",
      "message": "…",
    ]
    let found = try actions(
      fixture, encoding, range: range(0, 0, 0, 0), diagnostics: [diagnostic], only: ["quickfix"])
    #expect(found.count == 1)
    #expect(found[0]["title"] == "Use the label’s spelling “Mark Rutte”")
    #expect(found[0]["kind"] == "quickfix")
    #expect(found[0]["diagnostics"] == [diagnostic])
    let edit = try #require(found[0]["edit"]?["changes"]?[fixture.uri]?[0])
    #expect(fixture.text(of: edit["range"], encoding) == "Mark Rute")
    #expect(edit["newText"] == "Mark Rutte")

    // A diagnostic from another source or with another range matches nothing.
    var other = diagnostic
    if case .object(var object) = other { object["source"] = "spell"; other = .object(object) }
    #expect(
      try actions(
        fixture, encoding, range: range(0, 0, 0, 0), diagnostics: [other], only: ["quickfix"]
      ).isEmpty)
  }

  @Test(arguments: encodings)
  func quickFixesUnderTheCursor(encoding: PositionEncoding) throws {
    let fixture = Briefing.fixture(Self.text, findings: Self.findings)
    let outlet = fixture.transcript.findings[1].range
    let at = fixture.position(outlet.lowerBound + 2, encoding)
    let found = try actions(fixture, encoding, range: ["start": at, "end": at])
    // The labels are all own-line already: only the inline rewrite is offered.
    #expect(
      found.map { $0["title"] } == [
        "Use the outlet’s name from the label “Reuters”", "Convert labels to inline “Name: text”",
      ])
  }

  @Test(arguments: encodings)
  func convertLabelsToInlineAndBack(encoding: PositionEncoding) throws {
    let fixture = Briefing.fixture()
    let toInline = try actions(fixture, encoding, range: range(0, 0, 0, 0), only: ["refactor"])
    #expect(toInline.map { $0["title"] } == ["Convert labels to inline “Name: text”"])
    let inlineText = RenameTests().apply(try #require(toInline[0]["edit"]), fixture, encoding)
    #expect(
      inlineText
        == Briefing.text
        .replacingOccurrences("Allison Hart\nWe'll", "Allison Hart: We'll")
        .replacingOccurrences("Reuters\nSecretary", "Reuters: Secretary")
        .replacingOccurrences("Mark Rutte\nWe will", "Mark Rutte: We will")
        .replacingOccurrences("General:\nThank", "General: Thank"))

    let inline = EditorFixture(
      inlineText, headerLines: 1, principal: Briefing.rutte, labels: Briefing.labels)
    let toOwnLine = try actions(
      inline, encoding, range: range(0, 0, 0, 0), only: ["refactor.rewrite"])
    #expect(toOwnLine.map { $0["title"] } == ["Convert labels to own-line style"])
    let back = RenameTests().apply(try #require(toOwnLine[0]["edit"]), inline, encoding)
    #expect(
      back
        == Briefing.text.replacingOccurrences("Allison Hart\n", "Allison Hart:\n")
        .replacingOccurrences("Reuters\nSecretary", "Reuters:\nSecretary").replacingOccurrences(
          "Mark Rutte\nWe will", "Mark Rutte:\nWe will"))
  }

  @Test func unknownDocumentsAndMissingRangesAreErrors() {
    let fixture = Briefing.fixture()
    let snapshot = fixture.snapshot(encoding: .utf16)
    #expect(
      call(
        CodeActions.method, snapshot,
        [
          "textDocument": ["uri": "file:///x"], "range": range(0, 0, 0, 0),
          "context": ["diagnostics": []],
        ]
      ).errorCode == ErrorCode.invalidParams)
    #expect(
      call(CodeActions.method, snapshot, ["textDocument": fixture.textDocument]).errorCode
        == ErrorCode.invalidParams)
    #expect(
      (try? call(
        CodeActions.method, snapshot,
        ["textDocument": fixture.textDocument, "range": range(900, 0, 901, 0)]
      ).get()) != nil)
  }
}

import PodiumCore
import PodiumJSON
import PodiumRPC
import Testing

@testable import PodiumServer

@Suite struct CodeLensTests {
  @Test(arguments: encodings)
  func countsAboveFirstLabelsAndAnswersOnQuestions(encoding: PositionEncoding) throws {
    var fixture = Briefing.fixture()
    fixture.uri = "file:///lens.transcript"
    let result = try call(
      CodeLens.method, fixture.snapshot(encoding: encoding), ["textDocument": fixture.textDocument]
    ).get()
    let lenses = try #require(result.arrayValue).map {
      (fixture.text(of: $0["range"], encoding) ?? "", $0["command"]?["title"]?.stringValue ?? "")
    }
    #expect(
      lenses.map(\.1) == [
        "1 turn · 4 words", "1 turn · 8 words", "answered by Mark Rutte", "4 turns · 19 words",
      ])
    #expect(
      lenses.map(\.0) == [
        "NATO Acting Spokesperson Allison Hart", "Lili Bayer, Reuters", "Lili Bayer, Reuters",
        "NATO Secretary General Mark Rutte",
      ])
  }

  @Test func unansweredQuestionsSaySo() throws {
    let fixture = EditorFixture(
      "Q: Anyone there?\nQ2: Hello?",
      labels: ["Q": Speaker(id: "q", name: "Question", kind: .anonymous)])
    let result = try call(
      CodeLens.method, fixture.snapshot(encoding: .utf16), ["textDocument": fixture.textDocument]
    ).get()
    #expect(
      result.arrayValue?.map { $0["command"]?["title"] } == ["1 turn · 4 words", "no answer"])
  }

  @Test func configurationTurnsThemOff() throws {
    let fixture = Briefing.fixture()
    var off = ServerConfiguration()
    off.codeLens = false
    #expect(
      try call(
        CodeLens.method, fixture.snapshot(encoding: .utf16, configuration: off),
        ["textDocument": fixture.textDocument]
      ).get() == [])
    #expect(
      call(
        CodeLens.method, fixture.snapshot(encoding: .utf16), ["textDocument": ["uri": "file:///x"]]
      ).errorCode == ErrorCode.invalidParams)
  }
}

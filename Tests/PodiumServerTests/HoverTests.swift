import PodiumCore
import PodiumJSON
import Testing

@testable import PodiumServer

@Suite struct HoverTests {
  @Test(arguments: [PositionEncoding.utf16, .utf8])
  func questionLineShowsTheJournalistAndWhoAnswers(_ encoding: PositionEncoding) throws {
    let session = SeedSession(seed: "000", encoding: encoding)
    let text = try #require(
      session.hoverText(at: session.position(of: "you have said repeat", plus: 4)))
    #expect(text.contains("**Lili Bayer**"))
    #expect(text.contains("Reuters"))
    #expect(text.contains("question"))
    #expect(text.contains("Answered by **Mark Rutte"))
  }

  @Test func answerShowsTheSpeakerAndTheQuestionItAnswers() throws {
    let session = SeedSession(seed: "000")
    let text = try #require(
      session.hoverText(at: session.position(of: "No, and I do not completely agree")))
    #expect(text.hasPrefix("**Mark Rutte** — Secretary General, NATO"))
    #expect(text.contains("Answers **Lili Bayer (Reuters)**: “Thank you very much."))
    #expect(text.contains("turn 3 of"))
  }

  @Test func openingStatementIsAttributedFromTheHeader() throws {
    let session = SeedSession(seed: "000")
    let text = try #require(session.hoverText(at: session.position(of: "Good afternoon,")))
    #expect(text.contains("**Mark Rutte**"))
    #expect(text.contains("attributed from the header"))
  }

  @Test func labelListsEveryAlias() throws {
    let session = SeedSession(seed: "000")
    let text = try #require(
      session.hoverText(at: session.position(of: "Jonathan Beale, BBC\n", plus: 2)))
    #expect(text.contains("Labelled as: `Jonathan Beale, BBC` · `Jonathan Beale`"))
  }

  /// The 🗣 before the label is two UTF-16 units: a position just after it is still on the label.
  @Test(arguments: [PositionEncoding.utf16, .utf8, .utf32])
  func decoratedLabelInEveryEncoding(_ encoding: PositionEncoding) throws {
    let session = SeedSession(seed: "001", encoding: encoding)
    let units = ["utf-16": 2, "utf-8": 4, "utf-32": 1][encoding.rawValue]!
    let hover = try #require(
      session.request("textDocument/hover", at: session.position(of: "🗣 | NATO", plus: units + 3)))
    #expect(hover["contents"]?["value"]?.stringValue?.contains("**Mark Rutte**") == true)
    let end = try #require(hover["range"]?["end"]?["character"]?.intValue)
    let expected = ["utf-16": 28, "utf-8": 30, "utf-32": 27][encoding.rawValue]!
    #expect(end == expected)
  }

  @Test func blankAndBoilerplateLinesShowNothing() {
    let session = SeedSession(seed: "000")
    #expect(session.request("textDocument/hover", at: ["line": 1, "character": 0]) == .null)
    let channel = SeedSession(seed: "001")
    #expect(
      channel.request("textDocument/hover", at: channel.position(of: "Connect with NATO online"))
        == .null)
  }

  @Test func headerLinesShowTheHeader() throws {
    let session = SeedSession(seed: "000")
    let text = try #require(session.hoverText(at: session.position(of: "13 Feb. 2025")))
    #expect(text.contains("2025-02-13"))
  }

  @Test func plainTextForClientsWithoutMarkdown() throws {
    let session = SeedSession(seed: "000", markdown: false)
    let hover = try #require(
      session.request("textDocument/hover", at: session.position(of: "No, and I do not")))
    #expect(hover["contents"]?["kind"] == "plaintext")
    #expect(hover["contents"]?["value"]?.stringValue?.hasPrefix("Mark Rutte — ") == true)
  }

  @Test func outOfRangeAndUnknownDocumentsNeverCrash() {
    let session = SeedSession(seed: "000")
    // Past the end clamps to the end (LSP), here the moderator's closing line.
    let past = session.hoverText(at: ["line": 99999, "character": 5])
    #expect(past?.contains("Allison Hart") == true)
    #expect(session.request("textDocument/hover", at: ["line": -3, "character": -1]) != nil)
    let unknown = session.harness.request(
      "textDocument/hover",
      ["textDocument": ["uri": "file:///nope"], "position": ["line": 0, "character": 0]])
    #expect(unknown.errorCode == -32602)
  }
}

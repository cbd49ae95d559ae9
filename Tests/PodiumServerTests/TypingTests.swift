import PodiumCore
import PodiumJSON
import Testing

@testable import PodiumServer

/// The turn structure follows the keyboard: each change re-parses what it touches.
@Suite struct TypingTests {
  @Test(arguments: [PositionEncoding.utf16, .utf8])
  func typingALabelGivesTheNextParagraphANewSpeaker(_ encoding: PositionEncoding) throws {
    let session = SeedSession(seed: "000", encoding: encoding)
    let paragraph = session.position(of: "So, we want to end this.")
    #expect(session.hoverText(at: paragraph)?.contains("**Mark Rutte**") == true)
    let line = try #require(paragraph["line"]?.intValue)

    // A blank line and the label, typed a character at a time above the paragraph.
    var version = 2
    session.harness.change(
      session.uri, version: version, ["range": range(line, 0, line, 0), "text": "\n"])
    for (column, character) in "Lili Bayer, Reuters".enumerated() {
      version += 1
      session.harness.change(
        session.uri, version: version,
        ["range": range(line, column, line, column), "text": .string(String(character))])
    }
    let moved: JSON = ["line": JSON(line + 1), "character": 3]
    let hover = try #require(session.hoverText(at: moved))
    #expect(hover.contains("**Lili Bayer**"))

    // The same as opening the edited text afresh.
    let edited = try #require(session.harness.text(session.uri))
    let fresh = Document(
      uri: session.uri, languageID: "transcript", version: 1, text: TextBuffer(edited))
    #expect(fresh.transcript == session.harness.server.snapshot.documents[session.uri]?.transcript)
  }
}

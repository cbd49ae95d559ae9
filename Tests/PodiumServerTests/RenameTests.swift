import PodiumCore
import PodiumJSON
import PodiumRPC
import Testing

@testable import PodiumServer

@Suite struct RenameTests {
  static let documentChanges: JSON = ["workspace": ["workspaceEdit": ["documentChanges": true]]]

  /// Applies the edits of a WorkspaceEdit to the fixture's text.
  func apply(_ edit: JSON, _ fixture: EditorFixture, _ encoding: PositionEncoding) -> String {
    let edits =
      edit["documentChanges"]?[0]?["edits"]?.arrayValue ?? edit["changes"]?[fixture.uri]?.arrayValue
      ?? []
    var bytes = Array(fixture.text.utf8)
    let ranges = edits.compactMap { edit -> (Range<Int>, String)? in
      guard let start = fixture.offset(edit["range"]?["start"], encoding),
        let end = fixture.offset(edit["range"]?["end"], encoding),
        let text = edit["newText"]?.stringValue
      else { return nil }
      return (start..<end, text)
    }
    for (range, text) in ranges.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) {
      bytes.replaceSubrange(range, with: Array(text.utf8))
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  static let text = """
    Press conference by NATO Secretary General Mark Rutte

    NATO Secretary General Mark Ru‸tte
    Good afternoon.

    Lili Bayer, Reuters
    A question?

    NATO Secretary General Rutte:
    An answer.

    🗣 | NATO Secretary General:
    More.
    """

  static func fixture(_ text: String = text) -> EditorFixture {
    EditorFixture(
      text, headerLines: 1,
      labels: [
        "NATO Secretary General Mark Rutte": Briefing.rutte,
        "NATO Secretary General Rutte": Briefing.rutte,
        "🗣 | NATO Secretary General": Briefing.rutte, "Lili Bayer, Reuters": Briefing.bayer,
      ])
  }

  @Test(arguments: encodings)
  func prepareRenameGivesTheNameInTheLabel(encoding: PositionEncoding) throws {
    let fixture = Self.fixture()
    let result = try call(
      Rename.prepareMethod, fixture.snapshot(encoding: encoding),
      [
        "textDocument": fixture.textDocument,
        "position": fixture.position(fixture.cursors[0], encoding),
      ]
    ).get()
    #expect(result["placeholder"] == "Mark Rutte")
    #expect(fixture.text(of: result["range"], encoding) == "Mark Rutte")
  }

  @Test(arguments: encodings)
  func prepareRenameOutsideLabelsIsNull(encoding: PositionEncoding) throws {
    let fixture = Self.fixture(
      Self.text.replacingOccurrences("‸", "").replacingOccurrences("Good after", "Good ‸after"))
    let result = try call(
      Rename.prepareMethod, fixture.snapshot(encoding: encoding),
      [
        "textDocument": fixture.textDocument,
        "position": fixture.position(fixture.cursors[0], encoding),
      ]
    ).get()
    #expect(result == .null)
    let rename = call(
      Rename.method, fixture.snapshot(encoding: encoding),
      [
        "textDocument": fixture.textDocument,
        "position": fixture.position(fixture.cursors[0], encoding), "newName": "X",
      ])
    #expect(rename.errorCode == ErrorCode.requestFailed)
  }

  @Test(arguments: encodings)
  func renameChangesEveryLabelOfTheSpeakerKeepingTheirLayout(encoding: PositionEncoding) throws {
    let fixture = Self.fixture()
    let result = try call(
      Rename.method, fixture.snapshot(encoding: encoding, capabilities: Self.documentChanges),
      [
        "textDocument": fixture.textDocument,
        "position": fixture.position(fixture.cursors[0], encoding), "newName": "Mark Ruttë",
      ]
    ).get()
    #expect(
      result["documentChanges"]?[0]?["textDocument"] == ["uri": .string(fixture.uri), "version": 7])
    #expect(
      apply(result, fixture, encoding)
        == Self.text.replacingOccurrences("‸", "")
        .replacingOccurrences("General Mark Rutte\nGood", "General Mark Ruttë\nGood")
        .replacingOccurrences("General Rutte:", "General Ruttë:"))
  }

  @Test func renameWithoutDocumentChangesUsesChanges() throws {
    let fixture = Self.fixture(
      Self.text.replacingOccurrences("‸", "").replacingOccurrences(
        "Lili Bayer, Reuters", "Lili ‸Bayer, Reuters"))
    let result = try call(
      Rename.method, fixture.snapshot(encoding: .utf16),
      [
        "textDocument": fixture.textDocument,
        "position": fixture.position(fixture.cursors[0], .utf16), "newName": "Lili Bayer-Smith",
      ]
    ).get()
    #expect(result["documentChanges"] == nil)
    #expect(apply(result, fixture, .utf16).contains("Lili Bayer-Smith, Reuters"))
  }

  @Test func badNamesAndPositionsAreErrors() {
    let fixture = Self.fixture()
    let snapshot = fixture.snapshot(encoding: .utf16)
    let at = fixture.position(fixture.cursors[0], .utf16)
    #expect(
      call(
        Rename.method, snapshot,
        ["textDocument": fixture.textDocument, "position": at, "newName": " "]
      ).errorCode == ErrorCode.invalidParams)
    #expect(
      call(
        Rename.method, snapshot,
        ["textDocument": fixture.textDocument, "position": at, "newName": "A\nB"]
      ).errorCode == ErrorCode.invalidParams)
    #expect(
      call(
        Rename.prepareMethod, snapshot,
        ["textDocument": fixture.textDocument, "position": ["line": 400, "character": 0]]
      ).errorCode == ErrorCode.invalidParams)
    #expect(
      call(Rename.prepareMethod, snapshot, ["textDocument": ["uri": "file:///x"], "position": at])
        .errorCode == ErrorCode.invalidParams)
  }
}

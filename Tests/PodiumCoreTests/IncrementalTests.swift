import Foundation
import PodiumTestSupport
import Testing

@testable import PodiumCore

/// Random edits: `applying` must give exactly what a full parse of the new text gives.
@Suite struct IncrementalTests {
  static let alphabet: [String] = [
    "a", "e", "Z", " ", "\n", "\n\n", ":", ".", ",", "–", "Q", "é", "(", ")", "\r\n",
    "Question\n", "NATO Secretary General Mark Rutte\n", "Jonathan Beale\n", "(00:41)\n",
    "Deborah Haynes, SKY News\n", "Name: ", ">> ", "▬▬▬\n", "-",
  ]

  static func randomEdit(in bytes: [UInt8], rng: inout SplitMix64) -> TextEdit {
    func boundary(_ i: Int) -> Int {
      var i = min(max(i, 0), bytes.count)
      while i < bytes.count && bytes[i] & 0xC0 == 0x80 { i += 1 }
      return i
    }
    let start = boundary(Int.random(in: 0...bytes.count, using: &rng))
    let length = Int.random(in: 0...6, using: &rng)
    let end = boundary(min(bytes.count, start + (Bool.random(using: &rng) ? length : 0)))
    let insert = Int.random(in: 0..<3, using: &rng) == 0 ? "" : alphabet.randomElement(using: &rng)!
    return TextEdit(range: start..<end, replacement: insert)
  }

  @Test(arguments: Fixtures.seedNames)
  func randomEditsMatchFullParse(_ name: String) {
    let seed = UInt64(name.utf8.reduce(0) { $0 &* 31 &+ Int($1) }.magnitude)
    guard
      let (transcript, fast) = Self.applyRandomEdits(
        to: TranscriptParser.parse(Fixtures.seed(name)), steps: 300, seed: seed)
    else { return }
    // The fast path must actually be taken on the long seeds.
    if transcript.turns.count > 20 { #expect(fast > 50, "fast path taken \(fast) times") }
  }

  /// All layout fixtures one after another, three times: every kind of structural line.
  @Test func randomEditsOnMixedLayouts() throws {
    let dir = Fixtures.root.appendingPathComponent("layouts")
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    let one = names.map { Fixtures.layout($0) }.joined(separator: "\n\n")
    let transcript = TranscriptParser.parse(
      "Mixed layouts\n\n" + [one, one, one].joined(separator: "\n"))
    guard let (_, fast) = Self.applyRandomEdits(to: transcript, steps: 400, seed: 2024) else {
      return
    }
    #expect(fast > 100, "fast path taken \(fast) times")
  }

  /// Applies `steps` random edits one after another, expecting each incremental result to equal
  /// a full parse of the new text. Returns the last transcript and how often the fast path was
  /// taken; nil (after recording the failure and explaining it) at the first difference.
  static func applyRandomEdits(to start: Transcript, steps: Int, seed: UInt64) -> (Transcript, Int)?
  {
    var rng = SplitMix64(seed: seed)
    var transcript = start
    var fast = 0
    for step in 0..<steps {
      let edit = randomEdit(in: transcript.text.allBytes, rng: &rng)
      var newText = transcript.text
      newText.apply(edit)
      if IncrementalParser.reparse(transcript, edit: edit, newText: newText) != nil { fast += 1 }
      let incremental = transcript.applying(edit)
      let full = TranscriptParser.parse(newText)
      #expect(
        incremental == full,
        "step \(step) edit \(edit.range) \(String(decoding: edit.replacement, as: UTF8.self).debugDescription)"
      )
      if incremental != full {
        explain(incremental, full)
        return nil
      }
      transcript = incremental
    }
    return (transcript, fast)
  }

  static func explain(_ a: Transcript, _ b: Transcript) {
    if a.header != b.header { print("header differs\n\(a.header)\n\(b.header)") }
    if a.speakers != b.speakers { print("speakers differ") }
    if a.turns.count != b.turns.count { print("turn count \(a.turns.count) vs \(b.turns.count)") }
    for (x, y) in zip(a.turns, b.turns) where x != y {
      print("turn differs\n\(x)\n\(y)")
      break
    }
    if a.findings != b.findings { print("findings differ\n\(a.findings)\n\(b.findings)") }
    if a.context != b.context { print("context differs") }
  }

  @Test func editInsideABodyKeepsSpeakers() {
    let t = Fixtures.parseSeed(prefix: "000")
    let turn = t.turns[20]
    let edit = TextEdit(
      range: turn.body.lowerBound + 3..<turn.body.lowerBound + 3, replacement: "x")
    var newText = t.text
    newText.apply(edit)
    let fast = IncrementalParser.reparse(t, edit: edit, newText: newText)
    #expect(fast != nil)
    #expect(fast == TranscriptParser.parse(newText))
  }
}

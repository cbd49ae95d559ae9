import Foundation
import PodiumTestSupport
import Testing

@testable import PodiumCore

/// No input crashes or takes more than linear time.
@Suite struct RobustnessTests {
  static func time(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  }

  @Test func randomBytesAndInvalidUTF8() {
    var rng = SplitMix64(seed: 42)
    for _ in 0..<200 {
      let n = Int.random(in: 0..<2000, using: &rng)
      let bytes = (0..<n).map { _ in
        Bool.random(using: &rng)
          ? UInt8.random(in: 0...255, using: &rng)
          : Array("Q: A\n:>(0).–\r".utf8).randomElement(using: &rng)!
      }
      let t = TranscriptParser.parse(TextBuffer(bytes))
      _ = t.attributionTable()
      for turn in t.turns { #expect(turn.body.upperBound <= t.text.utf8Count) }
    }
  }

  @Test func oneMegabyteSingleLine() {
    let line = String(repeating: "Word, another word: and more. ", count: 35_000)
    var t: Transcript?
    let s = Self.time { t = TranscriptParser.parse("Title\n\n" + line) }
    #expect(t != nil)
    #expect(s < 2.0)
  }

  @Test func hundredThousandEmptyLines() {
    let text =
      String(repeating: "\n", count: 100_000) + "Jane Doe: hi\n"
      + String(repeating: "\r\n", count: 100_000)
    var t: Transcript?
    let s = Self.time { t = TranscriptParser.parse(text) }
    #expect(t?.turns.count == 1)
    #expect(s < 2.0)
  }

  @Test func manyLabelsScaleLinearly() {
    func doc(_ n: Int) -> String {
      (0..<n).map {
        "Person \($0 % 50) Name, Outlet \($0 % 7)\nA question number \($0)?\n\nMark Rutte\nAn answer.\n"
      }
      .joined(separator: "\n")
    }
    let small = doc(1_000)
    let large = doc(8_000)
    let a = Self.time { _ = TranscriptParser.parse(small) }
    let b = Self.time { _ = TranscriptParser.parse(large) }
    #expect(b < max(a, 0.01) * 24, "1k: \(a)s, 8k: \(b)s")
  }

  @Test func textBufferLineAPI() {
    let b = TextBuffer("a\r\nb\rc\n\né")
    #expect(b.lineCount == 5)
    #expect(b.lineStart(1) == 3 && b.lineEnd(1) == 4)
    #expect(b.line(containing: 2) == 0 && b.line(containing: 3) == 1)
    #expect(b.position(of: 10, encoding: .utf16) == TextPosition(line: 4, character: 1))
    #expect(b.offset(of: TextPosition(line: 4, character: 1), encoding: .utf16) == 10)
  }
}

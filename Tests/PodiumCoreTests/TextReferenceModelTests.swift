import PodiumTestSupport
import Testing

@testable import PodiumCore

/// Pieces that random texts are made of: ASCII, 2-, 3- and 4-byte characters, every line break.
let textPieces = ["a", "é", "🗣", "\r\n", "\r", "\n", " ", "中", "NATO", "b"]

/// A random text of `count` pieces.
func randomText(_ count: Int, _ rng: inout SplitMix64) -> String {
  var s = ""
  for _ in 0..<count { s += textPieces.randomElement(using: &rng)! }
  return s
}

/// The reference model: a plain byte array answered by linear scans, as simply as possible.
struct ReferenceText {
  private(set) var bytes: [UInt8]
  /// Each line break as (start, end), recomputed by a linear scan after every change.
  private(set) var breaks: [(start: Int, end: Int)] = []

  init(_ string: String) {
    bytes = Array(string.utf8)
    breaks = Self.scanBreaks(bytes)
  }

  /// Replaces `range` (clamped) and re-decodes the whole text, invalid UTF-8 becoming U+FFFD.
  mutating func replace(_ range: Range<Int>, with insert: [UInt8]) {
    let lo = min(max(range.lowerBound, 0), bytes.count)
    let hi = min(max(range.upperBound, lo), bytes.count)
    bytes.replaceSubrange(lo..<hi, with: insert)
    bytes = Array(String(decoding: bytes, as: UTF8.self).utf8)
    breaks = Self.scanBreaks(bytes)
  }

  static func scanBreaks(_ bytes: [UInt8]) -> [(start: Int, end: Int)] {
    var result: [(Int, Int)] = []
    var i = 0
    while i < bytes.count {
      if bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A {
        result.append((i, i + 2))
        i += 2
      } else if bytes[i] == 0x0A || bytes[i] == 0x0D {
        result.append((i, i + 1))
        i += 1
      } else {
        i += 1
      }
    }
    return result
  }

  var lineCount: Int { breaks.count + 1 }
  var lineStarts: [Int] { [0] + breaks.map(\.end) }
  var lineEnds: [Int] { breaks.map(\.start) + [bytes.count] }

  func line(containing offset: Int) -> Int {
    let o = min(max(offset, 0), bytes.count)
    // The number of breaks ending by `o` (binary search over the sorted break ends).
    var lo = 0
    var hi = breaks.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if breaks[mid].end <= o { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  func isContinuation(_ i: Int) -> Bool { i < bytes.count && bytes[i] & 0xC0 == 0x80 }

  /// Code units of `encoding` in `bytes[range]` (range on character boundaries).
  func units(_ range: Range<Int>, _ encoding: PositionEncoding) -> Int {
    let scalars = String(decoding: bytes[range], as: UTF8.self).unicodeScalars
    switch encoding {
    case .utf8: return range.count
    case .utf16: return scalars.reduce(0) { $0 + UTF16.width($1) }
    case .utf32: return scalars.count
    }
  }

  func position(of offset: Int, encoding: PositionEncoding) -> TextPosition {
    var o = min(max(offset, 0), bytes.count)
    while o > 0 && isContinuation(o) { o -= 1 }
    if o > 0 && o < bytes.count && bytes[o - 1] == 0x0D && bytes[o] == 0x0A { o -= 1 }
    let line = line(containing: o)
    let start = line == 0 ? 0 : breaks[line - 1].end
    return TextPosition(line: line, character: units(start..<o, encoding))
  }

  func offset(of position: TextPosition, encoding: PositionEncoding) -> Int {
    if position.line >= lineCount { return bytes.count }
    let line = max(position.line, 0)
    var i = line == 0 ? 0 : breaks[line - 1].end
    let end = line < breaks.count ? breaks[line].start : bytes.count
    var used = 0
    while i < end {
      var next = i + 1
      while isContinuation(next) { next += 1 }
      let width = units(i..<next, encoding)
      if used + width > position.character { break }
      used += width
      i = next
    }
    return i
  }

  /// Offsets that start a character and do not split "\r\n".
  var boundaries: [Int] {
    (0...bytes.count).filter { o in
      !isContinuation(o) && !(o > 0 && o < bytes.count && bytes[o - 1] == 0x0D && bytes[o] == 0x0A)
    }
  }
}

@Test func referenceModelSanity() {
  let model = ReferenceText("a\r\nb\rc\n🗣")
  #expect(model.lineCount == 4)
  #expect(model.lineStarts == [0, 3, 5, 7])
  #expect(model.lineEnds == [1, 4, 6, 11])
  #expect(model.position(of: 2, encoding: .utf16) == TextPosition(line: 0, character: 1))
  #expect(model.offset(of: TextPosition(line: 3, character: 1), encoding: .utf16) == 7)
  #expect(model.offset(of: TextPosition(line: 3, character: 2), encoding: .utf16) == 11)
}

@Test func splitMixIsDeterministic() {
  var a = SplitMix64(seed: 42)
  var b = SplitMix64(seed: 42)
  #expect((0..<10).map { _ in a.next() } == (0..<10).map { _ in b.next() })
}

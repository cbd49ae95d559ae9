import Testing

@testable import PodiumCore

@Test func speakerEmojiTakesTwoUTF16UnitsAndFourBytes() {
  let text = TextBuffer("🗣 | NATO Secretary General:")
  #expect(text.utf8Count == 4 + " | NATO Secretary General:".utf8.count)
  #expect(text.position(of: 4, encoding: .utf16) == TextPosition(line: 0, character: 2))
  #expect(text.position(of: 4, encoding: .utf8) == TextPosition(line: 0, character: 4))
  #expect(text.position(of: 4, encoding: .utf32) == TextPosition(line: 0, character: 1))
  #expect(text.offset(of: TextPosition(line: 0, character: 2), encoding: .utf16) == 4)
  #expect(text.offset(of: TextPosition(line: 0, character: 3), encoding: .utf16) == 5)
  // Inside the surrogate pair, or inside the UTF-8 sequence: the character's start.
  #expect(text.offset(of: TextPosition(line: 0, character: 1), encoding: .utf16) == 0)
  #expect(text.offset(of: TextPosition(line: 0, character: 2), encoding: .utf8) == 0)
  #expect(text.position(of: 2, encoding: .utf16) == TextPosition(line: 0, character: 0))
  #expect(text.byte(at: 0) == 0xF0)
  #expect(text.byte(at: 4) == UInt8(ascii: " "))
}

@Test func crlfIsOneBreakAndLoneCRIsABreak() {
  let text = TextBuffer("ab\r\ncd\ref\n")
  #expect(text.lineCount == 4)
  #expect((0..<4).map(text.lineStart) == [0, 4, 7, 10])
  #expect((0..<4).map(text.lineEnd) == [2, 6, 9, 10])
  #expect(text.line(containing: 2) == 0)
  #expect(text.line(containing: 3) == 0)  // between "\r" and "\n"
  #expect(text.line(containing: 4) == 1)
  #expect(text.line(containing: 7) == 2)
  // Between "\r" and "\n" is the line's end.
  #expect(text.position(of: 3, encoding: .utf16) == TextPosition(line: 0, character: 2))
  #expect(text.position(of: 6, encoding: .utf16) == TextPosition(line: 1, character: 2))
  #expect(text.offset(of: TextPosition(line: 0, character: 99), encoding: .utf16) == 2)
  #expect(text.offset(of: TextPosition(line: 2, character: 99), encoding: .utf32) == 9)
}

@Test func emptyDocument() {
  let text = TextBuffer("")
  #expect(text.utf8Count == 0)
  #expect(text.lineCount == 1)
  #expect(text.lineStart(0) == 0)
  #expect(text.lineEnd(0) == 0)
  #expect(text.line(containing: 5) == 0)
  #expect(text.position(of: 0, encoding: .utf16) == TextPosition(line: 0, character: 0))
  #expect(text.offset(of: TextPosition(line: 3, character: 3), encoding: .utf16) == 0)
  #expect(text.allBytes.isEmpty)
  #expect(text.string == "")
  #expect(text.bytes(in: 0..<0).isEmpty)
  #expect(text == TextBuffer([UInt8]()))
}

@Test func positionsPastTheEndClamp() {
  let text = TextBuffer("one\ntwo 中\n")
  #expect(text.offset(of: TextPosition(line: 9, character: 0), encoding: .utf16) == 12)
  #expect(text.offset(of: TextPosition(line: 1, character: 40), encoding: .utf16) == 11)
  #expect(text.offset(of: TextPosition(line: -1, character: 2), encoding: .utf16) == 2)
  #expect(text.offset(of: TextPosition(line: 1, character: -3), encoding: .utf16) == 4)
  #expect(text.position(of: 99, encoding: .utf16) == TextPosition(line: 2, character: 0))
  #expect(text.position(of: -4, encoding: .utf16) == TextPosition(line: 0, character: 0))
  #expect(text.position(of: 9, encoding: .utf16) == TextPosition(line: 1, character: 4))
  #expect(text.position(of: 9, encoding: .utf8) == TextPosition(line: 1, character: 4))
  #expect(text.position(of: 11, encoding: .utf8) == TextPosition(line: 1, character: 7))
  #expect(text.lineStart(-2) == 0)
  #expect(text.lineStart(7) == 12)
  #expect(text.lineEnd(7) == 12)
  #expect(text.line(containing: -1) == 0)
  #expect(text.line(containing: 100) == 2)
}

@Test func invalidUTF8BecomesReplacementCharacter() {
  let text = TextBuffer([0x61, 0xFF, 0x62, 0xE4, 0xB8])
  #expect(text.string == "a\u{FFFD}b\u{FFFD}")
  var edited = TextBuffer("a🗣b")
  edited.replace(1..<3, with: [])  // leaves two stray continuation bytes
  #expect(edited.string == "a\u{FFFD}\u{FFFD}b")
  var truncated = TextBuffer("a🗣b")
  truncated.replace(3..<5, with: [])  // leaves a truncated sequence
  #expect(truncated.string == "a\u{FFFD}b")
  #expect(edited.invariantViolation() == nil)
}

@Test func editsAndSnapshots() {
  var text = TextBuffer("Hello\r\nworld")
  let snapshot = text
  text.apply(TextEdit(range: 6..<6, replacement: "x"))  // inside the CRLF
  #expect(text.string == "Hello\rx\nworld")
  #expect(text.lineCount == 3)
  text.replace(5..<6, with: [])
  #expect(text.string == "Hellox\nworld")
  #expect(snapshot.string == "Hello\r\nworld")
  #expect(snapshot != text)
  text.replace(0..<text.utf8Count, with: Array("new".utf8))
  #expect(text == TextBuffer("new"))
}

@Test func contiguousBytesAcrossChunks() {
  let text = TextBuffer(String(repeating: "0123456789\n", count: 2000))
  #expect(text.invariantViolation() == nil)
  #expect(text.root.leafCount > 4)
  let range = 4000..<9000
  let expected = Array(text.allBytes[range])
  #expect(text.bytes(in: range) == expected)
  #expect(text.withContiguousBytes(in: range) { Array($0) } == expected)
  #expect(text.withContiguousBytes(in: 5..<9) { Array($0) } == Array("5678".utf8))
  #expect(text.withContiguousBytes(in: 10..<10) { $0.count } == 0)
}

@Test func lineIndexIsTheBuffer() {
  let index: LineIndex = TextBuffer("a\nb")
  #expect(index.lineCount == 2)
}

import PodiumCore
import PodiumJSON

/// The lines of a stretch of the document, copied once, with positions in the negotiated
/// encoding computed inside the stretch: a request costs O(visible range), whatever the size of
/// the document.
struct TextWindow {
  let text: TextBuffer
  let encoding: PositionEncoding
  /// The byte offset of the window's first line and that line's number.
  let base: Int
  let firstLine: Int
  let bytes: [UInt8]
  /// Offsets (relative to `base`) where each line of the window starts.
  let lineStarts: [Int]

  /// The whole lines `lines` (half-open, clamped to the document).
  init(text: TextBuffer, encoding: PositionEncoding, lines: Range<Int>) {
    self.text = text
    self.encoding = encoding
    let count = text.lineCount
    let first = max(0, min(lines.lowerBound, count - 1))
    let last = max(first, min(lines.upperBound, count))
    firstLine = first
    base = text.lineStart(first)
    let end = last >= count ? text.utf8Count : text.lineStart(last)
    bytes = text.bytes(in: base..<max(base, end))
    var starts = [0]
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x0A || byte == 0x0D {
        if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
        if index + 1 < bytes.count { starts.append(index + 1) }
      }
      index += 1
    }
    lineStarts = starts
  }

  var end: Int { base + bytes.count }
  var lines: Range<Int> { firstLine..<(firstLine + lineStarts.count) }

  func contains(_ offset: Int) -> Bool { offset >= base && offset <= end }

  /// The window's line containing `offset` (absolute), as an index into `lineStarts`.
  func lineIndex(of offset: Int) -> Int {
    let relative = offset - base
    var low = 0
    var high = lineStarts.count
    while low + 1 < high {
      let mid = (low + high) / 2
      if lineStarts[mid] <= relative { low = mid } else { high = mid }
    }
    return low
  }

  /// The bytes of line `index` of the window (relative range, without the line break).
  func lineRange(_ index: Int) -> Range<Int> {
    let start = lineStarts[index]
    var end = index + 1 < lineStarts.count ? lineStarts[index + 1] : bytes.count
    while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
    return start..<end
  }

  func isBlank(line index: Int) -> Bool {
    bytes[lineRange(index)].allSatisfy { $0 == 0x20 || $0 == 0x09 }
  }

  /// Code units of `bytes[range]` (relative) in the encoding.
  func units(_ range: Range<Int>) -> Int { Self.units(bytes[range], encoding) }

  static func units(_ bytes: ArraySlice<UInt8>, _ encoding: PositionEncoding) -> Int {
    switch encoding {
    case .utf8: return bytes.count
    case .utf16:
      var count = 0
      for byte in bytes where byte & 0xC0 != 0x80 { count += byte >= 0xF0 ? 2 : 1 }
      return count
    case .utf32:
      var count = 0
      for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
      return count
    }
  }

  /// The LSP position of an absolute offset; outside the window, the buffer's own conversion.
  func position(_ offset: Int) -> TextPosition {
    guard contains(offset) else { return text.position(of: offset, encoding: encoding) }
    let index = lineIndex(of: offset)
    let line = lineRange(index)
    let relative = min(max(offset - base, line.lowerBound), line.upperBound)
    return TextPosition(line: firstLine + index, character: units(line.lowerBound..<relative))
  }

  /// The offset of an LSP position: inside the window without touching the rest of the text.
  func offset(_ position: TextPosition) -> Int {
    let index = position.line - firstLine
    guard index >= 0, index < lineStarts.count
    else { return text.offset(of: position, encoding: encoding) }
    let line = lineRange(index)
    var offset = line.lowerBound
    var units = 0
    while offset < line.upperBound {
      var length = 1
      let byte = bytes[offset]
      if byte >= 0xF0 {
        length = 4
      } else if byte >= 0xE0 {
        length = 3
      } else if byte >= 0xC0 {
        length = 2
      }
      length = min(length, line.upperBound - offset)
      let width = Self.units(bytes[offset..<(offset + length)], encoding)
      if units + width > max(0, position.character) { break }
      units += width
      offset += length
    }
    return base + offset
  }

  func positionJSON(_ offset: Int) -> JSON {
    let position = position(offset)
    return ["line": JSON(position.line), "character": JSON(position.character)]
  }

  func rangeJSON(_ range: Range<Int>) -> JSON {
    ["start": positionJSON(range.lowerBound), "end": positionJSON(range.upperBound)]
  }
}

/// Bracketed stage directions a transcriber writes instead of speech: `[inaudible]`,
/// `(crosstalk)`, `[laughter]`, `[inaudible 00:12:03]`.
enum StageMarkers {
  static let words: [[UInt8]] = [
    "inaudible", "unintelligible", "indistinct", "crosstalk", "cross talk", "cross-talk",
    "laughter",
    "laughs", "laughing", "applause", "off mic", "off-mic", "pause", "silence", "interruption",
    "interpreted", "interpretation", "translation", "translated", "no audio", "audio", "technical",
    "break in transmission", "inaudible question", "speaking", "unclear", "music", "coughs",
  ].map { Array($0.utf8) }

  /// The markers within `bytes[range]` (relative ranges); a marker never spans lines.
  static func find(in bytes: [UInt8], _ range: Range<Int>) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var index = range.lowerBound
    while index < range.upperBound {
      let open = bytes[index]
      guard open == UInt8(ascii: "[") || open == UInt8(ascii: "(") else {
        index += 1
        continue
      }
      let close = open == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: ")")
      var end = index + 1
      while end < range.upperBound, end - index <= 60, bytes[end] != close, bytes[end] != 0x0A,
        bytes[end] != 0x0D
      {
        end += 1
      }
      guard end < range.upperBound, bytes[end] == close else {
        index += 1
        continue
      }
      var start = index + 1
      while start < end, bytes[start] == 0x20 { start += 1 }
      let inner = bytes[start..<end]
      let known = words.contains { word in
        inner.count >= word.count
          && zip(inner.prefix(word.count), word).allSatisfy { LabelAnatomy.lower($0) == $1 }
          && (inner.count == word.count
            || !LabelAnatomy.isWordByte(inner[inner.startIndex + word.count]))
      }
      if known {
        result.append(index..<(end + 1))
        index = end + 1
      } else {
        index += 1
      }
    }
    return result
  }
}

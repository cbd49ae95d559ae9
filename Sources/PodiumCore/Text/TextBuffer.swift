/// The text of a document as valid UTF-8 bytes, with its line index.
///
/// PROVISIONAL array-backed implementation: it fixes the API; the storage is to become a
/// persistent rope so that an edit costs O(edit + log n) and conversions O(log n).
/// Line breaks are "\n", "\r\n" and a lone "\r".
public struct TextBuffer: Sendable, Equatable {
  private var storage: [UInt8]

  public init(_ bytes: some Collection<UInt8>) {
    // Keep the invariant: always valid UTF-8 (invalid sequences become U+FFFD).
    let array = Array(bytes)
    if String(validating: array, as: UTF8.self) != nil {
      storage = array
    } else {
      storage = Array(String(decoding: array, as: UTF8.self).utf8)
    }
  }

  public init(_ string: String) { storage = Array(string.utf8) }

  public var utf8Count: Int { storage.count }
  public var allBytes: [UInt8] { storage }
  public var string: String { String(decoding: storage, as: UTF8.self) }
  public func bytes(in range: Range<Int>) -> [UInt8] { Array(storage[range]) }

  public mutating func replace(_ range: Range<Int>, with bytes: some Collection<UInt8>) {
    storage.replaceSubrange(range, with: bytes)
  }

  public mutating func apply(_ edit: TextEdit) { replace(edit.range, with: edit.replacement) }
}

// MARK: - Line index (simple O(n) stand-ins; the rope branch provides the real ones)

extension TextBuffer {
  /// Number of lines: line breaks + 1.
  public var lineCount: Int {
    var count = 1
    let bytes = allBytes
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      if b == 0x0A {
        count += 1
      } else if b == 0x0D {
        count += 1
        if i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
      }
      i += 1
    }
    return count
  }

  /// The offset where zero-based `line` starts (clamped to the text).
  public func lineStart(_ line: Int) -> Int {
    if line <= 0 { return 0 }
    let bytes = allBytes
    var current = 0
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      if b == 0x0A || b == 0x0D {
        if b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
        current += 1
        if current == line { return i + 1 }
      }
      i += 1
    }
    return bytes.count
  }

  /// The offset where zero-based `line` ends, before its line break.
  public func lineEnd(_ line: Int) -> Int {
    let bytes = allBytes
    var i = lineStart(line)
    while i < bytes.count && bytes[i] != 0x0A && bytes[i] != 0x0D { i += 1 }
    return i
  }

  /// The zero-based line containing `offset` (a break belongs to the line it ends).
  public func line(containing offset: Int) -> Int {
    let bytes = allBytes
    let limit = min(max(offset, 0), bytes.count)
    var line = 0
    var i = 0
    while i < limit {
      let b = bytes[i]
      if b == 0x0A {
        line += 1
      } else if b == 0x0D {
        if i + 1 < bytes.count && bytes[i + 1] == 0x0A {
          if i + 1 >= limit { break }
          i += 1
        }
        line += 1
      }
      i += 1
    }
    return line
  }

  public func position(of offset: Int, encoding: PositionEncoding) -> TextPosition {
    let clamped = min(max(offset, 0), utf8Count)
    let line = line(containing: clamped)
    let start = lineStart(line)
    let end = lineEnd(line)
    let slice = bytes(in: start..<min(clamped, end))
    switch encoding {
    case .utf8:
      return TextPosition(line: line, character: slice.count)
    case .utf16:
      return TextPosition(line: line, character: String(decoding: slice, as: UTF8.self).utf16.count)
    case .utf32:
      return TextPosition(
        line: line, character: String(decoding: slice, as: UTF8.self).unicodeScalars.count)
    }
  }

  public func offset(of position: TextPosition, encoding: PositionEncoding) -> Int {
    if position.line < 0 { return 0 }
    if position.line >= lineCount { return utf8Count }
    let start = lineStart(position.line)
    let end = lineEnd(position.line)
    let text = String(decoding: bytes(in: start..<end), as: UTF8.self)
    var units = 0
    var offset = start
    for scalar in text.unicodeScalars {
      if units >= position.character { break }
      switch encoding {
      case .utf8: units += UTF8.width(scalar)
      case .utf16: units += UTF16.width(scalar)
      case .utf32: units += 1
      }
      offset += UTF8.width(scalar)
    }
    return min(offset, end)
  }
}

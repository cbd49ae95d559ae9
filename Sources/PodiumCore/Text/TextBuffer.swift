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

// PROVISIONAL O(n) line index, to be replaced by the rope's O(log n) one.
extension TextBuffer {
  private var lineStarts: [Int] {
    var starts = [0]
    var index = 0
    while index < storage.count {
      let byte = storage[index]
      if byte == 0x0A || byte == 0x0D {
        if byte == 0x0D, index + 1 < storage.count, storage[index + 1] == 0x0A { index += 1 }
        starts.append(index + 1)
      }
      index += 1
    }
    return starts
  }

  public var lineCount: Int { lineStarts.count }
  public func lineStart(_ line: Int) -> Int {
    let starts = lineStarts
    return starts[max(0, min(line, starts.count - 1))]
  }
  public func lineEnd(_ line: Int) -> Int {
    let starts = lineStarts
    let line = max(0, min(line, starts.count - 1))
    var end = line + 1 < starts.count ? starts[line + 1] : storage.count
    while end > starts[line], storage[end - 1] == 0x0A || storage[end - 1] == 0x0D { end -= 1 }
    return end
  }
  public func line(containing offset: Int) -> Int {
    let offset = max(0, min(offset, storage.count))
    return (lineStarts.lastIndex { $0 <= offset }) ?? 0
  }
  public func position(of offset: Int, encoding: PositionEncoding) -> TextPosition {
    let line = line(containing: offset)
    let start = lineStart(line)
    let end = min(max(offset, start), lineEnd(line))
    let text = String(decoding: storage[start..<end], as: UTF8.self)
    switch encoding {
    case .utf8: return TextPosition(line: line, character: end - start)
    case .utf16: return TextPosition(line: line, character: text.utf16.count)
    case .utf32: return TextPosition(line: line, character: text.unicodeScalars.count)
    }
  }
  public func offset(of position: TextPosition, encoding: PositionEncoding) -> Int {
    if position.line < 0 { return 0 }
    if position.line >= lineCount { return storage.count }
    let start = lineStart(position.line)
    let end = lineEnd(position.line)
    var offset = start
    var units = 0
    let text = String(decoding: storage[start..<end], as: UTF8.self)
    for scalar in text.unicodeScalars {
      let width: Int
      switch encoding {
      case .utf8: width = scalar.utf8.count
      case .utf16: width = scalar.utf16.count
      case .utf32: width = 1
      }
      if units + width > position.character { break }
      units += width
      offset += scalar.utf8.count
    }
    return offset
  }
}

/// The text of a document as valid UTF-8 bytes, and its own line index.
///
/// Storage is a persistent, height-balanced rope of UTF-8 chunks (1–4 KiB leaves). Nodes are
/// immutable and shared, so copying a buffer is O(1) and an edit costs O(edit + log n); every
/// node caches byte, line-break, UTF-16 and scalar counts, so conversions are O(log n).
/// Line breaks are "\n", "\r\n" (one break) and a lone "\r". Offsets are UTF-8 byte offsets.
/// Invariants: the bytes are valid UTF-8 (invalid input becomes U+FFFD); no leaf boundary
/// falls inside a UTF-8 sequence or between "\r" and "\n".
public struct TextBuffer: Sendable, Equatable {
  var root: RopeNode

  /// A buffer holding `bytes`, with invalid UTF-8 replaced by U+FFFD.
  public init(_ bytes: some Collection<UInt8>) {
    self.init(validUTF8: RopeChunking.repaired(Array(bytes)))
  }

  /// A buffer holding the UTF-8 of `string`.
  public init(_ string: String) {
    self.init(validUTF8: Array(string.utf8))
  }

  init(validUTF8 bytes: [UInt8]) {
    root = RopeNode.build(RopeChunking.chunks(bytes).map(RopeNode.init(leaf:)))
  }

  /// The length in UTF-8 bytes.
  public var utf8Count: Int { root.summary.bytes }

  /// All the bytes (an O(n) copy).
  public var allBytes: [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(utf8Count)
    root.forEachChunk { out.append(contentsOf: $0) }
    return out
  }

  /// The text as a String (an O(n) copy).
  public var string: String { String(decoding: allBytes, as: UTF8.self) }

  /// The bytes of `range` (clamped to the text), in O(range + log n).
  public func bytes(in range: Range<Int>) -> [UInt8] {
    let r = clamped(range)
    var out: [UInt8] = []
    out.reserveCapacity(r.count)
    root.appendBytes(in: r, to: &out)
    return out
  }

  /// The byte at `offset` (0 ≤ offset < utf8Count), in O(log n).
  public func byte(at offset: Int) -> UInt8 {
    precondition(offset >= 0 && offset < utf8Count, "TextBuffer.byte(at:) out of range")
    let found = root.leaf(containing: offset)
    return found.node.chunk[offset - found.start]
  }

  /// Calls `body` with the bytes of `range` (clamped); copies only when the range spans leaves.
  public func withContiguousBytes<R>(
    in range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) throws -> R
  ) rethrows -> R {
    let r = clamped(range)
    let found = root.leaf(containing: r.lowerBound)
    let chunk = found.node.chunk
    if r.upperBound - found.start <= chunk.count {
      return try chunk.withUnsafeBufferPointer {
        try body(
          UnsafeBufferPointer(
            rebasing: $0[(r.lowerBound - found.start)..<(r.upperBound - found.start)]))
      }
    }
    return try bytes(in: r).withUnsafeBufferPointer(body)
  }

  /// `range` clamped to `0...utf8Count`.
  func clamped(_ range: Range<Int>) -> Range<Int> {
    let n = utf8Count
    let lo = min(max(range.lowerBound, 0), n)
    return lo..<min(max(range.upperBound, lo), n)
  }

  public static func == (a: TextBuffer, b: TextBuffer) -> Bool {
    if a.root === b.root { return true }
    if a.root.summary != b.root.summary { return false }
    var chunks: [[UInt8]] = []
    chunks.reserveCapacity(a.root.leafCount)
    a.root.forEachChunk { chunks.append($0) }
    var equal = true
    var index = 0
    var position = 0
    b.root.forEachChunk { other in
      var j = 0
      while equal && j < other.count {
        let mine = chunks[index]
        let n = min(mine.count - position, other.count - j)
        if mine[position..<(position + n)] != other[j..<(j + n)] { equal = false }
        position += n
        j += n
        if position == mine.count {
          index += 1
          position = 0
        }
      }
    }
    return equal
  }
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

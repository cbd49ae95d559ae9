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

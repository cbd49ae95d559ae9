/// Cutting valid UTF-8 into rope leaves, and repairing invalid UTF-8.
enum RopeChunking {
  /// Leaves are cut at about this size when text is (re)built.
  static let targetLeaf = 2048
  /// A leaf grows up to this size before it is cut.
  static let maxLeaf = 4096
  /// A leaf smaller than this is merged with a neighbour (unless it is the whole text).
  static let minLeaf = 512

  /// Cuts `bytes` into pieces of at most `maxLeaf` bytes, never inside a UTF-8 sequence nor
  /// between "\r" and "\n". Empty input gives one empty piece.
  static func chunks(_ bytes: [UInt8]) -> [[UInt8]] {
    let count = bytes.count
    if count <= maxLeaf { return [bytes] }
    let pieces = (count + targetLeaf - 1) / targetLeaf
    var result: [[UInt8]] = []
    result.reserveCapacity(pieces)
    var start = 0
    for j in 1..<pieces {
      var cut = j * count / pieces
      while cut > start + 1 && !isCut(bytes, cut) { cut -= 1 }
      result.append(Array(bytes[start..<cut]))
      start = cut
    }
    result.append(Array(bytes[start..<count]))
    return result
  }

  /// True when a leaf may end before `bytes[i]` (0 < i < count).
  @inline(__always)
  static func isCut(_ bytes: [UInt8], _ i: Int) -> Bool {
    !UTF8Bytes.isContinuation(bytes[i])
      && !(bytes[i - 1] == UTF8Bytes.cr && bytes[i] == UTF8Bytes.lf)
  }

  /// True when `bytes` is valid UTF-8.
  static func isValid(_ bytes: [UInt8]) -> Bool {
    if bytes.allSatisfy({ $0 < 0x80 }) { return true }
    return String(validating: bytes, as: UTF8.self) != nil
  }

  /// `bytes` with every invalid sequence replaced by U+FFFD (maximal subparts, as String does).
  static func repaired(_ bytes: [UInt8]) -> [UInt8] {
    isValid(bytes) ? bytes : Array(String(decoding: bytes, as: UTF8.self).utf8)
  }
}

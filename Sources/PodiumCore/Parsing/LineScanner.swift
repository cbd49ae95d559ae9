/// One line of a byte buffer: `start..<end` is its content, `next` where the following line
/// starts (after "\n", "\r\n" or a lone "\r"; equal to `end` for the last line).
struct LineRecord: Sendable, Equatable {
  var start: Int
  var end: Int
  var next: Int
}

/// Splits bytes into lines in one pass.
enum LineScanner {
  /// Lines of `bytes[from..<to]`; offsets are indices into `bytes` plus `base`.
  /// `to` must be a line start or the end of the buffer.
  static func lines(
    _ bytes: UnsafeBufferPointer<UInt8>, from: Int = 0, to: Int? = nil, base: Int = 0
  ) -> [LineRecord] {
    let limit = to ?? bytes.count
    var result: [LineRecord] = []
    result.reserveCapacity(max(16, (limit - from) / 48))
    var start = from
    var i = from
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    while i < limit {
      // Skip eight bytes at a time while none is "\n" or "\r".
      if let base = bytes.baseAddress {
        while i + 8 <= limit {
          let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
          let a = w ^ (0x0A &* ones)
          let c = w ^ (0x0D &* ones)
          if ((a &- ones) & ~a | (c &- ones) & ~c) & highs != 0 { break }
          i += 8
        }
        if i >= limit { break }
      }
      let b = bytes[i]
      if b == 0x0A {
        result.append(LineRecord(start: start + base, end: i + base, next: i + 1 + base))
        start = i + 1
      } else if b == 0x0D {
        var next = i + 1
        if next < bytes.count && bytes[next] == 0x0A { next += 1 }
        result.append(LineRecord(start: start + base, end: i + base, next: next + base))
        i = next - 1
        start = next
      }
      i += 1
    }
    if limit == bytes.count {
      // The last line (empty after a final break) belongs to the text too.
      result.append(LineRecord(start: start + base, end: limit + base, next: limit + base))
    }
    return result
  }

  /// Number of lines breaks in `bytes`, counting "\r\n" once.
  static func breakCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 0
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
}

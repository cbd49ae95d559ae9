/// Cached measurements of a run of valid UTF-8 text: what a rope node knows about its subtree.
///
/// `breaks` counts "\n", and "\r" not followed by "\n" within the measured chunk, so "\r\n" is
/// one break. Chunks never end between "\r" and "\n", so per-chunk counts add up exactly.
struct RopeSummary: Sendable, Equatable {
  var bytes = 0
  var breaks = 0
  var utf16 = 0
  var scalars = 0

  /// The number of code units in `encoding`.
  @inline(__always)
  func units(_ encoding: PositionEncoding) -> Int {
    switch encoding {
    case .utf8: bytes
    case .utf16: utf16
    case .utf32: scalars
    }
  }

  @inline(__always)
  static func + (a: RopeSummary, b: RopeSummary) -> RopeSummary {
    RopeSummary(
      bytes: a.bytes + b.bytes, breaks: a.breaks + b.breaks, utf16: a.utf16 + b.utf16,
      scalars: a.scalars + b.scalars)
  }

  @inline(__always)
  static func - (a: RopeSummary, b: RopeSummary) -> RopeSummary {
    RopeSummary(
      bytes: a.bytes - b.bytes, breaks: a.breaks - b.breaks, utf16: a.utf16 - b.utf16,
      scalars: a.scalars - b.scalars)
  }

  @inline(__always)
  static func += (a: inout RopeSummary, b: RopeSummary) { a = a + b }
}

/// Byte-level helpers shared by the rope.
enum UTF8Bytes {
  static let lf: UInt8 = 0x0A
  static let cr: UInt8 = 0x0D

  /// True for a UTF-8 continuation byte (10xxxxxx).
  @inline(__always)
  static func isContinuation(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }

  /// The length of the sequence a lead byte starts (1 for ASCII and stray bytes).
  @inline(__always)
  static func sequenceLength(_ lead: UInt8) -> Int {
    lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
  }

  /// Code units of `encoding` taken by the scalar that `lead` starts.
  @inline(__always)
  static func width(_ lead: UInt8, _ encoding: PositionEncoding) -> Int {
    switch encoding {
    case .utf8: sequenceLength(lead)
    case .utf16: lead >= 0xF0 ? 2 : 1
    case .utf32: 1
    }
  }

  /// Measures `buffer[range]`; a "\r" is a break unless the byte after it in `buffer` is "\n".
  static func measure(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> RopeSummary {
    var breaks = 0
    var continuations = 0
    var fourByteLeads = 0
    var i = range.lowerBound
    let end = range.upperBound
    // Word-at-a-time skip over runs of ASCII without line breaks.
    while i < end {
      if i + 8 <= end {
        let word = word(buffer, i)
        if word & 0x8080_8080_8080_8080 == 0 && !hasByteBelow14(word) {
          i += 8
          continue
        }
      }
      let b = buffer[i]
      if b < 0x80 {
        if b == lf {
          breaks += 1
        } else if b == cr && (i + 1 >= buffer.count || buffer[i + 1] != lf) {
          breaks += 1
        }
      } else if b & 0xC0 == 0x80 {
        continuations += 1
      } else if b >= 0xF0 {
        fourByteLeads += 1
      }
      i += 1
    }
    let scalars = range.count - continuations
    return RopeSummary(
      bytes: range.count, breaks: breaks, utf16: scalars + fourByteLeads, scalars: scalars)
  }

  /// The 8 bytes at `buffer[i..<i + 8]` as one word (caller checks bounds); byte order does not
  /// matter to the tests below.
  @inline(__always)
  static func word(_ buffer: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt64 {
    UnsafeRawPointer(buffer.baseAddress! + i).loadUnaligned(as: UInt64.self)
  }

  /// False only when no byte of `word` is "\n" or "\r".
  @inline(__always)
  static func mayHoldBreak(_ word: UInt64) -> Bool {
    hasZeroByte(word ^ 0x0A0A_0A0A_0A0A_0A0A) || hasZeroByte(word ^ 0x0D0D_0D0D_0D0D_0D0D)
  }

  /// Exact test for a zero byte in `v`.
  @inline(__always)
  private static func hasZeroByte(_ v: UInt64) -> Bool {
    (v &- 0x0101_0101_0101_0101) & ~v & 0x8080_8080_8080_8080 != 0
  }

  /// True when some byte of an all-ASCII `word` is below 14 (so might be "\n" or "\r").
  @inline(__always)
  private static func hasByteBelow14(_ word: UInt64) -> Bool {
    // Classic SWAR "has less than": valid because every byte is < 0x80.
    (word &- 0x0E0E_0E0E_0E0E_0E0E) & ~word & 0x8080_8080_8080_8080 != 0
  }
}

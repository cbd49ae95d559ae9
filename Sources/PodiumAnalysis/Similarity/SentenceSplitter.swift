/// Sentence spans of a passage: a sentence ends at a line break, or at ". ? ! …" (with any
/// closing quotes or brackets) followed by spacing or the end. A full stop does not end a
/// sentence inside a number ("20.9"), after a title or initial ("Mr. Rutte", "J. Stoltenberg",
/// "U.S."), after "Feb."/"No."/"Art." before a number, or before a lowercase word ("e.g. the").
enum SentenceSplitter {
  /// Spans trimmed of spacing, in order, relative to the buffer.
  static func sentences(_ p: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    var out: [Range<Int>] = []
    let n = p.count
    var start = 0
    func close(_ end: Int) {
      if let r = trimmed(p, start..<end) { out.append(r) }
      start = end
    }
    var i = 0
    while i < n {
      let b = p[i]
      if b == 0x0A || b == 0x0D {
        close(i)
        i += 1
        start = i
        continue
      }
      let isEllipsis = b == 0xE2 && i + 2 < n && p[i + 1] == 0x80 && p[i + 2] == 0xA6
      guard b == 0x2E || b == 0x3F || b == 0x21 || isEllipsis else {
        i += 1
        continue
      }
      var j = i + (isEllipsis ? 3 : 1)
      while j < n, p[j] == 0x2E || p[j] == 0x3F || p[j] == 0x21 { j += 1 }
      j = skipClosers(p, j)
      if j == n || spacingWidth(p, j) > 0 {
        let single = b == 0x2E && j == i + 1
        if !(single && isAbbreviation(p, stop: i, next: j)) {
          close(j)
        }
      }
      i = j
    }
    close(n)
    return out
  }

  static let titles: Set<String> = [
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "lt", "col", "maj", "capt", "sgt",
    "adm", "gov", "sen", "rep", "hon", "rev", "amb", "pres", "vs", "approx", "dept", "inc",
    "ltd", "co",
  ]
  /// Abbreviations that end a sentence unless a number follows ("13 Feb. 2025", "No. 5").
  static let beforeNumbers: Set<String> = [
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "nr", "art", "arts", "para", "fig", "vol", "sec", "ch", "pp", "p",
  ]

  /// Whether the full stop at `stop` belongs to an abbreviation rather than ending a sentence.
  static func isAbbreviation(_ p: UnsafeBufferPointer<UInt8>, stop: Int, next: Int) -> Bool {
    // The word before the stop (letters and inner full stops, as in "U.S").
    var k = stop
    var innerStop = false
    while k > 0 {
      let c = p[k - 1]
      if isLetter(c) {
        k -= 1
      } else if c == 0x2E, k - 1 > 0, isLetter(p[k - 2]) {
        innerStop = true
        k -= 1
      } else {
        break
      }
    }
    let length = stop - k
    if length == 0 { return false }
    if k > 0, p[k - 1] >= 0x30, p[k - 1] <= 0x39 { return false }  // "on the 21st."
    if length == 1 || innerStop { return true }  // "J. Smith", "U.S."
    let word = length <= 6 ? String(decoding: p[k..<stop].map { $0 | 0x20 }, as: UTF8.self) : ""
    if titles.contains(word) { return true }
    // What follows the spacing.
    var m = next
    while m < p.count, spacingWidth(p, m) > 0 { m += spacingWidth(p, m) }
    guard m < p.count else { return false }
    let c = p[m]
    if c >= 0x61 && c <= 0x7A { return true }  // "e.g. the", "etc. and"
    if c >= 0x30 && c <= 0x39 { return beforeNumbers.contains(word) }
    return false
  }

  @inline(__always)
  static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

  /// Closing quotes and brackets after a sentence's final punctuation: " ' ) ] ’ ”.
  static func skipClosers(_ p: UnsafeBufferPointer<UInt8>, _ j: Int) -> Int {
    var j = j
    while j < p.count {
      let c = p[j]
      if c == 0x22 || c == 0x27 || c == 0x29 || c == 0x5D {
        j += 1
      } else if c == 0xE2, j + 2 < p.count, p[j + 1] == 0x80, p[j + 2] == 0x99 || p[j + 2] == 0x9D {
        j += 3
      } else {
        break
      }
    }
    return j
  }

  /// Bytes of spacing at `j`: space, tab, line break, or a no-break space (0 otherwise).
  @inline(__always)
  static func spacingWidth(_ p: UnsafeBufferPointer<UInt8>, _ j: Int) -> Int {
    switch p[j] {
    case 0x20, 0x09, 0x0A, 0x0D: return 1
    case 0xC2 where j + 1 < p.count && p[j + 1] == 0xA0: return 2
    default: return 0
    }
  }

  static func trimmed(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Range<Int>? {
    var lo = r.lowerBound
    var hi = r.upperBound
    while lo < hi, spacingWidth(p, lo) > 0 { lo += spacingWidth(p, lo) }
    while hi > lo {
      let c = p[hi - 1]
      if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D {
        hi -= 1
      } else if c == 0xA0, hi - 2 >= lo, p[hi - 2] == 0xC2 {
        hi -= 2
      } else {
        break
      }
    }
    return lo < hi ? lo..<hi : nil
  }
}

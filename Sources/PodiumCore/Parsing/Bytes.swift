/// Small byte-level helpers shared by the parsers (ASCII fast paths, Unicode where needed).
enum Bytes {
  @inline(__always) static func isSpace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x09 || b == 0x0B || b == 0x0C
  }
  @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
  @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
  @inline(__always) static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
  @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { isUpper(b) || isLower(b) }

  /// Skips spaces, tabs and U+00A0 / U+2000–U+200B / U+202F / U+3000 / U+FEFF forwards.
  static func skipSpace(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
    var i = i
    while i < end {
      let w = spaceWidth(p, i, end)
      if w == 0 { break }
      i += w
    }
    return i
  }

  /// Trims trailing spaces (same set) backwards.
  static func trimEnd(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
    var e = end
    while e > start {
      let b = p[e - 1]
      if isSpace(b) {
        e -= 1
      } else if b == 0xA0 && e - 2 >= start && p[e - 2] == 0xC2 {
        e -= 2
      } else if e - 3 >= start && p[e - 3] == 0xE2 && p[e - 2] == 0x80
        && (p[e - 1] >= 0x80 && p[e - 1] <= 0x8B || p[e - 1] == 0xAF)
      {
        e -= 3
      } else if e - 3 >= start && p[e - 3] == 0xEF && p[e - 2] == 0xBB && p[e - 1] == 0xBF {
        e -= 3
      } else if e - 3 >= start && p[e - 3] == 0xE3 && p[e - 2] == 0x80 && p[e - 1] == 0x80 {
        e -= 3
      } else {
        break
      }
    }
    return e
  }

  /// Width of the whitespace character at `i`, 0 when none.
  @inline(__always) static func spaceWidth(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int)
    -> Int
  {
    let b = p[i]
    if isSpace(b) { return 1 }
    if b == 0xC2 && i + 1 < end && p[i + 1] == 0xA0 { return 2 }
    if b == 0xE2 && i + 2 < end && p[i + 1] == 0x80
      && (p[i + 2] >= 0x80 && p[i + 2] <= 0x8B || p[i + 2] == 0xAF)
    {
      return 3
    }
    if b == 0xEF && i + 2 < end && p[i + 1] == 0xBB && p[i + 2] == 0xBF { return 3 }
    if b == 0xE3 && i + 2 < end && p[i + 1] == 0x80 && p[i + 2] == 0x80 { return 3 }
    return 0
  }

  static func string(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
    if start >= end { return "" }
    return String(decoding: UnsafeBufferPointer(rebasing: p[start..<end]), as: UTF8.self)
  }

  /// Does `p[i...]` start with the ASCII `literal`, ignoring ASCII case?
  static func hasPrefix(
    _ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int, _ literal: StaticString
  ) -> Bool {
    let n = literal.utf8CodeUnitCount
    if end - i < n { return false }
    return literal.withUTF8Buffer { lit in
      for k in 0..<n where lowerASCII(p[i + k]) != lowerASCII(lit[k]) { return false }
      return true
    }
  }

  /// The first index in `i..<end` holding `[` or `(`, or `end` (eight bytes at a time).
  static func nextBracket(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
    var i = i
    guard let base = p.baseAddress else { return end }
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    while i + 8 <= end {
      let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
      let a = w ^ (0x5B &* ones)
      let b = w ^ (0x28 &* ones)
      let za = (a &- ones) & ~a & highs
      let zb = (b &- ones) & ~b & highs
      if za | zb != 0 { break }
      i += 8
    }
    while i < end && p[i] != 0x5B && p[i] != 0x28 { i += 1 }
    return i
  }

  @inline(__always) static func lowerASCII(_ b: UInt8) -> UInt8 { isUpper(b) ? b + 32 : b }

  /// Does the line hold a URL ("http://", "https://", "www.")?
  static func containsURL(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    var i = start
    while i + 4 <= end {
      if (p[i] == 0x68 || p[i] == 0x48) && hasPrefix(p, i, end, "http") {
        if hasPrefix(p, i, end, "https://") || hasPrefix(p, i, end, "http://") { return true }
      } else if p[i] == 0x77 && hasPrefix(p, i, end, "www.") {
        return true
      }
      i += 1
    }
    return false
  }
}

/// String-level helpers for the (short) label and header texts.
enum Words {
  static func isUpperScalar(_ s: Unicode.Scalar) -> Bool {
    s.isASCII ? (s.value >= 0x41 && s.value <= 0x5A) : s.properties.isUppercase
  }
  static func isLowerScalar(_ s: Unicode.Scalar) -> Bool {
    s.isASCII ? (s.value >= 0x61 && s.value <= 0x7A) : s.properties.isLowercase
  }
  static func isLetter(_ s: Unicode.Scalar) -> Bool {
    s.isASCII ? (isUpperScalar(s) || isLowerScalar(s)) : s.properties.isAlphabetic
  }
  static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

  /// Lowercased letters and digits, other runs collapsed to one space.
  static func key(_ text: String) -> String {
    if let k = asciiKey(text) { return k }
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    for s in text.unicodeScalars {
      if isLetter(s) || isDigit(s) {
        if pendingSpace && !out.isEmpty { out.append(" ") }
        pendingSpace = false
        for l in s.properties.lowercaseMapping.unicodeScalars { out.append(l) }
      } else if s == "'" || s == "’" {
        continue
      } else {
        pendingSpace = true
      }
    }
    return String(out)
  }

  /// `key` for ASCII text, on bytes; nil when the text is not ASCII.
  private static func asciiKey(_ text: String) -> String? {
    var text = text
    return text.withUTF8 { u -> String? in
      if u.count > 256 { return nil }
      return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: u.count) { out in
        var n = 0
        var pendingSpace = false
        for b in u {
          if b >= 0x80 { return nil }
          if Bytes.isAlpha(b) || Bytes.isDigit(b) {
            if pendingSpace && n > 0 {
              out[n] = 0x20
              n += 1
            }
            pendingSpace = false
            out[n] = Bytes.lowerASCII(b)
            n += 1
          } else if b == 0x27 {
            continue
          } else {
            pendingSpace = true
          }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: out[0..<n]), as: UTF8.self)
      }
    }
  }

  /// "mark-rutte": the slug of a name.
  static func slug(_ text: String) -> String {
    let k = key(text)
    var out = ""
    for ch in k { out.append(ch == " " ? "-" : ch) }
    return out.isEmpty ? "speaker" : out
  }

  /// Splits on spaces (any Unicode space).
  static func tokens(_ text: String) -> [Substring] {
    let u = text.utf8
    if u.allSatisfy({ $0 < 0x80 }) {
      // ASCII: split on the bytes (the same whitespace: 0x09–0x0D and space).
      var out: [Substring] = []
      var start: String.Index?
      var i = u.startIndex
      while i != u.endIndex {
        let b = u[i]
        if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
          if let s = start {
            out.append(text[s..<i])
            start = nil
          }
        } else if start == nil {
          start = i
        }
        i = u.index(after: i)
      }
      if let s = start { out.append(text[s..<u.endIndex]) }
      return out
    }
    return text.split(whereSeparator: { $0.isWhitespace })
  }

  static func trim(_ text: some StringProtocol) -> String {
    let sub = Substring(text)
    let u = sub.utf8
    if let f = u.first, let l = u.last, f > 0x20, f < 0x80, l > 0x20, l < 0x80 {
      return String(sub)
    }
    // ASCII ends: drop ASCII whitespace (0x09–0x0D, space) bytes.
    var a = u.startIndex
    var b = u.endIndex
    func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }
    while a != b && isSpace(u[a]) { a = u.index(after: a) }
    while a != b && isSpace(u[u.index(before: b)]) { b = u.index(before: b) }
    if a == b { return "" }
    if u[a] < 0x80 && u[u.index(before: b)] < 0x80 { return String(sub[a..<b]) }
    var scalars = sub.unicodeScalars[...]
    while let f = scalars.first, f.properties.isWhitespace || f == "\u{FEFF}" {
      scalars.removeFirst()
    }
    while let l = scalars.last, l.properties.isWhitespace || l == "\u{FEFF}" {
      scalars.removeLast()
    }
    return String(String.UnicodeScalarView(scalars))
  }

  /// "JEAN-PIERRE" → "Jean-Pierre"; other words unchanged.
  static func titleCaseIfAllCaps(_ word: some StringProtocol) -> String {
    // A lowercase ASCII letter: not all caps.
    if word.utf8.contains(where: { Bytes.isLower($0) }) { return String(word) }
    let letters = word.unicodeScalars.filter { isLetter($0) }
    guard letters.count > 1, letters.allSatisfy({ !isLowerScalar($0) }) else { return String(word) }
    var out = ""
    var startOfPart = true
    for ch in word {
      if ch.isLetter {
        out += startOfPart ? ch.uppercased() : ch.lowercased()
        startOfPart = false
      } else {
        out.append(ch)
        startOfPart = (ch == "-" || ch == "'" || ch == "’" || ch == " ")
      }
    }
    return out
  }

  /// `editDistance` on byte strings (no case folding, no limit).
  static func editDistance(bytes x: [UInt8], _ y: [UInt8]) -> Int {
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    let w = y.count + 1
    return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * w) { buf in
      var prev2 = buf.baseAddress!
      var prev = prev2 + w
      var cur = prev + w
      for j in 0..<w {
        prev2[j] = 0
        prev[j] = j
        cur[j] = 0
      }
      for i in 1...x.count {
        cur[0] = i
        for j in 1...y.count {
          let cost = x[i - 1] == y[j - 1] ? 0 : 1
          var v = Swift.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
          if i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] {
            v = Swift.min(v, prev2[j - 2] + 1)
          }
          cur[j] = v
        }
        // Rotate: prev2 ← prev, prev ← cur (the old prev2 row is reused for the next one).
        let oldPrev2 = prev2
        prev2 = prev
        prev = cur
        cur = oldPrev2
      }
      return prev[y.count]
    }
  }

  /// Optimal-string-alignment distance (Levenshtein with adjacent transpositions).
  static func editDistance(_ a: String, _ b: String, limit: Int = 8) -> Int {
    let x = Array(a.lowercased().unicodeScalars)
    let y = Array(b.lowercased().unicodeScalars)
    if abs(x.count - y.count) > limit { return limit + 1 }
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var prev2 = [Int](repeating: 0, count: y.count + 1)
    var prev = Array(0...y.count)
    var cur = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
      cur[0] = i
      for j in 1...y.count {
        let cost = x[i - 1] == y[j - 1] ? 0 : 1
        var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
        if i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] {
          v = min(v, prev2[j - 2] + 1)
        }
        cur[j] = v
      }
      prev2 = prev
      prev = cur
    }
    return prev[y.count]
  }
}

/// How text and taxonomy phrases are compared: lowercase ASCII, every run of punctuation or
/// spacing is one word boundary; bytes of other scripts are kept as they are.
enum TextNormaliser {
  /// 0 for a separator, else the normalised byte.
  @inline(__always)
  static func fold(_ b: UInt8) -> UInt8 {
    switch b {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): return b | 0x20
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
      UInt8(ascii: "%"):
      return b
    case 0x80...: return b
    default: return 0
    }
  }

  static func normalise(_ s: String) -> String {
    var out: [UInt8] = []
    let bytes = Array(s.utf8)
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      // General punctuation (’ “ ” – —) and no-break space are separators.
      if b == 0xE2, i + 1 < bytes.count, bytes[i + 1] == 0x80 {
        if out.last != 0x20 { out.append(0x20) }
        i += 3
        continue
      }
      if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 {
        if out.last != 0x20 { out.append(0x20) }
        i += 2
        continue
      }
      let f = fold(b)
      if f == 0 {
        if !out.isEmpty, out.last != 0x20 { out.append(0x20) }
      } else {
        out.append(f)
      }
      i += 1
    }
    while out.last == 0x20 { out.removeLast() }
    return String(decoding: out, as: UTF8.self)
  }

  /// Spelling variants and regular inflections of a normalised phrase (itself included).
  static func variants(_ phrase: String) -> [String] {
    var forms: Set<String> = [phrase]
    // British and American spelling.
    for (a, b) in [
      ("defence", "defense"), ("offence", "offense"), ("isation", "ization"), ("labour", "labor"),
      ("ise", "ize"), ("ised", "ized"), ("ising", "izing"), ("centre", "center"),
      ("programme", "program"), ("manoeuvre", "maneuver"), ("armour", "armor"),
    ] {
      for f in Array(forms) where f.contains(a) {
        forms.insert(f.replacingAll(a, with: b))
      }
    }
    // Plural of the last word.
    for f in Array(forms) {
      guard let last = f.split(separator: " ").last, last.count > 2,
        last.allSatisfy({ $0.isLetter })
      else { continue }
      let stem = f.dropLast(last.count)
      let w = String(last)
      if w.hasSuffix("s") && !w.hasSuffix("ss") { continue }
      if w.hasSuffix("y"), let p = w.dropLast().last, !"aeiou".contains(p) {
        forms.insert(stem + w.dropLast() + "ies")
      } else if w.hasSuffix("ss") || w.hasSuffix("sh") || w.hasSuffix("ch") || w.hasSuffix("x") {
        forms.insert(stem + w + "es")
      } else {
        forms.insert(stem + w + "s")
      }
    }
    return forms.sorted()
  }
}

extension String {
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var result = ""
    var rest = Substring(self)
    while let r = rest.range(of: target) {
      result += rest[..<r.lowerBound]
      result += replacement
      rest = rest[r.upperBound...]
    }
    return result + rest
  }
}

extension Substring {
  fileprivate func range(of target: String) -> Range<Substring.Index>? {
    guard let first = target.first else { return nil }
    var i = startIndex
    while i < endIndex {
      if self[i] == first, self[i...].hasPrefix(target) {
        return i..<index(i, offsetBy: target.count)
      }
      i = index(after: i)
    }
    return nil
  }
}

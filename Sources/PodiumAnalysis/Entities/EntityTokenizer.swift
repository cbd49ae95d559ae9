/// A word, number, "%" or currency sign of the text, with what separates it from the token
/// before it. Words are compared by `hash`, a hash of their folded bytes (ASCII lowercased,
/// ’ as '), so matching never builds strings.
struct EntityToken {
  enum Kind: UInt8 { case word, number, percent, currency }
  /// What lies between this token and the previous one, weakest first: nothing ("40bn"),
  /// spaces, a hyphen inside a compound ("NATO-Ukraine"), a comma, bracket or dash, a sentence
  /// or line end (or the start of a region).
  enum Gap: UInt8, Comparable {
    case none, space, hyphen, soft, hard
    static func < (a: Gap, b: Gap) -> Bool { a.rawValue < b.rawValue }
  }
  enum Shape: UInt8 { case lower, capitalised, upper, other }

  var start: Int
  var end: Int
  var hash: UInt64
  var kind: Kind
  var gap: Gap
  var shape: Shape

  /// Joined to the previous token within a phrase (spaces or a hyphen only).
  var joined: Bool { gap == .space || gap == .hyphen }
  var isCapitalised: Bool { shape == .capitalised || shape == .upper }
}

/// Splits text into `EntityToken`s in one pass over the bytes.
enum EntityTokenizer {
  static func hash(_ s: String) -> UInt64 { tokens(s).first?.hash ?? 0 }

  /// The tokens of a phrase (gazetteer entries are tokenised like the text they match).
  static func tokens(_ s: String) -> [EntityToken] {
    let bytes = Array(s.utf8)
    return tokens(bytes, regions: [0..<bytes.count])
  }

  /// Abbreviations whose "." does not end a sentence ("Mr. Rutte").
  static let abbreviations = Set(
    ["mr", "mrs", "ms", "dr", "st", "prof", "gen", "lt", "col", "sen", "rep", "gov", "adm"].map {
      fnv($0.utf8)
    })

  static func tokens(_ bytes: [UInt8], regions: [Range<Int>]) -> [EntityToken] {
    var out: [EntityToken] = []
    for region in regions {
      var gap = EntityToken.Gap.hard
      var i = region.lowerBound
      let end = region.upperBound
      func push(_ kind: EntityToken.Kind, _ n: Int, _ h: UInt64, _ shape: EntityToken.Shape) {
        out.append(EntityToken(start: i, end: i + n, hash: h, kind: kind, gap: gap, shape: shape))
        gap = .none
        i += n
      }
      while i < end {
        let b = bytes[i]
        if isDigit(b) {
          var j = i + 1
          while j < end,
            isDigit(bytes[j])
              || ((bytes[j] == 0x2E || bytes[j] == 0x2C) && j + 1 < end && isDigit(bytes[j + 1]))
          {
            j += 1
          }
          push(.number, j - i, fnv(bytes[i..<j]), .other)
        } else if isLetterStart(bytes, i, end) {
          var (j, h, lower, possessive) = (i, StableHash.fnvOffset, 0, false)
          while j < end {
            let c = bytes[j]
            if c < 0x80 && (isDigit(c) || isASCIILetter(c)) {
              if c >= 0x61 { lower += 1 }
              h = StableHash.fnv(h, c | (isASCIILetter(c) ? 0x20 : 0))
              j += 1
            } else if c >= 0x80 && isLetterStart(bytes, j, end) {
              for k in j..<min(j + sequenceLength(c), end) { h = StableHash.fnv(h, bytes[k]) }
              lower += 1
              j += sequenceLength(c)
            } else if let a = apostropheLength(bytes, j, end), j + a < end,
              isLetterStart(bytes, j + a, end)
            {
              // "Hegseth’s" is "Hegseth"; "O’Brien" is one word.
              let s = j + a
              possessive =
                bytes[s] | 0x20 == 0x73 && (s + 1 == end || !isLetterStart(bytes, s + 1, end))
              if possessive { break }
              h = StableHash.fnv(h, 0x27)
              j = s
            } else {
              break
            }
          }
          let first = bytes[i]
          let shape: EntityToken.Shape =
            first >= 0x80
            ? scalarShape(bytes, i)
            : first > 0x5A ? .lower : lower == 0 && j - i >= 2 ? .upper : .capitalised
          push(.word, j - i, h, shape)
          if possessive {
            i += apostropheLength(bytes, i, end)! + 1
            gap = .soft
          } else if i < end, bytes[i] == 0x2E, abbreviations.contains(h) {
            i += 1
            gap = .space
          }
        } else if b == 0x25 {
          push(.percent, 1, fnv([b]), .other)
        } else if b == 0x24
          || (b == 0xE2 && i + 2 < end && bytes[i + 1] == 0x82 && bytes[i + 2] == 0xAC)
          || (b == 0xC2 && i + 1 < end && bytes[i + 1] == 0xA3)
        {
          let n = sequenceLength(b)
          push(.currency, n, fnv(bytes[i..<(i + n)]), .other)  // $ € £
        } else {
          let next: EntityToken.Gap
          switch b {
          case 0x20, 0x09: next = .space
          case 0x0A, 0x0D, 0x2E, 0x21, 0x3F, 0x3B, 0x3A: next = .hard
          case 0x2D:
            let inside = out.last?.end == i && i + 1 < end && isLetterStart(bytes, i + 1, end)
            next = inside ? .hyphen : .soft
          case 0xC2 where i + 1 < end && bytes[i + 1] == 0xA0: next = .space
          case 0xE2 where i + 2 < end && bytes[i + 1] == 0x80:
            // ‐ hyphen, • bullet, … ellipsis; other general punctuation (’ “ ” – —) is soft.
            let c = bytes[i + 2]
            next = c == 0x90 ? .hyphen : (c == 0xA2 || c == 0xA6) ? .hard : .soft
          default: next = .soft
          }
          gap = max(gap, next)
          i += min(sequenceLength(b), end - i)
        }
      }
    }
    return out
  }

  // MARK: - Bytes

  static func fnv(_ bytes: some Sequence<UInt8>) -> UInt64 { StableHash.fnv(bytes) }

  @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
  @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool {
    (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A
  }
  static func sequenceLength(_ lead: UInt8) -> Int {
    lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
  }

  /// A letter: ASCII, or a scalar outside Latin-1 punctuation (U+0080–U+00BF, × ÷), general
  /// punctuation and symbols (U+2000–U+2BFF) and emoji.
  static func isLetterStart(_ bytes: [UInt8], _ i: Int, _ end: Int) -> Bool {
    let b = bytes[i]
    if b < 0x80 { return isASCIILetter(b) }
    if b < 0xC3 || b == 0xE2 || b >= 0xF0 { return false }
    return !(b == 0xC3 && i + 1 < end && (bytes[i + 1] == 0x97 || bytes[i + 1] == 0xB7))
  }

  /// The length of ' or ’ at `i`, else nil.
  static func apostropheLength(_ bytes: [UInt8], _ i: Int, _ end: Int) -> Int? {
    if bytes[i] == 0x27 { return 1 }
    let curly = bytes[i] == 0xE2 && i + 2 < end && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x99
    return curly ? 3 : nil
  }

  static func scalarShape(_ bytes: [UInt8], _ i: Int) -> EntityToken.Shape {
    var it = bytes[i..<min(i + sequenceLength(bytes[i]), bytes.count)].makeIterator()
    var decoder = UTF8()
    guard case .scalarValue(let s) = decoder.decode(&it) else { return .other }
    return s.properties.isUppercase ? .capitalised : s.properties.isLowercase ? .lower : .other
  }
}

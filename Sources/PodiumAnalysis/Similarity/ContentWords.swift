/// A word that says what a sentence is about: not a stopword, folded and stemmed.
struct ContentWord: Sendable, Equatable {
  /// Stable hash of the stem.
  var stem: UInt64
  /// False for numbers ("2025", "20", "2%"): they shingle only in bigrams ("2 trillion").
  var hasLetter: Bool
  /// Byte range of the word in the scanned buffer.
  var range: Range<Int>
}

/// Splits bytes into words (lowercase ASCII; punctuation, quotes, dashes and symbols separate),
/// drops stopwords and one-letter words, and stems the rest.
enum ContentWords {
  static let maxStemmed = 48

  static func of(_ p: UnsafeBufferPointer<UInt8>) -> [ContentWord] {
    var out: [ContentWord] = []
    scan(p) { out.append($0) }
    return out
  }

  static func scan(_ p: UnsafeBufferPointer<UInt8>, _ emit: (ContentWord) -> Void) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxStemmed) { scratch in
      let n = p.count
      var i = 0
      while i < n {
        let w = separatorWidth(p, i)
        if w > 0 {
          i += w
          continue
        }
        let start = i
        var len = 0
        var hasLetter = false
        var h = StableHash.fnvOffset
        while i < n, separatorWidth(p, i) == 0 {
          let f = TextNormaliser.fold(p[i])
          if len < maxStemmed { scratch[len] = f }
          len += 1
          h = StableHash.fnv(h, f)
          if f >= 0x61 { hasLetter = true }  // a–z or a non-ASCII byte
          i += 1
        }
        if len == 1 && hasLetter { continue }
        if Stopwords.hashes.contains(h) { continue }
        if len <= maxStemmed {
          let m = Stemmer.stem(scratch, len)
          h = StableHash.fnvOffset
          for k in 0..<m { h = StableHash.fnv(h, scratch[k]) }
        }
        emit(ContentWord(stem: StableHash.mix(h), hasLetter: hasLetter, range: start..<i))
      }
    }
  }

  /// How many bytes of separator start at `i` (0 inside a word): ASCII punctuation and spacing,
  /// U+0080–U+00BF (no-break space, «, », ·), U+2000–U+2FFF (general punctuation: curly quotes,
  /// dashes, bullets, ellipsis; symbols; box drawing) and emoji.
  @inline(__always)
  static func separatorWidth(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
    let b = p[i]
    if b < 0x80 { return TextNormaliser.fold(b) == 0 ? 1 : 0 }
    switch b {
    case 0xC2: return min(2, p.count - i)
    case 0xE2: return min(3, p.count - i)
    case 0xF0 where i + 1 < p.count && p[i + 1] == 0x9F: return min(4, p.count - i)
    default: return 0
    }
  }
}

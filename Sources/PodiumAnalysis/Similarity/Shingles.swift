/// The shingles of a passage: hashed features of its content words (stopwords dropped,
/// stemmed) that two near-repeats share even when their wording differs.
///
/// - every content word that has a letter, counted twice (two salted hashes), so that a
///   paraphrase keeping the same words in another order still scores;
/// - every pair of adjacent content words (numbers included: "2 trillion"), so that a verbatim
///   repeat scores higher than a reordering, and a number counts only with its neighbour.
///
/// On the seeds this puts a reworded repeat ("Russia is producing in three months … what the
/// whole of the Alliance is producing in the year" / "They produce in three months, what the
/// whole of NATO is producing in a year, whilst …") at Jaccard 0.25, while sentences that only
/// share a stock phrase ("NATO Allies", "deterrence and defence") average 0.08.
public enum Shingles {
  static let unigramSalts: (UInt64, UInt64) = (0x5EED_0001_A5A5_1234, 0x5EED_0002_C3C3_5678)
  static let bigramSalt: UInt64 = 0x5EED_0003_F0F0_9ABC

  /// Hashed shingles of a text (for exact Jaccard between two short passages of one document).
  public static func of(_ bytes: some Collection<UInt8>) -> Set<UInt64> {
    let words =
      bytes.withContiguousStorageIfAvailable { ContentWords.of($0) }
      ?? Array(bytes).withUnsafeBufferPointer { ContentWords.of($0) }
    var set = Set<UInt64>()
    forEach(of: words[...]) { set.insert($0) }
    return set
  }

  /// |a ∩ b| / |a ∪ b|; 0 when both are empty.
  public static func jaccard(_ a: Set<UInt64>, _ b: Set<UInt64>) -> Double {
    let (small, large) = a.count <= b.count ? (a, b) : (b, a)
    let common = small.reduce(0) { $0 + (large.contains($1) ? 1 : 0) }
    let union = a.count + b.count - common
    return union == 0 ? 0 : Double(common) / Double(union)
  }

  /// Calls `body` with each shingle of the words, in order (repeats included).
  @inline(__always)
  static func forEach(of words: ArraySlice<ContentWord>, _ body: (UInt64) -> Void) {
    var previous: UInt64? = nil
    for w in words {
      if w.hasLetter {
        body(StableHash.mix(w.stem ^ unigramSalts.0))
        body(StableHash.mix(w.stem ^ unigramSalts.1))
      }
      if let p = previous {
        body(StableHash.mix((p &* 0x9E37_79B9_7F4A_7C15) ^ w.stem ^ bigramSalt))
      }
      previous = w.stem
    }
  }
}

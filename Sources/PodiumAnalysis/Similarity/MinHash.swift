/// A MinHash signature: for each of `MinHash.size` fixed hash functions, the low 16 bits of the
/// least value it takes over a unit's shingles (b-bit MinHash: each value is < 65,536). Two
/// signatures agree in a slot with probability J + (1 − J)/65,536 for shingle sets of Jaccard
/// similarity J, so `similarity` estimates J within 0.00002 of bias; keeping 16 bits halves the
/// index's signature memory and makes a band of two slots a 32-bit key.
public struct MinHashSignature: Sendable, Hashable {
  public var values: [UInt32]

  public init(values: [UInt32]) { self.values = values }

  /// Estimated Jaccard similarity, 0…1: the fraction of slots that agree.
  public func similarity(_ other: MinHashSignature) -> Double {
    let n = min(values.count, other.values.count)
    guard n > 0 else { return 0 }
    var equal = 0
    for i in 0..<n where values[i] == other.values[i] { equal += 1 }
    return Double(equal) / Double(max(values.count, other.values.count))
  }
}

/// The hash functions: h_i(x) = high 32 bits of (a_i · x + b_i) mod 2⁶⁴, with odd a_i and any b_i
/// from a fixed SplitMix64 seed, over shingle hashes that are already well mixed.
enum MinHash {
  /// Slots per signature.
  static let size = 64
  static let multipliers: [UInt64] = StableHash.sequence(seed: 0x506F_6469_756D_0001, count: size)
    .map { $0 | 1 }
  static let offsets: [UInt64] = StableHash.sequence(seed: 0x506F_6469_756D_0002, count: size)

  /// The signature of the shingles of `words` (all slots 0xFFFF when there are none).
  static func signature(of words: ArraySlice<ContentWord>) -> MinHashSignature {
    var values = [UInt32](repeating: .max, count: size)
    multipliers.withUnsafeBufferPointer { a in
      offsets.withUnsafeBufferPointer { b in
        values.withUnsafeMutableBufferPointer { v in
          Shingles.forEach(of: words) { x in
            for i in 0..<size {
              let h = UInt32(truncatingIfNeeded: (a[i] &* x &+ b[i]) >> 32)
              if h < v[i] { v[i] = h }
            }
          }
        }
      }
    }
    return MinHashSignature(values: values.map { $0 & 0xFFFF })
  }
}

/// Fixed 64-bit hashing for shingles and signatures: the same bytes hash to the same value in
/// every process and on every machine (unlike Swift's per-process seeded `Hasher`).
enum StableHash {
  static let fnvOffset: UInt64 = 0xCBF2_9CE4_8422_2325
  static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3

  /// One FNV-1a step.
  @inline(__always)
  static func fnv(_ h: UInt64, _ b: UInt8) -> UInt64 { (h ^ UInt64(b)) &* fnvPrime }

  /// FNV-1a of a byte sequence.
  static func fnv(_ bytes: some Sequence<UInt8>) -> UInt64 { bytes.reduce(fnvOffset, fnv) }

  /// The SplitMix64 finaliser: spreads every input bit over the whole word.
  @inline(__always)
  static func mix(_ x: UInt64) -> UInt64 {
    var z = x
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Deterministic constants: the SplitMix64 sequence from `seed`.
  static func sequence(seed: UInt64, count: Int) -> [UInt64] {
    var state = seed
    return (0..<count).map { _ in
      state &+= 0x9E37_79B9_7F4A_7C15
      return mix(state)
    }
  }
}

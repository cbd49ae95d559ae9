/// Crude suffix stripping for lowercase ASCII words, so that inflections of one word meet:
/// produce, produces, produced, producing → "produc"; ally, allies → "ally"; planned → "plan".
/// Not a linguistic stemmer: it only has to map a word's forms together more often than apart.
enum Stemmer {
  /// The stem's length (a prefix of `w[0..<n]`, possibly with a final "y" written in place).
  static func stem(_ w: UnsafeMutableBufferPointer<UInt8>, _ n: Int) -> Int {
    var n = n
    guard n >= 4, w[0..<n].allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return n }
    func ends(_ s: StaticString) -> Bool {
      let k = s.utf8CodeUnitCount
      guard n > k else { return false }
      return s.withUTF8Buffer { suffix in (0..<k).allSatisfy { w[n - k + $0] == suffix[$0] } }
    }
    if n >= 5, ends("ies") || ends("ied") {  // allies, supplied → ally, supply
      n -= 2
      w[n - 1] = UInt8(ascii: "y")
      return n
    }
    var stripped = false
    if ends("ing"), n - 3 >= 3 {
      n -= 3
      stripped = true
    } else if ends("ed"), n - 2 >= 3 {
      n -= 2
      stripped = true
    } else if ends("es"), n - 2 >= 3 {
      n -= 2
    } else if ends("ly"), n - 2 >= 5 {
      n -= 2
    } else if w[n - 1] == UInt8(ascii: "s"), !(ends("ss") || ends("us") || ends("is")) {
      n -= 1
    }
    // planned → plan, stopping → stop (but falling → fall, passed → pass).
    if stripped, n >= 3, w[n - 1] == w[n - 2], !isVowel(w[n - 1]),
      ![UInt8(ascii: "l"), UInt8(ascii: "s"), UInt8(ascii: "z")].contains(w[n - 1])
    {
      n -= 1
    }
    if n >= 4, w[n - 1] == UInt8(ascii: "e") { n -= 1 }  // produce → produc, like producing
    return n
  }

  @inline(__always)
  static func isVowel(_ b: UInt8) -> Bool {
    b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6F || b == 0x75
  }
}

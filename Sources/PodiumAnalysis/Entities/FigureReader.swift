/// Money and percentages with their units: "€40 billion", "40 billion euros", "2% of GDP",
/// "3,5%", "two and a half percent", "485 billion US dollars". A bare number is no figure; a
/// number with a scale is ("20 billion").
enum FigureReader {
  struct Figure {
    var end: Int  // the last token
    var key: String
    var name: String
  }

  private static func table<V>(_ words: String, _ value: (Int) -> V) -> [UInt64: V] {
    let pairs = words.split(separator: " ").enumerated().map {
      (EntityTokenizer.hash(String($1)), value($0))
    }
    return Dictionary(uniqueKeysWithValues: pairs)
  }
  static let scales = table("thousand million billion trillion bn mn") {
    ["thousand", "million", "billion", "trillion", "billion", "million"][$0]
  }
  /// Currency words, signs and codes; the first six may come before the amount ("€40", "USD 5").
  static let currencies = table("€ $ £ eur usd gbp euro euros dollar dollars pound pounds") {
    ["eur", "usd", "gbp"][$0 < 6 ? $0 % 3 : ($0 - 6) / 2]
  }
  static let prefixes = EntityGazetteer.words("€ $ £ eur usd gbp")
  static let symbols = ["eur": "€", "usd": "$", "gbp": "£"]
  static let numberWords = table(
    """
    zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen \
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    """
  ) { $0 < 20 ? $0 : 20 + 10 * ($0 - 20) }
  static let determiners = EntityGazetteer.words("their our the its national")
  static let (and, a, half, percent, per, cent, of, gdp, us) = (
    h("and"), h("a"), h("half"), h("percent"), h("per"), h("cent"), h("of"), h("gdp"), h("us")
  )
  private static func h(_ s: String) -> UInt64 { EntityTokenizer.hash(s) }

  /// Whether a figure may start at token `t` (a cheap test before `read`).
  static func mayStart(_ t: EntityToken) -> Bool {
    t.kind == .number || t.kind == .currency
      || (t.kind == .word && (numberWords[t.hash] != nil || prefixes.contains(t.hash)))
  }

  static func read(_ t: [EntityToken], _ bytes: [UInt8], at i: Int) -> Figure? {
    func near(_ k: Int) -> Bool { k < t.count && (t[k].gap == .none || t[k].gap == .space) }
    func said(_ k: Int, _ word: UInt64) -> Bool { near(k) && t[k].hash == word }
    var k = i
    var currency: String?
    if prefixes.contains(t[k].hash) {
      guard near(k + 1), t[k + 1].kind == .number else { return nil }
      (currency, k) = (currencies[t[k].hash], k + 1)
    }
    var amount: String
    let spelled = t[k].kind == .word
    if var v = numberWords[t[k].hash], spelled {
      k += 1
      if k < t.count, t[k].gap == .hyphen, let u = numberWords[t[k].hash], v >= 20, u < 10 {
        (v, k) = (v + u, k + 1)  // twenty-five
      }
      amount = String(v)
      if said(k, and), said(k + 1, a), said(k + 2, half) { (amount, k) = (amount + ".5", k + 3) }
    } else if t[k].kind == .number {
      (amount, k) = (decimal(Array(bytes[t[k].start..<t[k].end])), k + 1)
    } else {
      return nil
    }
    let scale = near(k) ? scales[t[k].hash] : nil
    if scale != nil { k += 1 }
    var isPercent = near(k) && (t[k].kind == .percent || t[k].hash == percent)
    if isPercent {
      k += 1
    } else if said(k, per), said(k + 1, cent) {
      (isPercent, k) = (true, k + 2)
    } else if currency == nil, near(k) {
      let q = said(k, us) && t[k].shape == .upper ? k + 1 : k  // US dollars
      if near(q), t[q].kind == .word, let c = currencies[t[q].hash] { (currency, k) = (c, q + 1) }
    }
    var ofGDP = false
    if isPercent, said(k, of) {
      let q = near(k + 1) && determiners.contains(t[k + 1].hash) ? k + 2 : k + 1
      if said(q, gdp) { (ofGDP, k) = (true, q + 1) }
    }
    guard isPercent || scale != nil || (currency != nil && !spelled) else { return nil }
    let scaled = amount + (scale.map { " " + $0 } ?? "")
    var key = "figure:" + scaled.split(separator: " ").joined(separator: "-")
    if isPercent {
      key += ofGDP ? "-percent-gdp" : "-percent"
      return Figure(end: k - 1, key: key, name: scaled + "%" + (ofGDP ? " of GDP" : ""))
    }
    guard let c = currency else { return Figure(end: k - 1, key: key, name: scaled) }
    return Figure(end: k - 1, key: key + "-" + c, name: symbols[c]! + scaled)
  }

  /// "3,5" → "3.5", "100,000" → "100000", "20.90" → "20.9", "1.000.000" → "1000000".
  static func decimal(_ b: [UInt8]) -> String {
    let seps = b.filter { $0 == 0x2E || $0 == 0x2C }
    var groups = b.split(whereSeparator: { $0 == 0x2E || $0 == 0x2C }).map {
      String(decoding: $0, as: UTF8.self)
    }
    func trimmed(_ s: String) -> String {
      let t = s.drop(while: { $0 == "0" })
      return t.isEmpty ? "0" : String(t)
    }
    let thousands =
      Set(seps).count == 1 && groups.dropFirst().allSatisfy { $0.count == 3 }
      && (seps.count > 1 || seps[0] == 0x2C)
    if seps.isEmpty || thousands { return trimmed(groups.joined()) }
    var fraction = groups.removeLast()
    while fraction.hasSuffix("0") { fraction.removeLast() }
    let whole = trimmed(groups.joined())
    return fraction.isEmpty ? whole : "\(whole).\(fraction)"
  }
}

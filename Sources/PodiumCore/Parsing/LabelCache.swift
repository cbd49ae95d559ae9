/// Label texts repeat (`NATO Secretary General Mark Rutte` opens every answer): each distinct
/// raw label text is cleaned and split once per parse.
final class LabelCache {
  struct Entry {
    var text: String
    var anatomy: LabelAnatomy?
    var flag: Bool
  }
  /// What a raw text means, one table per kind of lookup (colon labels, own-line labels,
  /// labels as the findings detector reads them).
  enum Kind: Int { case colon = 0, ownLine = 1, finding = 2 }
  private var entries: [[String: Entry]] = [[:], [:], [:]]

  /// A label's spelling to compare self-introductions and moderator calls against.
  struct Target {
    var words: [String]
    var suggestion: String
    var isOutlet: Bool
    /// Derived once: lowercased words, which are particles, their first bytes, byte lengths,
    /// and the lowercased bytes of the ASCII ones.
    var lowered: [String] = []
    var particle: [Bool] = []
    var firstByte: [UInt8] = []
    var lengths: [Int] = []
    var asciiLowered: [[UInt8]?] = []

    init(words: [String], suggestion: String, isOutlet: Bool) {
      self.words = words
      self.suggestion = suggestion
      self.isOutlet = isOutlet
      lowered = words.map { $0.lowercased() }
      particle = lowered.map { Vocabulary.particles.contains($0) }
      firstByte = lowered.map { $0.utf8.first ?? 0 }
      lengths = words.map { $0.utf8.count }
      asciiLowered = lowered.map { w in w.utf8.allSatisfy { $0 < 0x80 } ? Array(w.utf8) : nil }
    }
  }
  private struct TargetKey: Hashable {
    var name: String?
    var outlet: String?
  }
  private var targetEntries: [TargetKey: [Target]] = [:]

  func targets(name: String?, outlet: String?, _ make: () -> [Target]) -> [Target] {
    let key = TargetKey(name: name, outlet: outlet)
    if let t = targetEntries[key] { return t }
    let t = make()
    if targetEntries.count < 100_000 { targetEntries[key] = t }
    return t
  }

  init() {}

  func lookup(_ kind: Kind, _ key: String, _ make: () -> Entry) -> Entry {
    if let e = entries[kind.rawValue][key] { return e }
    let e = make()
    if entries[kind.rawValue].count < 100_000 { entries[kind.rawValue][key] = e }
    return e
  }
}

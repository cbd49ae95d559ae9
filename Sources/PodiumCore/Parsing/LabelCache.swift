/// Label texts repeat (`NATO Secretary General Mark Rutte` opens every answer): each distinct
/// raw label text is cleaned and split once per parse.
final class LabelCache {
  struct Entry {
    var text: String
    var anatomy: LabelAnatomy?
    var flag: Bool
  }
  private var entries: [String: Entry] = [:]

  /// A label's spelling to compare self-introductions and moderator calls against.
  struct Target {
    var words: [String]
    var suggestion: String
    var isOutlet: Bool
  }
  private var targetEntries: [String: [Target]] = [:]

  func targets(_ key: String, _ make: () -> [Target]) -> [Target] {
    if let t = targetEntries[key] { return t }
    let t = make()
    if targetEntries.count < 100_000 { targetEntries[key] = t }
    return t
  }

  init() {}

  func lookup(_ key: String, _ make: () -> Entry) -> Entry {
    if let e = entries[key] { return e }
    let e = make()
    if entries.count < 100_000 { entries[key] = e }
    return e
  }
}

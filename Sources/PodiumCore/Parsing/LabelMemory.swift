/// The per-document memory of which label forms mean someone: names, surnames and offices
/// seen in strong labels (and the header's principal), and how often each weak label occurs.
/// It is order-independent, so an edit that keeps the document's labels keeps the memory.
struct LabelMemory: Sendable, Equatable {
  var confirmed: Set<String> = []
  var weakCounts: [String: Int] = [:]

  mutating func learn(strong a: LabelAnatomy) {
    for k in a.memoryKeys { confirmed.insert(k) }
  }

  mutating func count(weak c: LabelCandidate) { weakCounts[Words.key(c.text), default: 0] += 1 }

  func accepts(_ c: LabelCandidate) -> Bool {
    if c.strength == .strong { return true }
    let a = c.anatomy
    if weakCounts[Words.key(c.text), default: 0] >= 2 { return true }
    if let n = a.nameKey {
      if confirmed.contains("name:" + n) { return true }
      if a.nameWordCount == 1, let s = a.surnameKey, confirmed.contains("surname:" + s) {
        return true
      }
      return false
    }
    if let r = a.roleKey {
      if let o = a.organizationKey { return confirmed.contains("role:" + o + " " + r) }
      return confirmed.contains("role:" + r)
    }
    return false
  }
}

/// Document-level facts kept with a transcript for incremental re-parsing.
struct ParseContext: Sendable, Equatable {
  var memory = LabelMemory()
  /// Label texts (keys) that resolve to nobody.
  var unresolved: Set<String> = []
  /// Index of the first line of the body (after the header block).
  var bodyStartLine = 0
}

/// The per-document memory of which label forms mean someone: names, surnames and offices
/// seen in strong labels (and the header's principal), and how often each weak label occurs.
/// It is order-independent, so an edit that keeps the document's labels keeps the memory.
struct LabelMemory: Sendable, Equatable {
  var confirmed: Set<String> = []
  var weakCounts: [String: Int] = [:]
  /// Distinct all-capitals labels the document confirms (`MODERATOR`, `ANNA SCHMIDT` twice):
  /// when it names speakers that way, a capitalised name seen once is a label too.
  var capitalisedSpeakers = 0
  /// The document has question labels (`Q.`), so a lone `A.` answers.
  var hasQuestionLabels = false

  /// The layout facts of the document's label candidates (the same from a full parse and
  /// from a `LabelTable`, so incremental parsing agrees).
  mutating func noteLayout(_ candidates: [String: LabelTable.Candidate]) {
    capitalisedSpeakers = 0
    hasQuestionLabels = false
    for c in candidates.values {
      if c.anatomy.special == .question && c.strong > 0 { hasQuestionLabels = true }
      if c.anatomy.allCaps && c.anatomy.special == .none && (c.strong > 0 || c.weak >= 2) {
        capitalisedSpeakers += 1
      }
    }
  }

  mutating func learn(strong a: LabelAnatomy) {
    for k in a.memoryKeys { confirmed.insert(k) }
  }

  mutating func count(weak c: LabelCandidate) { weakCounts[Words.key(c.text), default: 0] += 1 }

  func accepts(_ c: LabelCandidate) -> Bool {
    if c.strength == .strong { return true }
    let a = c.anatomy
    if weakCounts[Words.key(c.text), default: 0] >= 2 { return true }
    if a.special == .answer && hasQuestionLabels { return true }
    if a.allCaps && a.special == .none && a.nameWordCount >= 2 && capitalisedSpeakers >= 2 {
      return true
    }
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
  /// What every turn starts with and every label candidate of the body, so an edit that
  /// changes a label can re-resolve the speakers without reading the other lines again.
  var labels: LabelTable?
}

/// The label facts of a document, shared between versions until a label changes.
final class LabelTable: Sendable, Equatable {
  /// How a turn starts, without positions (a label's parts are in `candidates`).
  struct Start: Sendable, Equatable {
    enum Kind: UInt8, Sendable { case label, caption, continuation, opening }
    var kind: Kind
    var text: String = ""
    var strength: LabelStrength = .strong

    init(_ s: RawTurn.Start) {
      switch s {
      case .label(let c):
        kind = .label
        text = c.text
        strength = c.strength
      case .caption: kind = .caption
      case .continuation: kind = .continuation
      case .opening: kind = .opening
      }
    }
  }

  /// A label text of the body: its parts, and how often it occurs as a strong and as a weak
  /// candidate (accepted or not).
  struct Candidate: Sendable, Equatable {
    var anatomy: LabelAnatomy
    var strong = 0
    var weak = 0
  }

  let starts: [Start]
  let candidates: [String: Candidate]
  let principal: LabelAnatomy?

  init(starts: [Start], candidates: [String: Candidate], principal: LabelAnatomy?) {
    self.starts = starts
    self.candidates = candidates
    self.principal = principal
  }

  /// A raw turn that resolves like the original (positions are not kept).
  func rawTurn(_ s: Start) -> RawTurn? {
    let start: RawTurn.Start
    switch s.kind {
    case .label:
      guard let a = candidates[s.text]?.anatomy else { return nil }
      start = .label(
        LabelCandidate(range: 0..<0, bodyStart: nil, text: s.text, anatomy: a, strength: s.strength)
      )
    case .caption: start = .caption
    case .continuation: start = .continuation
    case .opening: start = .opening
    }
    return RawTurn(start: start, firstLine: 0, endLine: 0)
  }

  /// The label memory these candidates teach.
  func memory() -> LabelMemory {
    var m = LabelMemory()
    if let principal { m.learn(strong: principal) }
    for (text, c) in candidates {
      if c.strong > 0 { m.learn(strong: c.anatomy) }
      if c.weak > 0 { m.weakCounts[Words.key(text), default: 0] += c.weak }
    }
    m.noteLayout(candidates)
    return m
  }

  static func == (a: LabelTable, b: LabelTable) -> Bool {
    a === b
      || (a.starts == b.starts && a.candidates == b.candidates && a.principal == b.principal)
  }
}

/// A speaker label split into its parts: `NATO Acting Spokesperson Allison Hart` →
/// name "Allison Hart", role "Acting Spokesperson", organisation "NATO";
/// `Deborah Haynes, SKY News` → name "Deborah Haynes", outlet "SKY News".
struct LabelAnatomy: Sendable, Equatable {
  enum Special: Sendable, Equatable { case none, question, answer }

  var special: Special = .none
  /// Display name ("Mark Rutte", "Mr. Kirby"), nil for a role-only label.
  var name: String?
  /// Lowercased name tokens without honorifics, particles included ("alexandra von nahmen").
  var nameTokens: [String] = []
  var role: String?
  var organization: String?
  var outlet: String?
  var kind: SpeakerKind = .unknown
  /// The role contains a word that makes an office on its own ("Secretary", "Spokesperson").
  var hasStrongRole = false
  var hasOutlet: Bool { outlet != nil }
  var hadParenthesis = false
  var allCaps = false

  /// Words of the name that are not particles (set when parsed).
  var nameWordCount = 0
  /// What this label teaches the label memory when it is a strong label (set when parsed).
  var memoryKeys: [String] = []
  var nameKey: String? { nameTokens.isEmpty ? nil : nameTokens.joined(separator: " ") }
  var surnameKey: String? { nameTokens.last }
  var roleKey: String? {
    guard let role else { return nil }
    return Words.key(role)
  }
  var organizationKey: String? { organization.map(Words.key) }

  /// Parses a cleaned label text (no decoration, colon or timestamp); nil when the text
  /// cannot be a speaker label.
  static func parse(_ raw: String) -> LabelAnatomy? {
    let text = Words.trim(raw)
    if text.isEmpty || text.utf8.count > 120 { return nil }
    var result = LabelAnatomy()
    let k = text.utf8.count <= 32 ? Words.key(text) : ""
    if Vocabulary.questionLabels.contains(k) {
      result.special = .question
      result.kind = .anonymous
      result.finish()
      return result
    }
    if Vocabulary.answerLabels.contains(k) {
      result.special = .answer
      result.finish()
      return result
    }
    // Bracketed groups: timestamps are dropped, the others are affiliations.
    var main = ""
    var groups: [String] = []
    var depth = 0
    var current = ""
    let hasBrackets = text.utf8.contains { $0 == 0x28 || $0 == 0x5B || $0 == 0x29 || $0 == 0x5D }
    if !hasBrackets { main = text }
    for ch in hasBrackets ? text : "" {
      if ch == "(" || ch == "[" {
        if depth == 0 { current = "" } else { current.append(ch) }
        depth += 1
      } else if ch == ")" || ch == "]" {
        if depth == 0 { return nil }
        depth -= 1
        if depth == 0 {
          let g = Words.trim(current)
          if !g.isEmpty && !isTimestamp(g) { groups.append(g) }
        } else {
          current.append(ch)
        }
      } else if depth > 0 {
        current.append(ch)
      } else {
        main.append(ch)
      }
    }
    if depth != 0 || groups.count > 2 { return nil }
    result.hadParenthesis = !groups.isEmpty
    let parts = Self.commaParts(main)
    guard let head = parts.first, !head.isEmpty else { return nil }
    if parts.count > 3 || parts.dropFirst().contains(where: { $0.isEmpty }) { return nil }
    // Hansard: "The Secretary of State for Transport (Ms Helen Carter)".
    if groups.count == 1, parts.count == 1, head.lowercased().hasPrefix("the "),
      var person = LabelAnatomy.parse(groups[0]), person.name != nil, person.role == nil,
      person.outlet == nil
    {
      person.role = String(head.dropFirst(4))
      person.hasStrongRole = true
      person.hadParenthesis = true
      person.kind = .official
      person.finish()
      return person
    }
    guard result.parseHead(head) else { return nil }
    for tail in parts.dropFirst() {
      guard result.parseAffiliation(tail, inBrackets: false) else { return nil }
    }
    if groups.count == 2 {
      // Parliamentary "Mr Smith (Town) (Party)".
      guard isNameish(groups[0]), isNameish(groups[1]) else { return nil }
      result.role = result.role ?? "Member for \(groups[0])"
      result.organization = result.organization ?? groups[1]
      result.kind = .official
    } else if let g = groups.first {
      guard result.parseAffiliation(g, inBrackets: true) else { return nil }
    }
    if result.name == nil && result.role == nil { return nil }
    result.kind = result.inferKind()
    result.finish()
    return result
  }

  /// `text` split at commas (empty parts kept), each part trimmed.
  static func commaParts(_ text: String) -> [String] {
    let u = text.utf8
    guard u.contains(0x2C) else { return [Words.trim(text)] }
    if !u.allSatisfy({ $0 < 0x80 }) {
      // A comma may carry a combining mark: split on characters.
      return text.split(separator: ",", omittingEmptySubsequences: false).map { Words.trim($0) }
    }
    var out: [String] = []
    var start = u.startIndex
    var i = u.startIndex
    while i != u.endIndex {
      if u[i] == 0x2C {
        out.append(Words.trim(text[start..<i]))
        start = u.index(after: i)
      }
      i = u.index(after: i)
    }
    out.append(Words.trim(text[start..<u.endIndex]))
    return out
  }

  /// Derived values, computed once per distinct label.
  mutating func finish() {
    nameWordCount = nameTokens.filter { !Vocabulary.particles.contains($0) }.count
    var keys: [String] = []
    if let n = nameKey {
      keys.append("name:" + n)
      if nameWordCount >= 2, let s = surnameKey { keys.append("surname:" + s) }
    }
    if let r = roleKey {
      keys.append("role:" + r)
      if let o = organizationKey { keys.append("role:" + o + " " + r) }
    }
    memoryKeys = keys
  }

  private func inferKind() -> SpeakerKind {
    if special == .question { return .anonymous }
    if kind == .official { return .official }
    let roleTokens = (role.map(Words.key) ?? "").split(separator: " ").map(String.init)
    if roleTokens.contains(where: { Vocabulary.moderatorWords.contains($0) }) { return .moderator }
    if roleTokens.contains(where: { Vocabulary.journalistWords.contains($0) }) {
      return .journalist
    }
    if outlet != nil { return .journalist }
    if role != nil { return .official }
    return .unknown
  }

  /// `NATO Secretary General Mark Rutte`, `Mr. KIRBY`, `The Speaker`, `Speaker 1`.
  private mutating func parseHead(_ head: String) -> Bool {
    var tokens = Words.tokens(head).map(String.init)
    if tokens.isEmpty || tokens.count > 10 { return false }
    var honorific: String?
    var letterCount = 0
    var anyLower = false
    for s in head.unicodeScalars where Words.isLetter(s) {
      letterCount += 1
      if Words.isLowerScalar(s) {
        anyLower = true
        break
      }
    }
    allCaps = letterCount > 1 && !anyLower
    // "The Speaker", "THE PRESIDENT", "The SPEAKER pro tempore".
    if tokens.count >= 2, Self.bare(tokens[0]) == "the" {
      let rest = tokens.dropFirst().map(Self.bare)
      if rest.allSatisfy({ Vocabulary.roleWords.contains($0) || Vocabulary.particles.contains($0) }
      ) {
        role = tokens.dropFirst().map { Words.titleCaseIfAllCaps($0) }.joined(separator: " ")
        hasStrongRole = true
        return true
      }
      return false
    }
    if let first = tokens.first, Vocabulary.honorifics.contains(Self.bare(first)),
      tokens.count >= 2, Self.isCapitalised(tokens[1])
    {
      honorific = Self.normaliseHonorific(first)
      tokens.removeFirst()
    }
    // Every token must look like part of a name, an office or an organisation.
    var kinds: [TokenKind] = []
    for (i, t) in tokens.enumerated() {
      guard let kind = Self.tokenKind(t, previous: i > 0 ? tokens[i - 1] : nil) else {
        return false
      }
      kinds.append(kind)
    }
    for i in kinds.indices.dropLast() where kinds[i] == .role && Self.isNumber(tokens[i + 1]) {
      kinds[i] = .word  // "Speaker 1"
    }
    // Organisation, then office, then name: `NATO Secretary General Mark Rutte`.
    let firstRole = kinds.firstIndex(of: .role)
    var nameStart = 0
    if let r = firstRole {
      var j = r
      while j < kinds.count && (kinds[j] == .role || kinds[j] == .particle) { j += 1 }
      // Trailing particles belong to the name ("of" cannot end an office).
      while j > r && kinds[j - 1] == .particle { j -= 1 }
      let roleTokens = tokens[r..<j]
      if r > 0 {
        let org = tokens[0..<r]
        if org.count > 4 || org.contains(where: { Self.bare($0) == "the" && org.count == 1 }) {
          return false
        }
        organization = org.joined(separator: " ")
      }
      role = roleTokens.map { Words.titleCaseIfAllCaps($0) }.joined(separator: " ")
      hasStrongRole = roleTokens.contains {
        let b = Self.bare($0)
        return Vocabulary.roleWords.contains(b) && !Vocabulary.weakRoleWords.contains(b)
      }
      nameStart = j
    }
    let nameTokensRaw = Array(tokens[nameStart...])
    if nameTokensRaw.isEmpty {
      if honorific != nil { return false }
      return role != nil
    }
    for (i, t) in nameTokensRaw.enumerated() {
      let b = Self.bare(t)
      if Vocabulary.particles.contains(b) && Self.isLowercaseWord(t)
        && (i == 0 || i == nameTokensRaw.count - 1)
      {
        return false
      }
      if Vocabulary.stopwords.contains(b) && !Vocabulary.particles.contains(b) { return false }
    }
    let nonParticles = nameTokensRaw.filter { !Vocabulary.particles.contains(Self.bare($0)) }
    if nonParticles.isEmpty || nonParticles.count > 5 { return false }
    nameTokens = nameTokensRaw.map { Words.key($0) }.filter { !$0.isEmpty }
    let display = nameTokensRaw.map { Words.titleCaseIfAllCaps($0) }.joined(separator: " ")
    if let honorific, nonParticles.count == 1 {
      name = "\(honorific) \(display)"
    } else {
      name = display
    }
    return true
  }

  /// `SKY News`, `Acting NATO Spokesperson`, `Interfax Ukraine`, `White House Press Secretary`.
  private mutating func parseAffiliation(_ text: String, inBrackets: Bool) -> Bool {
    // "House of Commons Hansard, 12 March 2024": a date is no affiliation.
    if text.utf8.contains(where: Bytes.isDigit), DateParser.firstDate(in: text) != nil {
      return false
    }
    let tokens = Words.tokens(text).map(String.init)
    if tokens.isEmpty || tokens.count > 9 { return false }
    var hasRole = false
    var strong = false
    for (i, t) in tokens.enumerated() {
      let b = Self.bare(t)
      if Vocabulary.roleWords.contains(b) && Self.isCapitalised(t) {
        hasRole = true
        if !Vocabulary.weakRoleWords.contains(b) { strong = true }
        continue
      }
      if Self.isCapitalised(t) || Self.isNumber(t) { continue }
      if Vocabulary.particles.contains(b) && i > 0 && i < tokens.count - 1 { continue }
      return false
    }
    if hasRole && strong {
      var roleParts: [String] = []
      var orgParts: [String] = []
      for t in tokens {
        let b = Self.bare(t)
        if Vocabulary.roleWords.contains(b)
          || (Vocabulary.particles.contains(b) && !roleParts.isEmpty)
        {
          roleParts.append(t)
        } else {
          orgParts.append(t)
        }
      }
      while let last = roleParts.last, Vocabulary.particles.contains(Self.bare(last)) {
        roleParts.removeLast()
      }
      if role == nil {
        role = roleParts.map { Words.titleCaseIfAllCaps($0) }.joined(separator: " ")
      }
      if organization == nil && !orgParts.isEmpty { organization = orgParts.joined(separator: " ") }
      hasStrongRole = true
    } else if outlet == nil {
      outlet = text
    } else if organization == nil {
      organization = text
    }
    return true
  }

  enum TokenKind: Equatable { case role, particle, word }

  private static func tokenKind(_ t: String, previous: String?) -> TokenKind? {
    let b = bare(t)
    if b.isEmpty { return nil }
    // Characters a name never holds.
    for s in t.unicodeScalars {
      if Words.isLetter(s) || Words.isDigit(s) { continue }
      switch s {
      case "-", "'", "’", ".", "&", "‐": continue
      default: return nil
      }
    }
    if isNumber(t) {
      // "Speaker 1", "Participant 2".
      if let p = previous,
        ["speaker", "participant", "person", "voice", "caller", "guest"]
          .contains(bare(p))
      {
        return .word
      }
      return nil
    }
    if Vocabulary.roleWords.contains(b) && isCapitalised(t) {
      return .role
    }
    if Vocabulary.particles.contains(b) && isLowercaseWord(t) { return .particle }
    if isCapitalised(t) { return .word }
    return nil
  }

  static func bare(_ t: some StringProtocol) -> String {
    var s = Substring(t)
    while let l = s.last, l == "." || l == "," || l == ":" { s = s.dropLast() }
    return s.lowercased()
  }

  static func isCapitalised(_ t: some StringProtocol) -> Bool {
    guard let f = t.unicodeScalars.first(where: { Words.isLetter($0) || Words.isDigit($0) })
    else { return false }
    return Words.isUpperScalar(f) || (t.unicodeScalars.first == "'" && Words.isUpperScalar(f))
  }

  static func isLowercaseWord(_ t: some StringProtocol) -> Bool {
    guard let f = t.unicodeScalars.first else { return false }
    return Words.isLowerScalar(f) || f == "&"
  }

  static func isNumber(_ t: some StringProtocol) -> Bool {
    !t.isEmpty && t.unicodeScalars.allSatisfy { Words.isDigit($0) }
  }

  static func isTimestamp(_ t: some StringProtocol) -> Bool {
    var digits = 0
    var colons = 0
    for s in t.unicodeScalars {
      if Words.isDigit(s) {
        digits += 1
      } else if s == ":" {
        colons += 1
      } else if s != "." && s != "," {
        return false
      }
    }
    return colons >= 1 && digits >= 3
  }

  private static func isNameish(_ text: String) -> Bool {
    let tokens = Words.tokens(text)
    return !tokens.isEmpty && tokens.count <= 8
      && tokens.allSatisfy {
        isCapitalised($0) || Vocabulary.particles.contains(bare($0)) || $0 == "&"
      }
  }

  private static func normaliseHonorific(_ t: String) -> String {
    let b = bare(t)
    switch b {
    case "mr": return "Mr."
    case "mrs": return "Mrs."
    case "ms": return "Ms."
    case "dr": return "Dr."
    case "prof": return "Prof."
    default: return Words.titleCaseIfAllCaps(t)
    }
  }
}

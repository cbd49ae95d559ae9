/// Turns the labels of a document into speakers: one speaker per person however the label
/// names them (`NATO Secretary General Mark Rutte` = `NATO Secretary General Rutte` =
/// `🗣 | NATO Secretary General` when the header names Rutte; `Jonathan Beale` =
/// `Jonathan Beale, BBC`). Order-independent: every full name is known before short forms
/// are matched.
struct SpeakerResolver {
  struct Entity {
    var name: String
    var nameTokens: [String]
    var role: String?
    var organization: String?
    var outlet: String?
    var kind: SpeakerKind
    var aliases: [String] = []
  }

  enum Resolution: Equatable {
    case entity(Int)
    case question
    case unresolved(Int)
  }

  private(set) var entities: [Entity] = []
  private var byName: [String: Int] = [:]
  private(set) var principal: Int?

  init(principal: LabelAnatomy?, labels: [LabelCandidate]) {
    if let principal, principal.nameKey != nil || principal.role != nil {
      self.principal = add(principal, alias: nil)
      entities[self.principal!].kind = .official
    }
    for c in labels where c.anatomy.special == .none && c.anatomy.nameWordCount >= 2 {
      if let i = byName[c.anatomy.nameKey!] {
        merge(c.anatomy, into: i)
      } else {
        _ = add(c.anatomy, alias: nil)
      }
    }
  }

  /// Gives `kind` to every voice that nothing else describes: in an interview the one asking
  /// (when the principal is known), in a debate the moderators.
  mutating func describeUnknownVoices(as kind: SpeakerKind) {
    if kind == .journalist && principal == nil { return }
    for i in entities.indices where i != principal && entities[i].kind == .unknown {
      entities[i].kind = kind
    }
  }

  private mutating func add(_ a: LabelAnatomy, alias: String?) -> Int {
    let name =
      a.name ?? a.role.map { r in [a.organization, r].compactMap { $0 }.joined(separator: " ") }
      ?? "Unknown"
    let entity = Entity(
      name: name, nameTokens: a.nameTokens, role: a.role, organization: a.organization,
      outlet: a.outlet, kind: a.kind, aliases: alias.map { [$0] } ?? [])
    entities.append(entity)
    let key = a.nameKey ?? ("role:" + (a.roleKey ?? Words.key(name)))
    byName[key] = entities.count - 1
    return entities.count - 1
  }

  private mutating func merge(_ a: LabelAnatomy, into i: Int) {
    if a.role == nil && a.organization == nil && a.outlet == nil && a.kind == .unknown { return }
    if entities[i].role == nil { entities[i].role = a.role }
    if entities[i].organization == nil { entities[i].organization = a.organization }
    if entities[i].outlet == nil { entities[i].outlet = a.outlet }
    entities[i].kind = Self.stronger(entities[i].kind, a.kind)
  }

  static func stronger(_ a: SpeakerKind, _ b: SpeakerKind) -> SpeakerKind {
    func rank(_ k: SpeakerKind) -> Int {
      switch k {
      case .moderator: 4
      case .official: 3
      case .journalist: 2
      case .anonymous: 1
      case .unknown: 0
      }
    }
    return rank(a) >= rank(b) ? a : b
  }

  /// Resolves one label (call in document order; records aliases).
  mutating func resolve(_ c: LabelCandidate) -> Resolution {
    let a = c.anatomy
    switch a.special {
    case .question:
      return .question
    case .answer:
      if let p = principal {
        alias(p, c.text)
        return .entity(p)
      }
      var i: Int
      if let existing = byName["role:answer"] {
        i = existing
      } else {
        i = add(
          LabelAnatomy(special: .none, name: "Interviewee", nameTokens: ["interviewee"]),
          alias: nil)
        byName["role:answer"] = i
      }
      alias(i, c.text)
      return .entity(i)
    case .none:
      break
    }
    if let key = a.nameKey {
      if let i = byName[key] {
        merge(a, into: i)
        alias(i, c.text)
        return .entity(i)
      }
      if a.nameWordCount == 1, let surname = a.surnameKey {
        let matches = entities.indices.filter {
          entities[$0].nameTokens.count >= 2 && entities[$0].nameTokens.last == surname
            && Self.compatible(a, entities[$0])
        }
        if matches.count == 1 {
          alias(matches[0], c.text)
          return .entity(matches[0])
        }
      }
      let i = add(a, alias: c.text)
      return .entity(i)
    }
    // An office without a name: someone with that office, or the header's principal.
    let roleKey = a.roleKey ?? ""
    let matches = entities.indices.filter {
      entities[$0].role.map(Words.key) == roleKey && entities[$0].nameTokens.count >= 1
        && Self.compatible(a, entities[$0])
    }
    if matches.count == 1 {
      alias(matches[0], c.text)
      return .entity(matches[0])
    }
    if let p = principal, matches.isEmpty || matches.contains(p),
      entities[p].role.map({ Words.key($0).hasSuffix(roleKey) }) ?? false
    {
      alias(p, c.text)
      return .entity(p)
    }
    if let i = byName["role:" + (a.organizationKey.map { $0 + " " } ?? "") + roleKey] {
      alias(i, c.text)
      return moderatorLike(a) ? .entity(i) : .unresolved(i)
    }
    let i = add(a, alias: c.text)
    byName["role:" + (a.organizationKey.map { $0 + " " } ?? "") + roleKey] = i
    return moderatorLike(a) ? .entity(i) : .unresolved(i)
  }

  private func moderatorLike(_ a: LabelAnatomy) -> Bool {
    a.kind == .moderator || a.organization == nil
  }

  private static func compatible(_ a: LabelAnatomy, _ e: Entity) -> Bool {
    if let o = a.organizationKey, let eo = e.organization.map(Words.key), o != eo { return false }
    return true
  }

  private mutating func alias(_ i: Int, _ text: String) {
    if !entities[i].aliases.contains(text) { entities[i].aliases.append(text) }
  }
}

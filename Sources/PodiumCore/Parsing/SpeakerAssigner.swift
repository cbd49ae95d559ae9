/// Gives every raw turn its speaker id and kind: labels through the resolver, `Question`
/// turns their own anonymous speaker, continuations the previous speaker, the opening the
/// principal; then statement / question / answer / moderation, answers pointing at the
/// question they answer.
enum SpeakerAssigner {
  struct Result {
    var speakers: [String]
    var kinds: [TurnKind]
    var replyTo: [Int?]
    var speakerList: [Speaker]
    /// Entity index → id.
    var entityIDs: [String]
    var unresolved: Set<String>
  }

  /// `event`: what the header calls the event. In an interview a voice other than the
  /// principal that no label describes (`ZEIT:`) is the one asking; in a debate, such voices
  /// (`DAVID MUIR:`) run it.
  static func assign(_ raw: [RawTurn], resolver: inout SpeakerResolver, event: EventKind? = nil)
    -> Result
  {
    var perTurn: [Resolved] = []
    perTurn.reserveCapacity(raw.count)
    var unresolved: Set<String> = []
    var questions = 0
    var unidentified = 0
    for (n, r) in raw.enumerated() {
      switch r.start {
      case .label(let c):
        switch resolver.resolve(c) {
        case .entity(let i): perTurn.append(.entity(i))
        case .unresolved(let i):
          perTurn.append(.entity(i))
          unresolved.insert(Words.key(c.text))
        case .question:
          questions += 1
          perTurn.append(.question(questions, c.text))
        }
      case .caption:
        unidentified += 1
        perTurn.append(.unidentified(unidentified))
      case .continuation:
        perTurn.append(n > 0 ? perTurn[n - 1] : .unidentified(0))
      case .opening:
        perTurn.append(resolver.principal.map { .entity($0) } ?? .unidentified(0))
      }
    }
    switch event {
    case .interview?: resolver.describeUnknownVoices(as: .journalist)
    case .debate?: resolver.describeUnknownVoices(as: .moderator)
    default: break
    }
    // Ids: slugs of canonical names, unique; speakers listed by first appearance.
    var used: Set<String> = []
    var entityIDs: [String] = []
    for e in resolver.entities {
      var id = Words.slug(e.name)
      if used.contains(id) || id.hasPrefix("question-") || id.hasPrefix("unidentified-") {
        var k = 2
        while used.contains("\(id)-\(k)") { k += 1 }
        id = "\(id)-\(k)"
      }
      used.insert(id)
      entityIDs.append(id)
    }
    var list: [Speaker] = []
    var listed: Set<String> = []
    func speaker(forEntity i: Int) -> Speaker {
      let e = resolver.entities[i]
      return Speaker(
        id: entityIDs[i], name: e.name, role: e.role, organization: e.organization,
        affiliation: e.outlet, kind: e.kind, aliases: e.aliases)
    }
    if let p = resolver.principal {
      list.append(speaker(forEntity: p))
      listed.insert(entityIDs[p])
    }
    var ids: [String] = []
    var kinds: [SpeakerKind] = []
    ids.reserveCapacity(raw.count)
    for r in perTurn {
      switch r {
      case .entity(let i):
        ids.append(entityIDs[i])
        kinds.append(resolver.entities[i].kind)
        if !listed.contains(entityIDs[i]) {
          listed.insert(entityIDs[i])
          list.append(speaker(forEntity: i))
        }
      case .question(let k, let text):
        let id = "question-\(k)"
        ids.append(id)
        kinds.append(.anonymous)
        if !listed.contains(id) {
          listed.insert(id)
          list.append(Speaker(id: id, name: "Question \(k)", kind: .anonymous, aliases: [text]))
        }
      case .unidentified(let k):
        let id = "unidentified-\(k)"
        ids.append(id)
        kinds.append(.unknown)
        if !listed.contains(id) {
          listed.insert(id)
          list.append(Speaker(id: id, name: "Unidentified speaker \(k)", kind: .unknown))
        }
      }
    }
    let (turnKinds, replyTo) = turnKinds(raw, speakerKinds: kinds)
    return Result(
      speakers: ids, kinds: turnKinds, replyTo: replyTo, speakerList: list,
      entityIDs: entityIDs, unresolved: unresolved)
  }

  enum Resolved {
    case entity(Int)
    case question(Int, String)
    case unidentified(Int)
  }

  static func turnKinds(_ raw: [RawTurn], speakerKinds: [SpeakerKind]) -> ([TurnKind], [Int?]) {
    var kinds: [TurnKind] = []
    var replies: [Int?] = []
    var pending: Int?
    for (n, r) in raw.enumerated() {
      if case .continuation = r.start, n > 0 {
        kinds.append(kinds[n - 1])
        replies.append(replies[n - 1])
        continue
      }
      if case .opening = r.start {
        kinds.append(.statement)
        replies.append(nil)
        continue
      }
      // What the turn is, and the question it answers.
      let kind: (TurnKind, Int?)
      switch speakerKinds[n] {
      case .anonymous, .journalist:
        kind = (.question, nil)
      case .moderator:
        // A spokesperson who speaks right after a question answers it (a briefing); otherwise
        // a moderator calls on people and keeps order.
        kind = pending == n - 1 ? (.answer, pending) : (.moderation, nil)
      case .official, .unknown:
        kind = pending != nil ? (.answer, pending) : (.statement, nil)
      }
      kinds.append(kind.0)
      replies.append(kind.1)
      if kind.0 == .question { pending = n } else if kind.0 == .answer { pending = nil }
    }
    return (kinds, replies)
  }
}

import PodiumCore

/// The cross-references inside one transcript: answers, moderators' calls, follow-ups and
/// back-references. Linear in the transcript: each turn looks at a bounded window before it.
public enum WithinDocumentLinker {
  /// How many earlier turns a follow-up or a back-reference looks through.
  static let window = 40

  /// The links starting in the turns `turns` (all by default).
  public static func links(_ transcript: Transcript, turns: Range<Int>? = nil) -> [CrossReference] {
    let context = LinkContext(transcript)
    var out: [CrossReference] = []
    for turn in transcript.turns[(turns ?? transcript.turns.indices).clamped(to: transcript.turns.indices)] {
      if let q = turn.replyTo, q < transcript.turns.count {
        out.append(context.reference(.answers, from: turn, to: q, score: 1, note: answerNote(q, context)))
      }
      switch turn.kind {
      case .moderation:
        if let call = CallFinder.call(from: turn, context) { out.append(call) }
      case .question:
        if let follow = FollowUpFinder.followUp(of: turn, context) { out.append(follow) }
      case .answer, .statement:
        break
      }
      out += BackReferenceFinder.backReferences(in: turn, context)
    }
    return out
  }

  private static func answerNote(_ question: Int, _ context: LinkContext) -> String {
    "answers \(context.speakerName(of: question))'s question"
  }
}

/// What the finders share: the transcript, lowered turn texts on demand, speakers by id.
struct LinkContext {
  let transcript: Transcript
  let speakers: [String: Speaker]

  init(_ transcript: Transcript) {
    self.transcript = transcript
    var speakers: [String: Speaker] = [:]
    for s in transcript.speakers { speakers[s.id] = s }
    self.speakers = speakers
  }

  var turns: [Turn] { transcript.turns }

  func bodyBytes(_ turn: Turn) -> [UInt8] { transcript.text.bytes(in: turn.body) }

  /// The body with ASCII letters lowercased, for cue phrases; byte offsets are kept.
  func lowered(_ turn: Turn) -> LoweredText { LoweredText(bodyBytes(turn)) }

  func speakerName(of turn: Int) -> String {
    speakers[turns[turn].speaker]?.name ?? turns[turn].speaker
  }

  func reference(
    _ kind: CrossReferenceKind, from: Turn, to index: Int, score: Double, note: String
  ) -> CrossReference {
    reference(kind, from: from.body, to: index, score: score, note: note)
  }

  func reference(
    _ kind: CrossReferenceKind, from: Range<Int>, to index: Int, score: Double, note: String
  ) -> CrossReference {
    let target = turns[index]
    return CrossReference(
      kind: kind, from: from,
      target: ReferenceTarget(document: nil, range: target.span, lines: target.lines),
      score: score, note: note)
  }

  /// The byte offset in the transcript of where `cue` first occurs in `turn`'s lowered body.
  func offset(of cue: String, in lowered: LoweredText, turn: Turn) -> Int? {
    lowered.firstIndex(of: cue).map { turn.body.lowerBound + $0 }
  }

  /// The earlier turns within the window, nearest first.
  func earlier(than turn: Turn) -> [Turn] {
    let lo = max(0, turn.index - WithinDocumentLinker.window)
    return turns[lo..<turn.index].reversed()
  }
}

/// "All right, we'll go to Reuters." → the question of the journalist from Reuters.
enum CallFinder {
  /// Words that give the floor without naming anyone: "the gentleman in the second row".
  static let cues = [
    "row", "gentleman", "gentlemen", "woman", "lady", " man ", "next", "go to", "over to",
    "start with", "final question", "last question", "behind", "in front", "jacket", "side of",
    "floor", "please", "question",
  ]

  static func call(from turn: Turn, _ context: LinkContext) -> CrossReference? {
    // The question it calls: the next one before the next moderation (an official may speak
    // between the call and the question).
    var next = turn.index + 1
    while next < context.turns.count, next <= turn.index + 3 {
      let t = context.turns[next]
      if t.kind == .moderation { return nil }
      if t.kind == .question { break }
      next += 1
    }
    guard next < context.turns.count, next <= turn.index + 3,
      context.turns[next].kind == .question
    else { return nil }
    let text = context.lowered(turn)
    let asker = context.speakers[context.turns[next].speaker]
    if let asker, let named = namedIn(text, asker) {
      return context.reference(
        .callsOn, from: turn, to: next, score: 1, note: "calls on \(named)")
    }
    guard cues.contains(where: { text.contains($0) }) else { return nil }
    return context.reference(
      .callsOn, from: turn, to: next, score: 0.7,
      note: "gives the floor to \(asker?.name ?? "the next questioner")")
  }

  /// The outlet or name of `speaker` as the moderator says it, when the text says it.
  static func namedIn(_ lowered: LoweredText, _ speaker: Speaker) -> String? {
    let text = lowered.string
    let words = Set(OutletWords.words(text))
    for outlet in [speaker.affiliation, speaker.organization].compactMap({ $0 }) {
      if OutletWords.mentions(outlet, in: text, words: words) { return outlet }
    }
    let name = OutletWords.words(speaker.name.lowercased()).filter { $0.count > 2 }
    if let surname = name.last, words.contains(surname), speaker.kind != .anonymous {
      return speaker.name
    }
    return nil
  }
}

/// Comparing the outlet a moderator says with the one a journalist's label gives.
enum OutletWords {
  /// Words that name no outlet on their own ("news", "agency", "Ukraine").
  static let generic: Set<String> = [
    "news", "agency", "tv", "television", "radio", "media", "channel", "network", "service",
    "public", "international", "national", "company", "broadcasting", "the", "of", "and", "with",
    "from", "ukraine", "russia", "germany", "france", "italy", "japan", "korea", "turkey",
    "serbia", "poland", "russian", "ukrainian", "german", "italian", "times", "daily", "press",
  ]

  static func words(_ text: String) -> [String] {
    text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
  }

  /// The whole outlet, its alias, or one distinctive word of it appears in `text`.
  static func mentions(_ outlet: String, in text: String, words: Set<String>) -> Bool {
    let lowered = outlet.lowercased()
    if text.contains(lowered) { return true }
    let outletWords = Self.words(lowered)
    if outletWords.contains(where: { !generic.contains($0) && $0.count > 1 && words.contains($0) })
    {
      return true
    }
    // "Frankfurter Algemeiner Zeitung" said, "FAZ" written: the alias table knows both.
    let key = OrganisationAliases.key(outlet)
    var start = 0
    let all = Self.words(text)
    while start < all.count {
      for length in 1...min(4, all.count - start) {
        let phrase = all[start..<(start + length)].joined(separator: " ")
        if OrganisationAliases.canonical(phrase) != nil, OrganisationAliases.key(phrase) == key {
          return true
        }
      }
      start += 1
    }
    return false
  }
}

/// "Following up on my colleague's question" → the earlier question it follows.
enum FollowUpFinder {
  static let ownCues = ["my second question", "second question", "my other question"]
  static let cues = [
    "following up", "follow up", "follow-up", "followup", "to follow on", "following on",
    "further to",
  ]

  static func followUp(of turn: Turn, _ context: LinkContext) -> CrossReference? {
    let text = context.lowered(turn)
    let ownCue = ownCues.first(where: { text.contains($0) })
    let cue = ownCue ?? cues.first(where: { text.contains($0) })
    guard let cue else { return nil }
    let earlierQuestions = context.earlier(than: turn).filter { $0.kind == .question }
    if ownCue != nil {
      guard let own = earlierQuestions.first(where: { $0.speaker == turn.speaker }) else {
        return nil
      }
      return context.reference(
        .followsUp, from: cueRange(cue, text, turn, context), to: own.index, score: 1,
        note: "\(context.speakerName(of: turn.index))'s earlier question")
    }
    guard !earlierQuestions.isEmpty else { return nil }
    // The most similar earlier question; a colleague's when the cue says so.
    let others = text.contains("colleague")
      ? earlierQuestions.filter { $0.speaker != turn.speaker } : earlierQuestions
    guard !others.isEmpty else { return nil }
    let mine = Shingles.of(context.bodyBytes(turn))
    var best = (turn: others[0], score: -1.0)
    for q in others {
      let s = Shingles.jaccard(mine, Shingles.of(context.bodyBytes(q)))
      if s > best.score { best = (q, s) }
    }
    // Nothing in common: the nearest earlier question is what a listener would assume.
    let similar = best.score >= 0.02
    let target = similar ? best.turn : others[0]
    return context.reference(
      .followsUp, from: cueRange(cue, text, turn, context), to: target.index,
      score: similar ? min(1, 0.5 + best.score) : 0.5,
      note: "follows up on \(context.speakerName(of: target.index))'s question")
  }

  static func cueRange(_ cue: String, _ text: LoweredText, _ turn: Turn, _ context: LinkContext)
    -> Range<Int>
  {
    guard let at = context.offset(of: cue, in: text, turn: turn) else { return turn.body }
    return at..<(at + cue.utf8.count)
  }
}

/// "As I said before" → the earlier turn of that speaker most like what follows the cue.
enum BackReferenceFinder {
  static let cues = [
    "as i said", "as i've said", "as i have said", "i said before", "i said it before",
    "i said earlier", "as i mentioned", "i mentioned this", "i mentioned that",
    "i mentioned it", "mentioned before", "mentioned earlier", "i mentioned this number",
    "as i noted", "as i told", "in my introduction", "in my opening", "in my introductory",
  ]
  /// Below this, the earlier turns say something else: no reference.
  static let threshold = 0.12

  static func backReferences(in turn: Turn, _ context: LinkContext) -> [CrossReference] {
    let text = context.lowered(turn)
    var out: [CrossReference] = []
    var searchedFrom = 0
    var seen = Set<Int>()
    while let (at, length) = nextCue(in: text, from: &searchedFrom) {
      let cueRange = (turn.body.lowerBound + at)..<(turn.body.lowerBound + at + length)
      guard let (target, score) = mostSimilarEarlier(turn, around: cueRange, context),
        seen.insert(target).inserted
      else { continue }
      out.append(
        context.reference(
          .refersBack, from: cueRange, to: target, score: score,
          note: "refers back to \(context.speakerName(of: target))'s turn \(target + 1)"))
    }
    return out
  }

  /// The earliest cue at or after `start`: its offset in the body and its length.
  private static func nextCue(in text: LoweredText, from start: inout Int) -> (Int, Int)? {
    var best: (Int, Int)?
    for cue in cues {
      if let at = text.firstIndex(of: cue, from: start), best == nil || at < best!.0 {
        best = (at, cue.utf8.count)
      }
    }
    if let best { start = best.0 + best.1 }
    return best
  }

  /// Compares the sentences around the cue with each earlier turn of the same speaker.
  private static func mostSimilarEarlier(
    _ turn: Turn, around cue: Range<Int>, _ context: LinkContext
  ) -> (Int, Double)? {
    let speaker = turn.speaker
    let lo = max(turn.body.lowerBound, cue.lowerBound - 400)
    let hi = min(turn.body.upperBound, cue.upperBound + 400)
    let here = Shingles.of(context.transcript.text.bytes(in: lo..<hi))
    guard !here.isEmpty else { return nil }
    var best: (Int, Double)?
    for earlier in context.earlier(than: turn) where earlier.speaker == speaker {
      let s = containment(here, in: Shingles.of(context.bodyBytes(earlier)))
      if s >= threshold, best == nil || s > best!.1 { best = (earlier.index, s) }
    }
    return best
  }

  /// How much of `a` is in `b`: the passage around a cue is short, the earlier turn long.
  static func containment(_ a: Set<UInt64>, in b: Set<UInt64>) -> Double {
    guard !a.isEmpty else { return 0 }
    return Double(a.intersection(b).count) / Double(a.count)
  }
}

/// Text with ASCII letters lowercased, searched as bytes so that offsets stay those of the
/// transcript (other scripts are never part of a cue).
struct LoweredText {
  let bytes: [UInt8]

  init(_ bytes: [UInt8]) { self.bytes = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } }

  var string: String { String(decoding: bytes, as: UTF8.self) }

  func contains(_ needle: String) -> Bool { firstIndex(of: needle) != nil }

  /// The offset of the first occurrence of `needle` at or after `start`.
  func firstIndex(of needle: String, from start: Int = 0) -> Int? {
    let n = Array(needle.utf8)
    guard let first = n.first, bytes.count >= n.count else { return nil }
    var i = max(0, start)
    let last = bytes.count - n.count
    while i <= last {
      if bytes[i] == first, bytes[i..<(i + n.count)].elementsEqual(n) { return i }
      i += 1
    }
    return nil
  }
}

import PodiumCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The cross-references inside one transcript: answers, moderators' calls, follow-ups and
/// back-references. Linear in the transcript: each turn looks at a bounded window before it.
public enum WithinDocumentLinker {
  /// How many earlier turns a follow-up or a back-reference looks through.
  public static let window = 40

  /// The links starting in the turns `turns` (all by default).
  public static func links(_ transcript: Transcript, turns: Range<Int>? = nil) -> [CrossReference] {
    let context = LinkContext(transcript)
    var out: [CrossReference] = []
    for turn in transcript.turns[
      (turns ?? transcript.turns.indices).clamped(to: transcript.turns.indices)]
    {
      if let q = turn.replyTo, q < transcript.turns.count {
        out.append(
          context.reference(.answers, from: turn, to: q, score: 1, note: answerNote(q, context)))
      }
      switch turn.kind {
      case .moderation:
        if let call = CallFinder.call(from: turn, context) { out.append(call) }
      case .question:
        if let follow = FollowUpFinder.followUp(of: turn, context) { out.append(follow) }
      case .answer, .statement:
        if let call = CallFinder.principalCall(from: turn, context) { out.append(call) }
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
  func offset(of cue: Needle, in lowered: LoweredText, turn: Turn) -> Int? {
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
  static let cues: [Needle] = [
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

  /// Said by whoever answers, these give the floor ("Final question.", "Your second
  /// question.", "then we come back to you").
  static let principalCues: [Needle] = [
    "final question", "last question", "your second question", "come back to you",
    "ask the second question", "next question", "go ahead",
  ]

  /// An official handing the floor on: the question right after the turn.
  static func principalCall(from turn: Turn, _ context: LinkContext) -> CrossReference? {
    let next = turn.index + 1
    guard next < context.turns.count, context.turns[next].kind == .question,
      context.speakers[turn.speaker]?.kind != .journalist
    else { return nil }
    let text = context.lowered(turn)
    for cue in principalCues {
      guard let at = text.firstIndex(of: cue) else { continue }
      // "On your second question, …" answers it; it gives no floor.
      if at >= 3, text.bytes[(at - 3)..<at].elementsEqual("on ".utf8) { continue }
      let from = (turn.body.lowerBound + at)..<(turn.body.lowerBound + at + cue.count)
      return context.reference(
        .callsOn, from: from, to: next, score: 0.6,
        note: "gives the floor to \(context.speakerName(of: next))")
    }
    return nil
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
    guard OrganisationAliases.canonical(outlet) != nil else { return false }
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
  static let ownCues: [Needle] = ["my second question", "second question", "my other question"]
  static let cues: [Needle] = [
    "following up", "follow up", "follow-up", "followup", "to follow on", "following on",
    "further to", "also a question about",
  ]

  /// The same journalist's questions of this exchange, nearest first: back over answers to
  /// them until someone else asks or a moderator speaks.
  static func ownExchange(before turn: Turn, _ context: LinkContext) -> [Turn] {
    var out: [Turn] = []
    for earlier in context.earlier(than: turn) {
      if earlier.kind == .moderation { break }
      if earlier.kind == .question {
        guard earlier.speaker == turn.speaker else { break }
        out.append(earlier)
      }
    }
    return out
  }

  static func followUp(of turn: Turn, _ context: LinkContext) -> CrossReference? {
    let text = context.lowered(turn)
    let ownCue = ownCues.first(where: { text.contains($0) })
    let exchange = ownExchange(before: turn, context)
    // "My second question": the first question of this exchange.
    if let ownCue, let first = exchange.last {
      return context.reference(
        .followsUp, from: cueRange(ownCue, text, turn, context), to: first.index, score: 1,
        note: "\(context.speakerName(of: turn.index))'s earlier question")
    }
    guard let cue = cues.first(where: { text.contains($0) }) else {
      // The same journalist again, right after the answer: a follow-up without the word.
      guard let previous = exchange.first else { return nil }
      return context.reference(
        .followsUp, from: turn, to: previous.index, score: 0.8,
        note: "\(context.speakerName(of: turn.index)) follows up on their question")
    }
    let earlierQuestions = context.earlier(than: turn).filter { $0.kind == .question }
    guard !earlierQuestions.isEmpty else { return nil }
    // The most similar earlier question; a colleague's when the cue says so.
    let others =
      text.contains("colleague")
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

  static func cueRange(_ cue: Needle, _ text: LoweredText, _ turn: Turn, _ context: LinkContext)
    -> Range<Int>
  {
    guard let at = context.offset(of: cue, in: text, turn: turn) else { return turn.body }
    return at..<(at + cue.count)
  }
}

/// "As I said before" → the earlier turn of that speaker most like what follows the cue.
enum BackReferenceFinder {
  static let cues: [Needle] = [
    "as i said", "as i've said", "as i have said", "i said before", "i said it before",
    "i said earlier", "as i mentioned", "i mentioned this", "i mentioned that",
    "i mentioned it", "mentioned before", "mentioned earlier", "i mentioned this number",
    "as i noted", "as i told", "in my introduction", "in my opening", "in my introductory",
    "i've said that", "what i said", "what i've said", "i just spoke about", "elements i mentioned",
    "as i just said",
  ]
  /// Said elsewhere, not earlier in this transcript: "as I said yesterday".
  static let elsewhere: [Needle] = [
    "yesterday", "last week", "last month", "last year", "this morning", "on monday",
    "on tuesday", "on wednesday", "on thursday", "on friday", "in washington", "in my speech",
    "in the past", "many times", "often",
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
      let after = LoweredText(
        Array(text.bytes[(at + length)..<min(text.bytes.count, at + length + 24)]))
      if elsewhere.contains(where: after.contains) { continue }
      guard let (target, score) = mostSimilarEarlier(turn, around: cueRange, in: text, context),
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
        best = (at, cue.count)
      }
    }
    if let best { start = best.0 + best.1 }
    return best
  }

  /// How much of the sentence of the cue and the one after it (what is said again) each
  /// earlier turn of the same speaker holds: the most names the turn.
  private static func mostSimilarEarlier(
    _ turn: Turn, around cue: Range<Int>, in text: LoweredText, _ context: LinkContext
  ) -> (Int, Double)? {
    let start = text.sentenceStart(before: cue.lowerBound - turn.body.lowerBound)
    let end = text.sentenceEnd(
      after: text.sentenceEnd(after: cue.upperBound - turn.body.lowerBound))
    let here = Shingles.of(text.bytes[start..<end])
    guard !here.isEmpty else { return nil }
    var best: (Int, Double)?
    for earlier in context.earlier(than: turn) where earlier.speaker == turn.speaker {
      let theirs = Shingles.of(context.bodyBytes(earlier))
      let s = Double(here.intersection(theirs).count) / Double(here.count)
      if s >= threshold, best == nil || s > best!.1 { best = (earlier.index, s) }
    }
    return best
  }
}

/// Text with ASCII letters lowercased, searched as bytes so that offsets stay those of the
/// transcript (other scripts are never part of a cue).
struct LoweredText {
  let bytes: [UInt8]

  init(_ bytes: [UInt8]) { self.bytes = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } }

  var string: String { String(decoding: bytes, as: UTF8.self) }

  func contains(_ needle: Needle) -> Bool { firstIndex(of: needle) != nil }

  static let stops: Set<UInt8> = [UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "!")]

  /// Just after the end of the sentence before `offset` (0 at the start).
  func sentenceStart(before offset: Int) -> Int {
    var i = min(offset, bytes.count) - 1
    while i >= 0, !Self.stops.contains(bytes[i]) { i -= 1 }
    return i + 1
  }

  /// Just after the end of the sentence at `offset` (the end of the text at most).
  func sentenceEnd(after offset: Int) -> Int {
    var i = max(0, offset)
    while i < bytes.count, !Self.stops.contains(bytes[i]) { i += 1 }
    return min(bytes.count, i + 1)
  }

  /// The offset of the first occurrence of `needle` at or after `start`: memchr jumps to the
  /// needle's least common byte (cue scans run over every turn of a transcript).
  func firstIndex(of needle: Needle, from start: Int = 0) -> Int? {
    let n = needle.bytes, k = needle.rare
    guard !n.isEmpty, bytes.count - max(0, start) >= n.count else { return nil }
    return bytes.withUnsafeBufferPointer { hay -> Int? in
      let base = hay.baseAddress!
      var at = max(0, start) + k
      let last = hay.count - n.count + k
      while at <= last {
        guard let hit = memchr(base + at, Int32(n[k]), last - at + 1) else { return nil }
        let p = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        if memcmp(base + p - k, n, n.count) == 0 { return p - k }
        at = p + 1
      }
      return nil
    }
  }
}

/// A cue phrase, ready to search for: its bytes and the position of its least common byte.
struct Needle: ExpressibleByStringLiteral, Sendable {
  let bytes: [UInt8]
  let rare: Int
  var count: Int { bytes.count }

  init(_ text: String) {
    let bytes = Array(text.utf8)
    // Letters by how often they occur in English, rarest first.
    let order = Array("zqxjkvbpygfwmucldrhsnioate ".utf8)
    let rank = { (b: UInt8) in order.firstIndex(of: b) ?? -1 }
    self.bytes = bytes
    rare = bytes.indices.min { rank(bytes[$0]) < rank(bytes[$1]) } ?? 0
  }

  init(stringLiteral value: String) { self.init(value) }
}

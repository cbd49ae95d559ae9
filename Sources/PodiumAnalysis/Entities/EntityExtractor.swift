import PodiumCore

/// Deterministic, explainable entity extraction from a parsed transcript.
public enum EntityExtractor {
  /// The mentions in the header and the speech (not the speaker labels, nor anything after a
  /// "Transcript continues" cut), in text order, and the acronyms expanded in the text. Linear
  /// in the text.
  public static func extract(_ transcript: Transcript) -> DocumentEntities {
    var scan = EntityScan(transcript)
    var i = 0
    while i < scan.tokens.count { i = scan.step(i) }
    scan.resolvePeople()
    let acronyms = scan.defineAcronyms()
    return DocumentEntities(mentions: scan.mentions.filter { !$0.key.isEmpty }, acronyms: acronyms)
  }
}

/// One extraction: the tokens of header and speech, and a left-to-right scan that recognises at
/// each token a figure, a known phrase (gazetteer, or this document's speakers and outlets), a
/// title and a name, "the Summit in <place>", an acronym or a capitalised name. Names and
/// acronyms are resolved afterwards (EntityResolution.swift).
struct EntityScan {
  typealias Match = (end: Int, phrase: KnownPhrase)
  typealias G = EntityGazetteer
  let transcript: Transcript
  let bytes: [UInt8]
  let tokens: [EntityToken]
  /// Speakers' names and outlets.
  var document = PhraseTrie()
  var speakerSurnames: [UInt64: (name: String, first: UInt64)] = [:]
  var speakerNames: [String: String] = [:]  // slug → name
  var mentions: [EntityMention] = []
  /// Names (`slot` in `mentions`, key still empty) and acronyms, resolved at the end.
  var people: [(slot: Int, first: Int, last: Int, titled: Bool)] = []
  var acronymTokens: [(slot: Int, token: Int)] = []

  init(_ t: Transcript) {
    transcript = t
    bytes = t.text.allBytes
    let stop = min(t.header.truncation?.range.lowerBound ?? .max, bytes.count)
    var regions: [Range<Int>] = []
    for r in [t.header.range] + t.turns.map(\.body) {
      let lo = max(r.lowerBound, regions.last?.upperBound ?? 0)
      if lo < min(r.upperBound, stop) { regions.append(lo..<min(r.upperBound, stop)) }
    }
    tokens = EntityTokenizer.tokens(bytes, regions: regions)
    for s in t.speakers where s.kind != .anonymous && s.kind != .unknown {
      speakerNames[G.slug(s.name)] = s.name
      let phrase = KnownPhrase(
        kind: .person, key: "person:" + G.slug(s.name), name: s.name, reason: "speaker")
      document.add(phrase, spellings: [s.name])
      let words = EntityTokenizer.tokens(s.name)
      if let last = words.last, speakerSurnames[last.hash] == nil {
        speakerSurnames[last.hash] = (s.name, words[0].hash)
      }
      for org in [s.affiliation, s.organization].compactMap({ $0 }) {
        let phrase = KnownPhrase(
          kind: .organisation, key: "organisation:" + OrganisationAliases.key(org),
          name: OrganisationAliases.canonical(org) ?? org,
          reason: "\(s.kind == .journalist ? "outlet" : "organisation") of speaker \(s.name)",
          loose: true)
        // "NTV" of "NTV Turkey" (the gazetteer wins a tie: "BBC" of "BBC Russian Service").
        let w = EntityTokenizer.tokens(org)
        let short = w.count > 1 && w[0].shape == .upper ? [String(org.utf8.prefix(w[0].end))!] : []
        document.add(phrase, spellings: [org] + short)
      }
    }
  }

  /// Recognises what starts at token `i`; returns the next token to look at.
  mutating func step(_ i: Int) -> Int {
    let t = tokens[i]
    if FigureReader.mayStart(t), let f = FigureReader.read(tokens, bytes, at: i) {
      return add(.figure, f.key, f.name, i, f.end, "amount with its unit")
    }
    guard t.kind == .word else { return i + 1 }
    if let m = phrase(at: i) {
      if m.phrase.kind == .place, let e = event(after: m) {
        return add(.event, "event:" + G.slug(e.name), e.name, i, e.end, "place + event noun")
      }
      return add(m.phrase.kind, m.phrase.key, m.phrase.name, i, m.end, reason(m, i))
    }
    if t.isCapitalised, let title = G.titleTrie.longest(tokens, at: i),
      let next = titled(i, title.end)
    {
      return next
    }
    if let e = eventBeforePlace(i) {
      return add(.event, "event:" + G.slug(e.name), e.name, i, e.end, "event noun + place")
    }
    if t.shape == .upper {
      guard isAcronym(i) else { return i + 1 }
      acronymTokens.append((mentions.count, i))
      let s = text(t.start..<t.end)
      return add(.acronym, "acronym:" + G.slug(s), s, i, i, "all-caps acronym")
    }
    guard let run = nameRun(from: i) else { return i + 1 }
    people.append((mentions.count, run.first, run.last, false))
    return add(.person, "", "", i, run.last, "")
  }

  /// Appends a mention of tokens `first...last`; returns the token after it.
  mutating func add(
    _ kind: EntityKind, _ key: String, _ name: String, _ first: Int, _ last: Int, _ why: String
  ) -> Int {
    let range = tokens[first].start..<tokens[last].end
    mentions.append(EntityMention(kind: kind, key: key, name: name, range: range, reason: why))
    return last + 1
  }

  func text(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self) }

  /// The longest known phrase at `i`, the gazetteer's on a tie.
  func phrase(at i: Int) -> Match? {
    let a = G.trie.longest(tokens, at: i) { accepts($0, i, $1) }
    let b = document.longest(tokens, at: i) { accepts($0, i, $1) }
    if let b, b.end > (a?.end ?? -1) { return b }
    return a
  }

  /// A phrase counts when it starts with a capitalised word (after "the"), or, for a speaker's
  /// outlet as said, has one at either end.
  func accepts(_ p: KnownPhrase, _ i: Int, _ end: Int) -> Bool {
    if p.loose { return tokens[i].isCapitalised || tokens[end].isCapitalised }
    return tokens[end > i && G.smallWords.contains(tokens[i].hash) ? i + 1 : i].isCapitalised
  }

  func reason(_ m: Match, _ i: Int) -> String {
    guard m.phrase.reason == "gazetteer" else { return m.phrase.reason }
    let said = OrganisationAliases.normalise(text(tokens[i].start..<tokens[m.end].end))
    return said == OrganisationAliases.normalise(m.phrase.name)
      ? "gazetteer" : "gazetteer alias of \(m.phrase.name)"
  }

  /// A title and the name after it: "Secretary Hegseth", "Mr. Rutte", "Vice President Vance".
  mutating func titled(_ i: Int, _ titleEnd: Int) -> Int? {
    var j = titleEnd + 1
    if j < tokens.count, tokens[j].gap == .space, tokens[j].isCapitalised,
      let more = G.titleTrie.longest(tokens, at: j)
    {
      j = more.end + 1  // "Mr. Secretary General …"
    }
    guard j < tokens.count, tokens[j].gap == .space else { return nil }
    if let m = phrase(at: j) {
      guard m.phrase.kind == .person else { return nil }
      return add(.person, m.phrase.key, m.phrase.name, i, m.end, "title + name of a speaker")
    }
    guard let run = nameRun(from: j, afterTitle: true) else { return nil }
    people.append((mentions.count, run.first, run.last, true))
    return add(.person, "", "", i, run.last, "")
  }

  func isNameWord(_ t: EntityToken) -> Bool {
    t.kind == .word && t.shape == .capitalised && t.end - t.start >= 2
      && !G.stopwords.contains(t.hash) && !G.notNames.contains(t.hash)
  }

  /// Up to four capitalised name words from `j` ("Pete Hegseth", "Jean-Claude Juncker"), with
  /// particles inside ("Ursula von der Leyen"), stopping before a known phrase.
  func nameRun(from j: Int, afterTitle: Bool = false) -> (first: Int, last: Int)? {
    var (k, first, last, count) = (j, nil as Int?, j, 0)
    while k < tokens.count, count < 4, k == j || tokens[k].joined {
      if isNameWord(tokens[k]), k == j || phrase(at: k) == nil {
        (first, last, count, k) = (first ?? k, k, count + 1, k + 1)
        continue
      }
      var q = k
      while q < min(k + 3, tokens.count), q == j || tokens[q].joined,
        tokens[q].shape == .lower, G.particles.contains(tokens[q].hash)
      {
        q += 1
      }
      guard q > k, first != nil || afterTitle, q < tokens.count, tokens[q].joined,
        isNameWord(tokens[q])
      else { break }
      k = q
    }
    return first.map { ($0, last) }
  }

  /// "The Hague Summit", "Munich Security Conference", "the Washington summit": a place, up to
  /// two capitalised words, an event noun.
  func event(after m: Match) -> (end: Int, name: String)? {
    var (k, middle, words) = (m.end + 1, "", 0)
    while k < tokens.count, tokens[k].gap == .space, tokens[k].kind == .word {
      let t = tokens[k]
      if let noun = G.eventNouns[t.hash],
        t.shape == .capitalised || (words == 0 && G.lowercaseEventNouns.contains(t.hash))
      {
        return (k, m.phrase.name + middle + " " + noun)
      }
      guard words < 2, t.shape == .capitalised, !G.stopwords.contains(t.hash) else { return nil }
      (middle, words, k) = (middle + " " + text(t.start..<t.end), words + 1, k + 1)
    }
    return nil
  }

  /// "Summit in The Hague" → The Hague Summit.
  func eventBeforePlace(_ i: Int) -> (end: Int, name: String)? {
    guard tokens[i].shape == .capitalised, G.eventNounsBeforePlace.contains(tokens[i].hash),
      i + 2 < tokens.count, tokens[i + 1].gap == .space, tokens[i + 2].gap == .space,
      Self.inAt.contains(tokens[i + 1].hash),
      let p = G.trie.longest(
        tokens, at: i + 2, accept: { $0.kind == .place && accepts($0, i + 2, $1) })
    else { return nil }
    return (p.end, p.phrase.name + " " + G.eventNouns[tokens[i].hash]!)
  }
  static let inAt = G.words("in at")

  /// An all-caps word of 2–6 characters that is not a month or a numeral, nor shouting (only
  /// all-caps words next to it).
  func isAcronym(_ i: Int) -> Bool {
    guard tokens[i].end - tokens[i].start <= 6, !G.notAcronyms.contains(tokens[i].hash) else {
      return false
    }
    let neighbours = [i - 1, i + 1].filter {
      $0 >= 0 && $0 < tokens.count && tokens[max($0, i)].joined && tokens[$0].kind == .word
    }
    return neighbours.isEmpty || neighbours.contains { tokens[$0].shape != .upper }
  }
}

/// After the scan: names resolved to the full names of the same document, acronyms to the
/// phrases next to them.
extension EntityScan {
  /// Full names first (they name the surnames), then surnames: a speaker's, a full name's in
  /// this document, a well-known person's, else the surname itself when a title backs it.
  mutating func resolvePeople() {
    var full: [UInt64: (name: String, line: Int)] = [:]
    var variants: [Int: String] = [:]  // "Raf Sanches" → "Raf Sanchez"
    for f in transcript.findings where f.kind == .spellingVariant {
      variants[f.range.lowerBound] = f.suggestion
    }
    for p in people where p.last > p.first {
      let r = tokens[p.first].start..<tokens[p.last].end
      let (first, surname) = (tokens[p.first].hash, tokens[p.last].hash)
      let why = p.titled ? "title + name" : "capitalised name"
      if let v = variants[r.lowerBound], let n = speakerNames[G.slug(v)] {
        name(p.slot, n, "spelling variant of speaker \(n)")
      } else if let s = speakerSurnames[surname], s.first == first {
        name(p.slot, s.name, "name of speaker \(s.name)")
      } else if let k = G.knownSurnames[surname], k.first == first {
        name(p.slot, k.name, why + " (gazetteer)")
      } else {
        name(p.slot, text(r), why)
      }
      let line = transcript.text.line(containing: r.lowerBound) + 1
      full[surname] = full[surname] ?? (mentions[p.slot].name, line)
    }
    let titled = Set(
      people.filter { $0.titled && $0.first == $0.last }.map { tokens[$0.first].hash })
    for p in people where p.first == p.last {
      let (h, tag) = (tokens[p.first].hash, p.titled ? "title + surname" : "surname")
      if let s = speakerSurnames[h] {
        name(p.slot, s.name, "\(tag) of speaker \(s.name)")
      } else if let f = full[h] {
        name(p.slot, f.name, "\(tag) of \(f.name) (line \(f.line))")
      } else if let k = G.knownSurnames[h] {
        name(p.slot, k.name, "\(tag) of \(k.name) (gazetteer)")
      } else if titled.contains(h) {
        let s = text(tokens[p.first].start..<tokens[p.first].end)
        name(p.slot, s, p.titled ? tag : "surname, titled elsewhere")
      }
    }
  }

  mutating func name(_ slot: Int, _ name: String, _ why: String) {
    (mentions[slot].key, mentions[slot].name) = ("person:" + G.slug(name), name)
    mentions[slot].reason = why
  }

  /// The first expansion of each acronym (tried at its first 16 occurrences); every mention of
  /// the acronym says what it stands for.
  mutating func defineAcronyms() -> [AcronymDefinition] {
    var out: [AcronymDefinition] = []
    var expansions: [UInt64: String] = [:]
    var tries: [UInt64: Int] = [:]
    for (_, a) in acronymTokens where expansions[tokens[a].hash] == nil {
      tries[tokens[a].hash, default: 0] += 1
      guard tries[tokens[a].hash]! <= 16, let d = define(a) else { continue }
      expansions[tokens[a].hash] = d.expansion
      out.append(d)
    }
    for (slot, a) in acronymTokens {
      if let e = expansions[tokens[a].hash] { mentions[slot].reason = "acronym of \(e)" }
    }
    return out
  }

  /// The nearest capitalised phrase within 300 bytes whose initials (or word prefixes: MARCOM =
  /// Maritime Command) spell the acronym's letters; a trailing digit must be said near the
  /// phrase (IP4 = "four partners in the Indo Pacific", within 1000 bytes).
  func define(_ a: Int) -> AcronymDefinition? {
    let t = tokens[a]
    let letters = bytes[t.start..<t.end].filter(EntityTokenizer.isASCIILetter).map { $0 | 0x20 }
    let digits = Array(bytes[t.start..<t.end].filter(EntityTokenizer.isDigit))
    guard letters.count >= 2 else { return nil }
    let window = digits.isEmpty ? 300 : 1000
    var best: (first: Int, last: Int, distance: Int)?
    var k = max(a - window / 2, 0)
    while k < min(a + window / 2, tokens.count) {
      defer { k += 1 }
      guard abs(tokens[k].start - t.start) <= window,
        var (lo, hi) = initials(k, letters[...], a: a, words: 1).map({ (k, $0) })
      else { continue }
      if !digits.isEmpty {
        guard let q = number(near: lo, hi, digits) else { continue }
        (lo, hi) = (min(lo, q), max(hi, q))
      }
      let d = lo > a ? tokens[lo].start - t.end : t.start - tokens[hi].end
      if hi < a || lo > a, d < best?.distance ?? .max { best = (lo, hi, d) }
    }
    guard let b = best else { return nil }
    let r = tokens[b.first].start..<tokens[b.last].end
    return AcronymDefinition(
      acronym: text(t.start..<t.end), expansion: text(r), acronymRange: t.start..<t.end,
      expansionRange: r)
  }

  /// The last token of a phrase from `k` spelling `letters`, each capitalised word giving a
  /// prefix of itself, small lowercase words skipped; at least two words.
  func initials(_ k: Int, _ letters: ArraySlice<UInt8>, a: Int, words: Int) -> Int? {
    let t = tokens[k]
    guard k != a, t.kind == .word, t.isCapitalised, !G.stopwords.contains(t.hash) else {
      return nil
    }
    var m = 0
    while m < letters.count, t.start + m < t.end,
      bytes[t.start + m] | 0x20 == letters[letters.startIndex + m]
    {
      m += 1
      if m == letters.count { return words >= 2 ? k : nil }
      var q = k + 1
      while q < tokens.count, tokens[q].joined, tokens[q].shape == .lower,
        G.smallWords.contains(tokens[q].hash)
      {
        q += 1
      }
      if q < tokens.count, tokens[q].joined,
        let e = initials(q, letters.dropFirst(m), a: a, words: words + 1)
      {
        return e
      }
    }
    return nil
  }

  /// A token within six of the phrase `lo...hi` that says the number `digits` ("4", "four").
  func number(near lo: Int, _ hi: Int, _ digits: [UInt8]) -> Int? {
    let value = Int(String(decoding: digits, as: UTF8.self)) ?? -1
    var said: Set<UInt64> = [EntityTokenizer.fnv(digits)]
    for (h, v) in FigureReader.numberWords where v == value { said.insert(h) }
    for d in 1...6 {
      if lo - d >= 0, said.contains(tokens[lo - d].hash) { return lo - d }
      if hi + d < tokens.count, said.contains(tokens[hi + d].hash) { return hi + d }
    }
    return nil
  }
}

/// What a careful reader flags in one turn: a name or outlet spelled differently from its
/// label, `[inaudible]`, a turn cut off with a dash, a label that resolves to nobody.
/// Findings of a turn lie inside the turn's span, so an edit can redo them turn by turn.
struct FindingsDetector {
  let p: UnsafeBufferPointer<UInt8>
  let base: Int
  let speakers: [Speaker]
  let unresolved: Set<String>
  private let byID: [String: Int]
  private let cache: LabelCache

  init(
    p: UnsafeBufferPointer<UInt8>, base: Int, speakers: [Speaker], unresolved: Set<String>,
    cache: LabelCache = LabelCache()
  ) {
    self.p = p
    self.cache = cache
    self.base = base
    self.speakers = speakers
    self.unresolved = unresolved
    var map: [String: Int] = [:]
    for (i, s) in speakers.enumerated() { map[s.id] = i }
    byID = map
  }

  /// Bytes of `range` as text (absolute offsets, within the buffer).
  private func text(_ r: Range<Int>) -> String {
    Bytes.string(p, r.lowerBound - base, r.upperBound - base)
  }

  /// Findings of turn `n`; `anatomy(k)` gives the parsed label of turn `k` when known.
  func findings(
    for n: Int, in turns: [Turn], anatomy: (Int) -> LabelAnatomy? = { _ in nil },
    into out: inout [Finding]
  ) {
    let turn = turns[n]
    if let label = turn.label, !unresolved.isEmpty, let lc = labelText(label),
      unresolved.contains(Words.key(lc))
    {
      out.append(
        Finding(
          kind: .unresolvedLabel, range: label,
          message: "The label “\(lc)” does not name anyone known in this transcript"))
    }
    let body = turn.body
    guard body.lowerBound < body.upperBound else { return }
    var variants: [Finding] = []
    if let kind = speakerKind(turn.speaker) {
      if kind == .journalist, let label = turn.label {
        // A self-introduction: "Artoim Bsedin, Ekho." under the label "Artiom Besedin, Ekho".
        variants += spellingVariants(
          in: body.lowerBound..<min(body.upperBound, body.lowerBound + 300), label: label,
          anatomy: anatomy(n))
      } else if kind == .moderator, n + 1 < turns.count, let next = turns[n + 1].label,
        speakerKind(turns[n + 1].speaker) == .journalist
      {
        // A moderator's call: "Frankfurter Algemeiner Zeitung" for the next questioner.
        variants += spellingVariants(
          in: body.lowerBound..<min(body.upperBound, body.lowerBound + 400), label: next,
          anatomy: anatomy(n + 1))
      }
    }
    var marks: [Finding] = []
    inaudible(in: body, into: &marks)
    var all = variants + marks
    all.sort { $0.range.lowerBound < $1.range.lowerBound }
    out += all
    if let cut = cutOff(body) {
      out.append(
        Finding(kind: .cutOff, range: cut, message: "The turn is cut off before its end"))
    }
  }

  private func speakerKind(_ id: String) -> SpeakerKind? { byID[id].map { speakers[$0].kind } }

  private func labelText(_ r: Range<Int>) -> String? {
    let raw = text(r)
    var t = LineClassifier.stripMarkdown(LineClassifier.stripDecoration(raw))
    while let l = t.last, l == ":" || l == "*" || l == "." || l == " " { t.removeLast() }
    return t
  }

  // MARK: Spelling variants

  private struct Word {
    var range: Range<Int>
    /// Starts with an ASCII capital, or with a non-ASCII letter (checked when compared).
    var maybeCapitalised: Bool
  }

  private func words(in r: Range<Int>) -> [Word] {
    var out: [Word] = []
    let s = r.lowerBound - base
    let e = r.upperBound - base
    out.reserveCapacity((e - s) / 4)
    var i = s
    while i < e {
      // A word: letters (any script), hyphens, apostrophes.
      let start = i
      while i < e {
        let b = p[i]
        if Bytes.isAlpha(b) || b == 0x2D || b == 0x27 || b >= 0x80 && !isPunctuationLead(i, e) {
          i += 1
        } else {
          break
        }
      }
      if i > start {
        let b = p[start]
        out.append(
          Word(range: (start + base)..<(i + base), maybeCapitalised: Bytes.isUpper(b) || b >= 0x80))
      } else {
        i += 1
      }
    }
    return out
  }

  private func wordText(_ w: Word) -> String {
    Bytes.string(p, w.range.lowerBound - base, w.range.upperBound - base)
  }

  /// Multi-byte punctuation (– — “ ” ’ …, NBSP) ends a word.
  private func isPunctuationLead(_ i: Int, _ e: Int) -> Bool {
    let b = p[i]
    if b == 0xE2 && i + 1 < e && p[i + 1] == 0x80 { return true }
    if b == 0xC2 && i + 1 < e && p[i + 1] == 0xA0 { return true }
    return false
  }

  private func spellingVariants(
    in region: Range<Int>, label: Range<Int>, anatomy known: LabelAnatomy?
  ) -> [Finding] {
    let parsed: LabelAnatomy?
    if let known {
      parsed = known
    } else {
      let raw = text(label)
      parsed =
        cache.lookup(.finding, raw) {
          let lt = labelText(label) ?? ""
          return LabelCache.Entry(text: lt, anatomy: labelAnatomy(lt), flag: false)
        }.anatomy
    }
    guard let a = parsed, a.nameWordCount >= 2 || a.outlet != nil else { return [] }
    let targets = cache.targets(name: a.name, outlet: a.outlet) {
      var out: [LabelCache.Target] = []
      if let name = a.name, a.nameWordCount >= 2 {
        let words = Words.tokens(name).map(String.init).filter {
          !Vocabulary.honorifics.contains(LabelAnatomy.bare($0))
        }
        out.append(
          LabelCache.Target(words: words, suggestion: words.joined(separator: " "), isOutlet: false)
        )
      }
      if let outlet = a.outlet {
        let words = Words.tokens(outlet).map(String.init)
        if words.count >= 2 {
          out.append(LabelCache.Target(words: words, suggestion: outlet, isOutlet: true))
        }
      }
      return out
    }
    if targets.isEmpty { return [] }
    var out: [Finding] = []
    let ws = words(in: region)
    for t in targets {
      out += match(
        t, in: ws, kind: t.isOutlet ? .outletVariant : .spellingVariant,
        suggestion: t.suggestion, label: label, what: t.isOutlet ? "outlet" : "name")
    }
    return out
  }

  private func labelAnatomy(_ text: String) -> LabelAnatomy? {
    var t = text
    if let paren = t.firstIndex(of: "("), t.hasSuffix(")") {
      // "Iryna Somer (Interfax Ukraine)": the bracket is the outlet.
      return LabelAnatomy.parse(t) ?? LabelAnatomy.parse(String(t[..<paren]))
    }
    if let colon = t.firstIndex(of: ":") { t = String(t[..<colon]) }
    return LabelAnatomy.parse(t)
  }

  private func match(
    _ tg: LabelCache.Target, in ws: [Word], kind: FindingKind, suggestion: String,
    label: Range<Int>, what: String
  ) -> [Finding] {
    let target = tg.words
    let n = target.count
    guard n >= 2, ws.count >= n else { return [] }
    let lowered = tg.lowered
    let particle = tg.particle
    let firstByte = tg.firstByte
    let lengths = tg.lengths
    let asciiLowered = tg.asciiLowered
    var out: [Finding] = []
    var k = 0
    while k + n <= ws.count {
      var total = 0
      var ok = true
      for m in 0..<n {
        let w = ws[k + m]
        // Cheap rejections on bytes before any string work.
        let first = Bytes.lowerASCII(p[w.range.lowerBound - base])
        if firstByte[m] < 0x80 && first != firstByte[m] || abs(w.range.count - lengths[m]) > 3 {
          ok = false
          break
        }
        if !particle[m] && !w.maybeCapitalised {
          ok = false
          break
        }
        if !particle[m], let tb = asciiLowered[m], let d = asciiDistance(w, tb) {
          // The same test on bytes for ASCII words (no strings made).
          let longest = max(w.range.count, tb.count)
          let allowed = longest <= 3 ? 0 : longest <= 5 ? 1 : longest <= 8 ? 2 : 3
          if d > allowed || (d > 0 && longest <= 4) {
            ok = false
            break
          }
          total += d
          continue
        }
        let wt = wordText(w)
        if particle[m] {
          if wt.lowercased() != lowered[m] { ok = false }
          continue
        }
        let t = target[m]
        guard LabelAnatomy.isCapitalised(wt), let wf = wt.first,
          let tf = t.first, wf.lowercased() == tf.lowercased()
        else {
          ok = false
          break
        }
        let d = Words.editDistance(wt, t, limit: 3)
        let longest = max(wt.count, t.count)
        let allowed = longest <= 3 ? 0 : longest <= 5 ? 1 : longest <= 8 ? 2 : 3
        if d > allowed || (d > 0 && longest <= 4) {
          ok = false
          break
        }
        total += d
      }
      if ok && total > 0 {
        let range = ws[k].range.lowerBound..<ws[k + n - 1].range.upperBound
        let found = text(range)
        out.append(
          Finding(
            kind: kind, range: range,
            message: "“\(found)” is spelled “\(suggestion)” in the label (\(what))",
            related: label, suggestion: suggestion))
        k += n
      } else {
        k += 1
      }
    }
    return out
  }

  /// For a word of ASCII letters (and hyphens, apostrophes) that starts with a capital: its
  /// edit distance, lowercased, to `target` (lowercase ASCII). Nil when the word is not one.
  private func asciiDistance(_ w: Word, _ target: [UInt8]) -> Int? {
    let s = w.range.lowerBound - base
    let e = w.range.upperBound - base
    guard Bytes.isUpper(p[s]) else { return nil }
    let n = e - s
    guard n <= 64, target.count <= 64 else { return nil }
    var x = [UInt8](repeating: 0, count: n)
    for k in 0..<n {
      let b = p[s + k]
      if b >= 0x80 { return nil }
      x[k] = Bytes.lowerASCII(b)
    }
    return Words.editDistance(bytes: x, target)
  }

  // MARK: Marks in the text

  private func inaudible(in body: Range<Int>, into out: inout [Finding]) {
    let s = body.lowerBound - base
    let e = body.upperBound - base
    var i = s
    while i < e {
      i = Bytes.nextBracket(p, i, e)
      if i >= e { break }
      let b = p[i]
      if b == 0x5B || b == 0x28 {
        let close: UInt8 = b == 0x5B ? 0x5D : 0x29
        if Bytes.hasPrefix(p, i + 1, e, "inaudible")
          || Bytes.hasPrefix(p, i + 1, e, "unintelligible")
          || Bytes.hasPrefix(p, i + 1, e, "indiscernible")
          || Bytes.hasPrefix(p, i + 1, e, "crosstalk")
        {
          var j = i + 1
          while j < e && j < i + 80 && p[j] != close { j += 1 }
          let end = j < e && p[j] == close ? j + 1 : j
          out.append(
            Finding(
              kind: .inaudible, range: (i + base)..<(end + base),
              message: "Part of the speech is marked as inaudible"))
          i = end
          continue
        }
      }
      i += 1
    }
  }

  /// A body ending in a dash: `And secondly –`.
  private func cutOff(_ body: Range<Int>) -> Range<Int>? {
    let s = body.lowerBound - base
    let e = Bytes.trimEnd(p, s, body.upperBound - base)
    guard e > s else { return nil }
    var dashStart = -1
    if e - 3 >= s && p[e - 3] == 0xE2 && p[e - 2] == 0x80 && (p[e - 1] == 0x93 || p[e - 1] == 0x94)
    {
      dashStart = e - 3
    } else if p[e - 1] == 0x2D {
      dashStart = e - 1
      if dashStart - 1 >= s && p[dashStart - 1] == 0x2D { dashStart -= 1 }
      // A hyphen right after a letter ("Indo-") is a word, not a cut.
      if dashStart - 1 >= s && !Bytes.isSpace(p[dashStart - 1]) { return nil }
    }
    guard dashStart >= 0 else { return nil }
    return (dashStart + base)..<(e + base)
  }
}

/// How strongly the shape of a line says "speaker label".
enum LabelStrength: UInt8, Sendable, Equatable {
  /// A label on its own evidence (`Name, Outlet`, `Office Name:`, `MR. KIRBY:`, `Question`).
  case strong
  /// A label only if the document confirms it (`Jonathan Beale` after `Jonathan Beale, BBC`,
  /// or the same bare label seen twice).
  case weak
}

/// A line (or line prefix) that may be a speaker label.
struct LabelCandidate: Sendable, Equatable {
  /// The label's bytes (absolute offsets): the whole label line or the inline prefix.
  var range: Range<Int>
  /// Where the speech starts on the same line (inline labels), nil for a label line.
  var bodyStart: Int?
  /// The label text without decoration, colon, markdown or timestamp.
  var text: String
  var anatomy: LabelAnatomy
  var strength: LabelStrength
}

/// Lines that are neither speech nor labels.
enum NonSpeech: String, Sendable, Equatable {
  case cueNumber = "cue"
  case cueTiming = "timing"
  case separator
  case boilerplate
  /// `(COMMERCIAL BREAK)`, `[APPLAUSE]`: a capitalised stage direction on its own line.
  case stageDirection = "stage-direction"
}

/// What one line is, judged from its shape and its neighbours only.
enum LineClass: Sendable, Equatable {
  case blank
  case text
  case nonSpeech(NonSpeech)
  /// A bare timestamp line (`(00:41)`): the same speaker goes on.
  case continuation
  /// A live-caption speaker change (`>>`), with the label that may follow it.
  case caption(LabelCandidate?)
  case label(LabelCandidate)
  /// `Transcript continues: URL`: the speech stops here.
  case truncation(url: String?)

  var isBlank: Bool { if case .blank = self { return true } else { return false } }
}

/// Classifies lines one at a time; `lines` holds absolute offsets, `p` is based at `base`.
struct LineClassifier {
  let p: UnsafeBufferPointer<UInt8>
  let lines: [LineRecord]
  let base: Int
  let cache: LabelCache

  init(
    p: UnsafeBufferPointer<UInt8>, lines: [LineRecord], base: Int, cache: LabelCache = LabelCache()
  ) {
    self.p = p
    self.lines = lines
    self.base = base
    self.cache = cache
  }

  @inline(__always) private func bounds(_ i: Int) -> (Int, Int) {
    let l = lines[i]
    let s = Bytes.skipSpace(p, l.start - base, l.end - base)
    return (s, Bytes.trimEnd(p, s, l.end - base))
  }

  func isBlank(_ i: Int) -> Bool {
    let (s, e) = bounds(i)
    return s >= e
  }

  func classify(_ i: Int) -> LineClass {
    let (s, e) = bounds(i)
    if s >= e { return .blank }
    let first = p[s]
    // Plain prose starts with a lowercase letter, a quote or a dash: nothing to look at.
    if Bytes.isLower(first) {
      return .text
    }
    if first == 0x2D && e - s > 1 && (p[s + 1] == 0x20 || p[s + 1] == 0x09) { return .text }
    if e - s >= 3 && first == 0x3E && p[s + 1] == 0x3E {  // ">>"
      let r = Bytes.skipSpace(p, s + 2, e)
      return .caption(r < e ? colonLabel(r, e, allowWeak: false) : nil)
    }
    if Bytes.hasPrefix(p, s, e, "transcript continues") {
      return .truncation(url: firstURL(s, e))
    }
    if e - s < 120 && hasArrow(s, e) { return .nonSpeech(.cueTiming) }
    if Bytes.isDigit(first) || first == 0x28 || first == 0x5B {
      if isBareTimestamp(s, e) { return .continuation }
      if first != 0x30 && isStageDirection(s, e) { return .nonSpeech(.stageDirection) }
      if Bytes.isDigit(first) && isCueNumber(s, e, next: i + 1) { return .nonSpeech(.cueNumber) }
    }
    if first == 0x23 && isHashtagLine(s, e) { return .nonSpeech(.boilerplate) }
    if first == 0x45 && e - s <= 32 && isEndMarker(s, e) { return .nonSpeech(.boilerplate) }
    if !Bytes.isAlpha(first) && !Bytes.isDigit(first) && e - s <= 400 && isSeparator(s, e) {
      return .nonSpeech(.separator)
    }
    if e - s < 200 && Bytes.containsURL(p, s, e) && isLinkBoilerplate(s, e) {
      return .nonSpeech(.boilerplate)
    }
    if first == 0x3C && e - s > 3 && p[s + 1] == 0x76 {  // "<v Name>"
      if let c = voiceLabel(s, e) { return .label(c) }
    }
    if let c = qaLabel(s, e, next: i + 1) { return .label(c) }
    if Bytes.isLower(first) { return .text }
    if let c = congressionalLabel(s, e) { return .label(c) }
    if let c = colonLabel(s, e, allowWeak: true) { return .label(c) }
    if e - s <= 110, let c = ownLineLabel(i, s, e) { return .label(c) }
    return .text
  }

  // MARK: Structural lines

  private func hasArrow(_ s: Int, _ e: Int) -> Bool {
    var i = s
    while i + 2 < e {
      if p[i] == 0x2D && p[i + 1] == 0x2D && p[i + 2] == 0x3E { return isDigitNear(s, i) }
      i += 1
    }
    return false
  }

  private func isDigitNear(_ s: Int, _ i: Int) -> Bool {
    var k = i - 1
    while k >= s && Bytes.isSpace(p[k]) { k -= 1 }
    return k >= s && Bytes.isDigit(p[k])
  }

  /// `(00:41)`, `[01:02:03]`, `00:41`, `0:03`.
  private func isBareTimestamp(_ s: Int, _ e: Int) -> Bool {
    var a = s
    var b = e
    if p[a] == 0x28 || p[a] == 0x5B {
      guard b - a >= 3, p[b - 1] == 0x29 || p[b - 1] == 0x5D else { return false }
      a += 1
      b -= 1
    }
    if b - a < 3 || b - a > 12 { return false }
    var colons = 0
    var digits = 0
    for k in a..<b {
      let c = p[k]
      if Bytes.isDigit(c) {
        digits += 1
      } else if c == 0x3A {
        colons += 1
      } else if c != 0x2E && c != 0x2C {
        return false
      }
    }
    return colons >= 1 && digits >= 3 && Bytes.isDigit(p[a]) && Bytes.isDigit(p[b - 1])
  }

  private func isCueNumber(_ s: Int, _ e: Int, next: Int) -> Bool {
    guard e - s <= 7 else { return false }
    for k in s..<e where !Bytes.isDigit(p[k]) { return false }
    guard next < lines.count else { return false }
    let (ns, ne) = bounds(next)
    return ns < ne && hasArrow(ns, ne)
  }

  /// A whole line in brackets, in capitals: `(COMMERCIAL BREAK)`, `[APPLAUSE]`.
  private func isStageDirection(_ s: Int, _ e: Int) -> Bool {
    guard e - s >= 4, e - s <= 60, p[s] == 0x28 || p[s] == 0x5B,
      p[e - 1] == 0x29 || p[e - 1] == 0x5D
    else { return false }
    var letters = 0
    for k in (s + 1)..<(e - 1) {
      let c = p[k]
      if Bytes.isLower(c) || c == 0x28 || c == 0x29 || c == 0x5B || c == 0x5D { return false }
      if Bytes.isUpper(c) { letters += 1 }
    }
    return letters >= 3
  }

  /// `END 2:14 P.M. EDT`, `END`.
  private func isEndMarker(_ s: Int, _ e: Int) -> Bool {
    guard Bytes.hasPrefix(p, s, e, "END"), p[s + 1] == 0x4E, p[s + 2] == 0x44 else {
      return false
    }
    if s + 3 == e { return true }
    guard Bytes.isSpace(p[s + 3]) else { return false }
    var digits = 0
    for k in (s + 3)..<e where Bytes.isDigit(p[k]) { digits += 1 }
    return digits >= 3 || Bytes.string(p, s + 3, e).allSatisfy { !$0.isLowercase }
  }

  private func isHashtagLine(_ s: Int, _ e: Int) -> Bool {
    let text = Bytes.string(p, s, e)
    return Words.tokens(text).allSatisfy { $0.hasPrefix("#") && $0.count > 1 }
  }

  /// A line of symbols only (`▬▬▬`, `***`, `———`, `###`).
  private func isSeparator(_ s: Int, _ e: Int) -> Bool {
    var count = 0
    for scalar in Bytes.string(p, s, e).unicodeScalars {
      if Words.isLetter(scalar) || Words.isDigit(scalar) { return false }
      if !scalar.properties.isWhitespace { count += 1 }
    }
    return count >= 3
  }

  /// `Visit the Official NATO Homepage: https://…`, `SUBSCRIBE to this channel https://…`:
  /// a few words and a link.
  private func isLinkBoilerplate(_ s: Int, _ e: Int) -> Bool {
    let text = Bytes.string(p, s, e)
    let tokens = Words.tokens(text)
    let words = tokens.filter {
      !$0.hasPrefix("http") && !$0.hasPrefix("www.") && !$0.hasPrefix("#")
    }
    return words.count <= 8 && !(text.hasSuffix(".") && words.count > 5)
  }

  private func firstURL(_ s: Int, _ e: Int) -> String? {
    let text = Bytes.string(p, s, e)
    for t in Words.tokens(text) where t.hasPrefix("http") || t.hasPrefix("www.") {
      return String(t)
    }
    return nil
  }

  // MARK: Label layouts

  /// `<v Name>text` (WebVTT voice span).
  private func voiceLabel(_ s: Int, _ e: Int) -> LabelCandidate? {
    var k = s + 2
    while k < e && p[k] != 0x3E { k += 1 }
    guard k < e else { return nil }
    var nameStart = s + 2
    // "<v.loud Name>": skip classes.
    while nameStart < k && p[nameStart] != 0x20 { nameStart += 1 }
    let name = Words.trim(Bytes.string(p, nameStart, k))
    guard !name.isEmpty, let anatomy = LabelAnatomy.parse(name) else { return nil }
    let body = Bytes.skipSpace(p, k + 1, e)
    return LabelCandidate(
      range: (s + base)..<(k + 1 + base), bodyStart: body < e ? body + base : nil, text: name,
      anatomy: anatomy, strength: .strong)
  }

  /// `Q` / `A` alone, or followed by a tab or two spaces (`Q    Karine, …`); `Q.` alone.
  private func qaLabel(_ s: Int, _ e: Int, next: Int) -> LabelCandidate? {
    let c = p[s]
    guard c == 0x51 || c == 0x41 else { return nil }  // Q, A
    var k = s + 1
    var strength = LabelStrength.strong
    if k < e && p[k] == 0x2E { k += 1 }
    if k == e {
      guard c == 0x51, hasSpeechAfter(next) else { return nil }
    } else if c == 0x51 && k + 1 < e && p[k] == 0x20 && Bytes.isUpper(p[k + 1]) {
      // "Q Thank you, John." — no sentence starts with a bare "Q".
    } else if c == 0x41 && k == s + 2 && k + 1 < e && p[k] == 0x20 && Bytes.isUpper(p[k + 1]) {
      // "A. Security first." — but "A. Smith said" starts a sentence too: a label only where
      // the document has more of them.
      strength = .weak
    } else {
      guard p[k] == 0x09 || (k + 1 < e && p[k] == 0x20 && p[k + 1] == 0x20) else { return nil }
    }
    let text = c == 0x51 ? "Q" : "A"
    guard let anatomy = LabelAnatomy.parse(text) else { return nil }
    let body = Bytes.skipSpace(p, k, e)
    return LabelCandidate(
      range: (s + base)..<(k + base), bodyStart: body < e ? body + base : nil, text: text,
      anatomy: anatomy, strength: strength)
  }

  /// Congressional Record: `Mr. BOEHNER. Mr. Speaker, …`, `The SPEAKER pro tempore. The …`.
  private func congressionalLabel(_ s: Int, _ e: Int) -> LabelCandidate? {
    let limit = min(e, s + 90)
    // Find the first ". " (or the end of the line) after an all-caps word.
    var k = s
    var dot = -1
    while k < limit {
      if p[k] == 0x2E && (k + 1 == e || Bytes.isSpace(p[k + 1])) && k > s
        && (Bytes.isUpper(p[k - 1]) && (k - 2 < s || Bytes.isUpper(p[k - 2]))
          || k - 8 >= s && Bytes.hasPrefix(p, k - 8, k, " tempore"))
      {
        dot = k
        break
      }
      k += 1
    }
    guard dot > s else { return nil }
    let head = Bytes.string(p, s, dot)
    let tokens = Words.tokens(head).map(String.init)
    guard tokens.count >= 2 && tokens.count <= 6 else { return nil }
    // "Mr. BOEHNER.", "The SPEAKER pro tempore.", and in hearings "Chairman REED.",
    // "Senator WICKER.", "General CAVOLI.", "Dr. BROWN.".
    let first = LabelAnatomy.bare(tokens[0])
    guard
      first == "the" || ["mr", "mrs", "ms", "miss", "madam", "dr"].contains(first)
        || (Vocabulary.roleWords.contains(first) && LabelAnatomy.isCapitalised(tokens[0]))
    else {
      return nil
    }
    // The surname (or office) is in capitals: "BOEHNER", "SPEAKER", "PRESIDING OFFICER".
    guard tokens[1].unicodeScalars.filter({ Words.isLetter($0) }).count >= 2,
      !tokens[1].unicodeScalars.contains(where: { Words.isLowerScalar($0) })
    else { return nil }
    for t in tokens.dropFirst(2) {
      let b = LabelAnatomy.bare(t)
      let caps = !t.unicodeScalars.contains(where: { Words.isLowerScalar($0) })
      guard caps || ["of", "pro", "tempore"].contains(b) || LabelAnatomy.isCapitalised(t) else {
        return nil
      }
    }
    guard let anatomy = LabelAnatomy.parse(head) else { return nil }
    let body = Bytes.skipSpace(p, dot + 1, e)
    return LabelCandidate(
      range: (s + base)..<(dot + 1 + base), bodyStart: body < e ? body + base : nil, text: head,
      anatomy: anatomy, strength: .strong)
  }

  /// `Name: text`, `Name (Outlet) : text`, `**Name:** text`, `[00:01:23] Name: text`,
  /// `🗣 | NATO Secretary General:`, `MR. KIRBY:`.
  func colonLabel(_ s: Int, _ e: Int, allowWeak: Bool) -> LabelCandidate? {
    let limit = min(e, s + 110)
    var depth = 0
    var colon = -1
    var k = s
    while k < limit {
      let c = p[k]
      if c == 0x28 || c == 0x5B {
        depth += 1
      } else if c == 0x29 || c == 0x5D {
        depth -= 1
      } else if c == 0x3A && depth == 0 {
        if k + 1 < e && p[k + 1] == 0x2F { return nil }  // a URL
        if k > s && Bytes.isDigit(p[k - 1]) && k + 1 < e && Bytes.isDigit(p[k + 1]) {
          k += 1
          continue
        }
        colon = k
        break
      } else if c == 0x3F || c == 0x21 || c == 0x3B || c == 0x22 {
        return nil  // ? ! ; " before any colon: a sentence
      }
      k += 1
    }
    guard colon > s else { return nil }
    var labelStart = s
    // A leading bracketed timestamp: "[00:01:23] Name:".
    if p[s] == 0x5B || p[s] == 0x28 {
      var j = s + 1
      while j < colon && p[j] != 0x5D && p[j] != 0x29 { j += 1 }
      if j < colon && isBareTimestamp(s, j + 1) { labelStart = Bytes.skipSpace(p, j + 1, colon) }
    }
    let raw = Bytes.string(p, labelStart, Bytes.trimEnd(p, labelStart, colon))
    var afterColon = colon + 1
    var markdown = false
    if afterColon + 1 < e && p[afterColon] == 0x2A && p[afterColon + 1] == 0x2A {
      afterColon += 2
      markdown = true
    }
    let entry = cache.lookup(.colon, raw) {
      let decorated = Self.stripDecoration(raw)
      let text = Self.stripTimestamps(Self.stripMarkdown(decorated))
      return LabelCache.Entry(
        text: text, anatomy: text.isEmpty ? nil : LabelAnatomy.parse(text),
        flag: decorated.hasPrefix("**") || decorated.hasPrefix("__"))
    }
    if entry.flag { markdown = true }
    let prefix = entry.text
    guard let anatomy = entry.anatomy else { return nil }
    var body = Bytes.skipSpace(p, afterColon, e)
    if body < e && isBareTimestamp(body, e) { body = e }  // Rev: "Name: (00:41)"
    let strength: LabelStrength
    if anatomy.special != .none || anatomy.hasStrongRole || anatomy.hasOutlet
      || anatomy.hadParenthesis || anatomy.nameWordCount >= 2 || markdown
      || (anatomy.allCaps && anatomy.name != nil && anatomy.nameWordCount >= 1)
      || (anatomy.name == nil && anatomy.role != nil)
    {
      strength = .strong
    } else {
      strength = .weak
    }
    if strength == .weak && !allowWeak { return nil }
    return LabelCandidate(
      range: (s + base)..<(afterColon + base), bodyStart: body < e ? body + base : nil,
      text: prefix, anatomy: anatomy, strength: strength)
  }

  /// `NATO Secretary General Mark Rutte`, `Deborah Haynes, SKY News`, `Olivier Baube (AFP)`,
  /// `Jonathan Beale`, `Speaker 1  00:03` — a whole line, followed by speech.
  private func ownLineLabel(_ i: Int, _ s: Int, _ e: Int) -> LabelCandidate? {
    let last = p[e - 1]
    // Sentence or clause punctuation at the end: prose.
    if last == 0x2E || last == 0x2C || last == 0x3B || last == 0x3F || last == 0x21
      || last == 0x3A || last == 0x22
    {
      return nil
    }
    guard previousLineAllowsLabel(i), hasSpeechAfter(i + 1) else { return nil }
    let entry = cache.lookup(.ownLine, Bytes.string(p, s, e)) {
      var text = Self.stripMarkdown(Self.stripDecoration(Bytes.string(p, s, e)))
      var timestamp = false
      // A trailing timestamp: "Speaker 1  00:03", "Jane Doe 01:02:03".
      if let lastSpace = text.lastIndex(where: { $0 == " " || $0 == "\t" }) {
        let tail = text[text.index(after: lastSpace)...]
        if LabelAnatomy.isTimestamp(tail) {
          text = Words.trim(text[..<lastSpace])
          timestamp = true
        }
      }
      return LabelCache.Entry(
        text: text, anatomy: text.isEmpty ? nil : LabelAnatomy.parse(text), flag: timestamp)
    }
    let text = entry.text
    let timestamp = entry.flag
    guard let anatomy = entry.anatomy else { return nil }
    let strength: LabelStrength
    if anatomy.special != .none {
      strength = .strong
    } else if anatomy.nameWordCount >= 1
      && (anatomy.hasStrongRole || anatomy.hasOutlet || anatomy.hadParenthesis || timestamp)
      && (anatomy.nameWordCount >= 2 || anatomy.hasStrongRole || timestamp)
    {
      strength = .strong
    } else if anatomy.nameWordCount >= 2 && anatomy.nameWordCount <= 4 {
      strength = .weak
    } else if anatomy.name == nil, let role = anatomy.roleKey, !role.contains(" "),
      Vocabulary.moderatorWords.contains(role) || Vocabulary.journalistWords.contains(role)
    {
      strength = .strong  // "Moderator", "Host", "Interviewer" alone on a line
    } else if anatomy.name == nil && anatomy.hasStrongRole {
      strength = .weak
    } else if anatomy.nameWordCount == 1 && anatomy.allCaps {
      strength = .weak
    } else {
      return nil
    }
    return LabelCandidate(
      range: (s + base)..<(e + base), bodyStart: nil, text: text, anatomy: anatomy,
      strength: strength)
  }

  /// A label line comes first in its paragraph: after a blank line, or after a line that
  /// ends a sentence or is cut off.
  private func previousLineAllowsLabel(_ i: Int) -> Bool {
    if i == 0 { return true }
    let (s, e) = bounds(i - 1)
    if s >= e { return true }
    let last = p[e - 1]
    switch last {
    case 0x2E, 0x3F, 0x21, 0x22, 0x29, 0x5D, 0x3A, 0x2D, 0x27: return true  // . ? ! " ) ] : - '
    case 0x80...0xBF:
      // “…” ” ’ – — as the last character.
      if e - 3 >= s && p[e - 3] == 0xE2 && p[e - 2] == 0x80 {
        return [0x93, 0x94, 0x9D, 0x99, 0xA6].contains(last)
      }
      return false
    default:
      return false
    }
  }

  /// Speech follows: the next line, or the one after a single blank line, is not blank.
  private func hasSpeechAfter(_ next: Int) -> Bool {
    guard next < lines.count else { return false }
    if !isBlank(next) { return true }
    return next + 1 < lines.count && !isBlank(next + 1)
  }

  /// Drops leading emoji, symbols and `|` separators: `🗣 | NATO Secretary General`.
  static func stripDecoration(_ text: String) -> String {
    var scalars = Substring(text).unicodeScalars[...]
    var sawDecoration = false
    while let f = scalars.first {
      if f == "|"
        || f.value >= 0x2190 && !Words.isLetter(f) && f != "•" && f != "‘"
          && f != "“"
      {
        sawDecoration = true
        scalars.removeFirst()
      } else if f.properties.isWhitespace || f == "\u{FE0F}" || f == "\u{200D}" {
        scalars.removeFirst()
      } else {
        break
      }
    }
    return sawDecoration ? String(String.UnicodeScalarView(scalars)) : text
  }

  /// "Speaker 1 (00:00:03)" → "Speaker 1".
  static func stripTimestamps(_ text: String) -> String {
    guard text.contains(":") else { return text }
    var out = ""
    var group = ""
    var depth = 0
    for ch in text {
      if ch == "(" || ch == "[" {
        depth += 1
        group.append(ch)
      } else if depth > 0 {
        group.append(ch)
        if ch == ")" || ch == "]" {
          depth -= 1
          if depth == 0 {
            if !LabelAnatomy.isTimestamp(group.dropFirst().dropLast()) { out += group }
            group = ""
          }
        }
      } else {
        out.append(ch)
      }
    }
    return Words.trim(out + group)
  }

  static func stripMarkdown(_ text: String) -> String {
    var t = Substring(text)
    while t.hasPrefix("*") || t.hasPrefix("_") { t = t.dropFirst() }
    while t.hasSuffix("*") || t.hasSuffix("_") { t = t.dropLast() }
    return Words.trim(t)
  }
}

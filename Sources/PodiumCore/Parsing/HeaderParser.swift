/// Reads the block before anyone speaks: title, `by …` line or description, date bullets,
/// `Last updated`, `(As delivered)`, place, source URL. Stops at the first label or speech.
enum HeaderParser {
  struct Result {
    var header: Header
    /// The first line after the header block (blank lines after it included in the body).
    var bodyStartLine: Int
    /// The principal as a label would name them (`NATO Secretary General Mark Rutte`).
    var principal: LabelAnatomy?
    var principalText: String?
  }

  static let maxHeaderLines = 16

  /// After an own-line label at `line`: the end of the block when the lines up to the next blank
  /// line are one to three short facts (every word capitalised or a number: a place, a time,
  /// a date) and a label follows the blank; nil when it looks like speech.
  static func bylineBlockEnd(after line: Int, _ classifier: LineClassifier) -> Int? {
    var k = line + 1
    var facts = 0
    while k < classifier.lines.count, !isBlankLine(k, classifier) {
      let text = lineText(k, classifier)
      let words = text.split(separator: " ")
      guard facts < 3, text.utf8.count <= 48, words.count <= 6,
        words.allSatisfy({ word in
          word.first.map { $0.isUppercase || $0.isNumber } ?? false
            || ["a.m.", "p.m.", "am", "pm", "of", "and"].contains(word.lowercased())
        }),
        case .text = classifier.classify(k)
      else { return nil }
      facts += 1
      k += 1
    }
    guard facts > 0 else { return nil }
    while k < classifier.lines.count, isBlankLine(k, classifier) { k += 1 }
    guard k < classifier.lines.count, case .label = classifier.classify(k) else { return nil }
    return k
  }

  static func lineText(_ line: Int, _ classifier: LineClassifier) -> String {
    let l = classifier.lines[line]
    let s = Bytes.skipSpace(classifier.p, l.start - classifier.base, l.end - classifier.base)
    return Bytes.string(classifier.p, s, Bytes.trimEnd(classifier.p, s, l.end - classifier.base))
  }

  static func isBlankLine(_ line: Int, _ classifier: LineClassifier) -> Bool {
    let l = classifier.lines[line]
    let s = Bytes.skipSpace(classifier.p, l.start - classifier.base, l.end - classifier.base)
    return s >= Bytes.trimEnd(classifier.p, s, l.end - classifier.base)
  }

  static func parse(_ classifier: LineClassifier) -> Result {
    let p = classifier.p
    let lines = classifier.lines
    var header = Header()
    var principal: LabelAnatomy?
    var principalText: String?
    var lastHeaderLine = -1
    var nonBlank = 0
    var texts: [String] = []
    var i = 0
    scan: while i < lines.count && nonBlank < maxHeaderLines {
      let line = lines[i]
      let s = Bytes.skipSpace(p, line.start - classifier.base, line.end - classifier.base)
      let e = Bytes.trimEnd(p, s, line.end - classifier.base)
      if s >= e {
        i += 1
        continue
      }
      switch classifier.classify(i) {
      case .text, .nonSpeech(.separator), .nonSpeech(.boilerplate): break
      case .label(let c) where c.strength == .weak && c.bodyStart == nil && nonBlank == 0: break
      case .label(let c) where nonBlank > 0 && c.bodyStart == nil:
        // A briefer's byline under the title ("Matthew Miller, Department Spokesperson" over
        // "Washington, D.C." and "2:17 p.m. EST"), not a turn: only facts follow it.
        guard let end = bylineBlockEnd(after: i, classifier), c.anatomy.name != nil else {
          break scan
        }
        if principal == nil {
          principal = c.anatomy
          principalText = c.text
        }
        for k in i..<end where !isBlankLine(k, classifier) {
          let fact = lineText(k, classifier)
          texts.append(fact)
          if k > i && header.place == nil && !fact.contains(where: \.isNumber) {
            header.place = fact  // "Washington, D.C."
          }
          nonBlank += 1
          lastHeaderLine = k
        }
        i = end
        continue scan
      default: break scan
      }
      let text = Bytes.string(p, s, e)
      guard let kind = headerLineKind(text, isFirst: nonBlank == 0) else { break scan }
      nonBlank += 1
      lastHeaderLine = i
      switch kind {
      case .asDelivered:
        header.asDelivered = true
      case .lastUpdated:
        if let found = DateParser.firstDate(in: text) {
          header.lastUpdated = found.date.iso8601 + (found.time.map { "T" + $0 } ?? "")
        }
      case .byLine(let name):
        texts.append(text)
        if nonBlank == 1 && header.title == nil { header.title = stripBullets(text) }
        if principal == nil, let name, let a = LabelAnatomy.parse(name),
          a.name != nil || a.role != nil
        {
          principal = a
          principalText = name
        }
        if header.place == nil { header.place = place(in: text) }
      case .metadata(let key, let value):
        switch key {
        case "date", "dated": texts.append(value)
        case "location", "place", "venue": header.place = header.place ?? value
        case "source", "url", "link": header.sourceURL = header.sourceURL ?? firstURL(value)
        case "title": header.title = header.title ?? value
        default: break
        }
      case .url:
        header.sourceURL = header.sourceURL ?? firstURL(text)
      case .title:
        if header.title == nil && !text.hasPrefix("WEBVTT") {
          header.title = stripBullets(text)
        }
        texts.append(text)
      case .other:
        if nonBlank == 1 && header.title == nil { header.title = stripBullets(text) }
        texts.append(text)
      }
      i += 1
    }
    for t in texts {
      if header.date == nil, let found = DateParser.firstDate(in: t) { header.date = found.date }
    }
    let kindSource = ([header.title ?? ""] + texts).joined(separator: " ").lowercased()
    header.eventKind = eventKind(kindSource)
    if lastHeaderLine >= 0 {
      header.lines = 0..<(lastHeaderLine + 1)
      header.range = 0..<(lines[lastHeaderLine].end - classifier.base)
    }
    return Result(
      header: header, bodyStartLine: lastHeaderLine + 1, principal: principal,
      principalText: principalText)
  }

  enum LineKind: Equatable {
    case title, byLine(String?), asDelivered, lastUpdated, metadata(String, String), url, other
  }

  static func headerLineKind(_ raw: String, isFirst: Bool) -> LineKind? {
    let text = stripBullets(raw)
    let lower = text.lowercased()
    if text.isEmpty { return .other }  // "• |"
    if lower == "webvtt" || lower.hasPrefix("webvtt ") { return .title }
    let bare = lower.trimmingParens()
    if ["as delivered", "check against delivery", "as prepared for delivery", "as prepared"]
      .contains(bare)
    {
      return bare == "as delivered" ? .asDelivered : .other
    }
    if lower.hasPrefix("last updated") || lower.hasPrefix("updated:") { return .lastUpdated }
    if lower.hasPrefix("by ") { return .byLine(principalPhrase(after: text, at: 3)) }
    if let r = lower.firstRange(of: "interview with "), let next = text[r.upperBound...].first,
      next.isUppercase
    {
      let offset = lower.distance(from: lower.startIndex, to: r.upperBound)
      return .byLine(principalPhrase(after: text, at: offset))
    }
    if let r = lower.firstRange(of: " by "), let next = text[r.upperBound...].first,
      next.isUppercase || lower[r.upperBound...].hasPrefix("the ")
    {
      let offset = lower.distance(from: lower.startIndex, to: r.upperBound)
      return .byLine(principalPhrase(after: text, at: offset))
    }
    if let colon = text.firstIndex(of: ":") {
      let key = text[..<colon].lowercased()
      if ["date", "dated", "location", "place", "venue", "source", "url", "link", "title"]
        .contains(key)
      {
        return .metadata(key, Words.trim(text[text.index(after: colon)...]))
      }
    }
    if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return .url }
    if text.count <= 60, DateParser.firstDate(in: text) != nil,
      !(text.hasSuffix(".") && text.count > 30)
    {
      return .other
    }
    // Title-like: no sentence at the end, not a greeting.
    guard let last = text.last, !".,;?!".contains(last) else { return nil }
    let firstWord = Words.tokens(lower).first.map(String.init) ?? ""
    let greetings: Set<String> = [
      "good", "thank", "thanks", "hello", "hi", "well", "so", "and", "but", "yes", "okay",
      "ok", "ladies", "welcome", "let", "let's", "i", "we", "now", "right", "alright",
    ]
    if greetings.contains(firstWord.trimmingCharacters(in: ",")) { return nil }
    if isFirst { return text.count <= 200 ? .title : nil }
    return text.count <= 90 ? .title : nil
  }

  /// `NATO Secretary General Mark Rutte` from `by NATO Secretary General Mark Rutte following …`.
  static func principalPhrase(after text: String, at offset: Int) -> String? {
    let rest = text.dropFirst(offset)
    var words: [Substring] = []
    let allowed: Set<String> = [
      "of", "von", "van", "de", "der", "da", "di", "du", "la", "le", "al", "bin", "the",
    ]
    for token in Words.tokens(String(rest)) {
      var t = token
      var stop = false
      if t.hasSuffix(",") || t.hasSuffix(".") || t.hasSuffix(";") || t.hasSuffix(":") {
        t = t.dropLast()
        stop = true
      }
      let lower = t.lowercased()
      if t.first?.isUppercase == true
        || (allowed.contains(lower) && (lower != "the" || words.isEmpty))
      {
        if DateParser.firstDate(in: String(t)) != nil && t.first?.isNumber == true { break }
        words.append(t)
      } else {
        break
      }
      if stop { break }
    }
    while let last = words.last, allowed.contains(last.lowercased()) { words.removeLast() }
    return words.isEmpty ? nil : words.joined(separator: " ")
  }

  /// `… in Brussels`, `… in The Hague, …`.
  static func place(in text: String) -> String? {
    let tokens = Words.tokens(text)
    var found: String?
    var i = 0
    while i < tokens.count {
      if tokens[i] == "in" || tokens[i] == "at" && i + 1 < tokens.count && tokens[i + 1] == "the" {
        var j = i + 1
        var words: [Substring] = []
        while j < tokens.count {
          var t = tokens[j]
          var stop = false
          if let l = t.last, ",.;:".contains(l) {
            t = t.dropLast()
            stop = true
          }
          guard t.first?.isUppercase == true, !t.allSatisfy({ $0.isNumber }) else { break }
          words.append(t)
          j += 1
          if stop { break }
        }
        if !words.isEmpty && tokens[i] == "in" { found = words.joined(separator: " ") }
        i = max(j, i + 1)
      } else {
        i += 1
      }
    }
    return found
  }

  static func eventKind(_ lower: String) -> EventKind? {
    let table: [(String, EventKind)] = [
      ("press conference", .pressConference), ("news conference", .pressConference),
      ("press point", .pressConference), ("doorstep", .doorstep), ("briefing", .briefing),
      ("interview", .interview), ("debate", .debate), ("hearing", .hearing),
      ("hansard", .parliamentary), ("house of commons", .parliamentary),
      ("congressional record", .parliamentary), ("parliament", .parliamentary),
      ("remarks", .speech), ("speech", .speech), ("address", .speech), ("keynote", .speech),
      ("statement", .statement),
    ]
    for (needle, kind) in table where lower.contains(needle) { return kind }
    return nil
  }

  static func stripBullets(_ text: String) -> String {
    var t = Substring(text)
    while let f = t.first, "•·|*-–#".contains(f) || f.isWhitespace { t = t.dropFirst() }
    while let l = t.last, "•·|-–".contains(l) || l.isWhitespace { t = t.dropLast() }
    return String(t)
  }

  static func firstURL(_ text: String) -> String? {
    Words.tokens(text).first { $0.hasPrefix("http") || $0.hasPrefix("www.") }.map(String.init)
  }
}

extension String {
  fileprivate func trimmingParens() -> String {
    var t = Substring(self)
    while t.hasPrefix("(") || t.hasPrefix("[") { t = t.dropFirst() }
    while t.hasSuffix(")") || t.hasSuffix("]") { t = t.dropLast() }
    return String(t)
  }
  fileprivate func trimmingCharacters(in set: String) -> String {
    var t = Substring(self)
    while let f = t.first, set.contains(f) { t = t.dropFirst() }
    while let l = t.last, set.contains(l) { t = t.dropLast() }
    return String(t)
  }
}

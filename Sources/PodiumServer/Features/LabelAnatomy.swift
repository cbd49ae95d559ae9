import PodiumCore

/// What a speaker label is made of: decoration ("🗣 |"), role and organisation ("NATO Secretary
/// General"), the person's name ("Mark Rutte"), an outlet ("Reuters") and the trailing colon —
/// as byte ranges into the document. Shared by semantic tokens, completion, rename and the
/// label-style code actions, so they all agree on where the name is.
struct LabelAnatomy: Equatable {
  enum PartKind: Equatable {
    /// Leading emoji, bullets, "|" before the words of the label.
    case decoration
    case name
    case role
    case organization
    case outlet
    /// The whole label of an anonymous voice ("Question:").
    case anonymous
    /// The trailing colon.
    case colon
  }

  struct Part: Equatable {
    var kind: PartKind
    var range: Range<Int>
  }

  /// The label's bytes, clamped to its first line.
  var range: Range<Int>
  /// The label's words: without leading decoration, trailing colon and whitespace.
  var core: Range<Int>
  /// The person's name inside the label, when it has one.
  var name: Range<Int>?
  /// Non-overlapping, in order, all on the label's line.
  var parts: [Part]
  var hasColon: Bool
  /// Speech follows the label on its own line ("Mark Rutte: Thank you").
  var isInline: Bool

  init?(turn: Turn, speaker: Speaker?, text: TextBuffer) {
    guard let label = turn.label, !label.isEmpty, label.upperBound <= text.utf8Count else {
      return nil
    }
    var bytes = text.bytes(in: label)
    if let lineBreak = bytes.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
      bytes.removeSubrange(lineBreak...)
    }
    let base = label.lowerBound
    range = base..<(base + bytes.count)
    let between =
      turn.body.lowerBound >= label.upperBound
      ? text.bytes(in: label.upperBound..<min(turn.body.lowerBound, text.utf8Count)) : []
    isInline =
      !turn.body.isEmpty && turn.body.lowerBound >= label.upperBound
      && bytes.count == label.count && !between.contains { $0 == 0x0A || $0 == 0x0D }

    // Trailing whitespace and colon.
    var end = bytes.count
    while end > 0, Self.isSpace(bytes[end - 1]) { end -= 1 }
    var colon: Range<Int>?
    if end > 0, bytes[end - 1] == UInt8(ascii: ":") {
      colon = (end - 1)..<end
      end -= 1
      while end > 0, Self.isSpace(bytes[end - 1]) { end -= 1 }
    }
    hasColon = colon != nil
    // Leading decoration: everything before the first letter or digit.
    let start = Self.firstWordByte(bytes, before: end)
    core = (base + start)..<(base + max(start, end))

    var parts: [Part] = []
    if start > 0, bytes[0..<start].contains(where: { !Self.isSpace($0) }) {
      var decorationEnd = start
      while decorationEnd > 0, Self.isSpace(bytes[decorationEnd - 1]) { decorationEnd -= 1 }
      parts.append(Part(kind: .decoration, range: base..<(base + decorationEnd)))
    }
    let coreBytes = Array(bytes[start..<max(start, end)])
    let inner = Self.innerParts(coreBytes, speaker: speaker, turn: turn)
    parts += inner.map {
      Part(
        kind: $0.kind,
        range: ($0.range.lowerBound + base + start)..<($0.range.upperBound + base + start))
    }
    if let colon {
      parts.append(Part(kind: .colon, range: (colon.lowerBound + base)..<(colon.upperBound + base)))
    }
    self.parts = parts
    name = parts.first { $0.kind == .name }?.range
  }

  /// The label's text without decoration and colon: "Lili Bayer, Reuters".
  func coreText(_ text: TextBuffer) -> String {
    String(decoding: text.bytes(in: core), as: UTF8.self)
  }

  // MARK: Finding the parts

  private static func innerParts(_ core: [UInt8], speaker: Speaker?, turn: Turn) -> [Part] {
    guard !core.isEmpty else { return [] }
    if speaker?.kind == .anonymous || speaker == nil && turn.kind == .question {
      return [Part(kind: .anonymous, range: 0..<core.count)]
    }
    var found: [Part] = []

    if let speaker {
      if let name = bestNameMatch(speaker.name, in: core) {
        found.append(Part(kind: .name, range: name))
      }
      for (kind, value) in [
        (PartKind.outlet, speaker.affiliation), (.role, speaker.role),
        (.organization, speaker.organization),
      ] {
        guard let value, !value.isEmpty else { continue }
        let taken = found.map(\.range)
        if let range = search(
          Array(value.utf8), in: core, where: { r in !taken.contains { $0.overlaps(r) } })
        {
          found.append(Part(kind: kind, range: range))
        }
      }
    }
    // What no known part covers: segments between separators, minus the parts found.
    for segment in segments(core) {
      for piece in subtract(found.map(\.range), from: segment, in: core) {
        let nameRange = found.first { $0.kind == .name }?.range
        let kind: PartKind
        if let nameRange {
          if piece.lowerBound < nameRange.lowerBound {
            kind = found.contains { $0.kind == .role } ? .organization : .role
          } else {
            kind = speaker?.kind == .journalist || speaker?.affiliation != nil ? .outlet : .role
          }
        } else if found.contains(where: {
          $0.kind == .outlet && $0.range.upperBound <= piece.lowerBound
        }) {
          kind = .role
        } else {
          // The first free words stand for the name ("Mark Rute" after "NATO Secretary General").
          kind = .name
        }
        found.append(Part(kind: kind, range: piece))
      }
    }
    return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
  }

  /// The longest run of the name's words found in the label, whole words, case-insensitive.
  static func bestNameMatch(_ name: String, in core: [UInt8]) -> Range<Int>? {
    let words = name.split(separator: " ").map { Array($0.utf8) }
    guard !words.isEmpty else { return nil }
    for length in stride(from: words.count, through: 1, by: -1) {
      // Later words first: a surname alone ("Rutte") is the usual short form.
      for first in stride(from: words.count - length, through: 0, by: -1) {
        let phrase = Array(words[first..<(first + length)].joined(separator: [UInt8(ascii: " ")]))
        if length == 1, phrase.count < 2 { continue }
        if let range = search(phrase, in: core, where: { _ in true }) { return range }
      }
    }
    return nil
  }

  /// Whole-word, ASCII-case-insensitive search.
  static func search(_ needle: [UInt8], in haystack: [UInt8], where accept: (Range<Int>) -> Bool)
    -> Range<Int>?
  {
    guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
    for start in 0...(haystack.count - needle.count) {
      var matches = true
      for k in 0..<needle.count where lower(haystack[start + k]) != lower(needle[k]) {
        matches = false
        break
      }
      guard matches else { continue }
      let end = start + needle.count
      let boundedLeft = start == 0 || !isWordByte(haystack[start - 1])
      let boundedRight = end == haystack.count || !isWordByte(haystack[end])
      if boundedLeft, boundedRight, accept(start..<end) { return start..<end }
    }
    return nil
  }

  /// `segment` without `taken`, split where a taken range cuts it, each piece trimmed.
  static func subtract(_ taken: [Range<Int>], from segment: Range<Int>, in core: [UInt8]) -> [Range<
    Int
  >] {
    var pieces: [Range<Int>] = []
    var cursor = segment.lowerBound
    for range in taken.sorted(by: { $0.lowerBound < $1.lowerBound }) where range.overlaps(segment) {
      if range.lowerBound > cursor { pieces.append(cursor..<range.lowerBound) }
      cursor = max(cursor, range.upperBound)
    }
    if cursor < segment.upperBound { pieces.append(cursor..<segment.upperBound) }
    return pieces.compactMap { piece in
      var a = piece.lowerBound
      var b = piece.upperBound
      while a < b, isSpace(core[a]) || isSeparator(core[a]) { a += 1 }
      while b > a, isSpace(core[b - 1]) || isSeparator(core[b - 1]) { b -= 1 }
      return a < b ? a..<b : nil
    }
  }

  /// Stretches of words separated by ",", "(", ")", "|", ";", " - ", " – ", trimmed.
  static func segments(_ core: [UInt8]) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var start = 0
    func flush(_ end: Int) {
      var a = start
      var b = end
      while a < b, isSpace(core[a]) || isSeparator(core[a]) { a += 1 }
      while b > a, isSpace(core[b - 1]) || isSeparator(core[b - 1]) { b -= 1 }
      if a < b { result.append(a..<b) }
    }
    var index = 0
    while index < core.count {
      let byte = core[index]
      var separatorLength = 0
      if isSeparator(byte) {
        separatorLength = 1
      } else if byte == UInt8(ascii: "-"), index > 0, index + 1 < core.count,
        isSpace(core[index - 1]),
        isSpace(core[index + 1])
      {
        separatorLength = 1
      } else if byte == 0xE2, index + 2 < core.count, core[index + 1] == 0x80,
        core[index + 2] == 0x93 || core[index + 2] == 0x94
      {
        separatorLength = 3  // en or em dash
      }
      if separatorLength > 0 {
        flush(index)
        index += separatorLength
        start = index
      } else {
        index += 1
      }
    }
    flush(core.count)
    return result
  }

  static func isSeparator(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: ",") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")")
      || byte == UInt8(ascii: "|") || byte == UInt8(ascii: ";")
  }

  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  static func isWordByte(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
      || (byte >= 0x61 && byte <= 0x7A)
      || byte >= 0x80 || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "-")
  }

  static func lower(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
  }

  /// The byte index of the first letter or digit (Unicode-aware), or `end`.
  static func firstWordByte(_ bytes: [UInt8], before end: Int) -> Int {
    var index = 0
    var iterator = bytes[0..<end].makeIterator()
    var decoder = UTF8()
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { return index }
        index += scalar.utf8.count
      case .emptyInput: return end
      case .error: index += 1
      }
    }
  }
}

// MARK: The document's label style

/// How a document writes its labels, decided by majority of its labels.
struct LabelStyle: Equatable {
  var inline: Bool
  var colon: Bool
  /// "Name (Outlet)" rather than "Name, Outlet".
  var parenthesizedOutlet: Bool
  /// The document's line break.
  var lineBreak: String

  static let fallback = LabelStyle(
    inline: false, colon: true, parenthesizedOutlet: false, lineBreak: "\n")

  init(inline: Bool, colon: Bool, parenthesizedOutlet: Bool, lineBreak: String) {
    self.inline = inline
    self.colon = colon
    self.parenthesizedOutlet = parenthesizedOutlet
    self.lineBreak = lineBreak
  }

  init(of transcript: Transcript, anatomies: [LabelAnatomy]) {
    self = .fallback
    lineBreak = Self.lineBreak(of: transcript.text)
    guard !anatomies.isEmpty else { return }
    let inlineCount = anatomies.filter(\.isInline).count
    inline = inlineCount * 2 > anatomies.count
    let sameLayout = anatomies.filter { $0.isInline == inline }
    colon = inline || sameLayout.filter(\.hasColon).count * 2 >= sameLayout.count
    let text = transcript.text
    let withOutlet = anatomies.filter { $0.parts.contains { $0.kind == .outlet } }
    parenthesizedOutlet =
      !withOutlet.isEmpty
      && withOutlet.filter { text.bytes(in: $0.core).contains(UInt8(ascii: "(")) }.count * 2
        > withOutlet.count
  }

  static func lineBreak(of text: TextBuffer) -> String {
    let probe = text.bytes(in: 0..<min(text.utf8Count, 64 * 1024))
    guard let index = probe.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { return "\n" }
    if probe[index] == 0x0D {
      return index + 1 < probe.count && probe[index + 1] == 0x0A ? "\r\n" : "\r"
    }
    return "\n"
  }

  /// A label in this style before speech: "Name:\n", "Name\n", "Name: ".
  func render(_ core: String) -> String {
    core + (colon ? ":" : "") + (inline ? " " : lineBreak)
  }
}

extension Transcript {
  /// The anatomy of every label, by turn index (nil for unlabelled turns).
  func labelAnatomies() -> [LabelAnatomy?] {
    var speakersByID: [String: Speaker] = [:]
    for speaker in speakers { speakersByID[speaker.id] = speaker }
    return turns.map { LabelAnatomy(turn: $0, speaker: speakersByID[$0.speaker], text: text) }
  }

  func labelAnatomy(ofTurn index: Int) -> LabelAnatomy? {
    guard turns.indices.contains(index) else { return nil }
    return LabelAnatomy(turn: turns[index], speaker: speaker(id: turns[index].speaker), text: text)
  }

  /// The first turn whose lines end after `line`: where a scan of lines `line…` starts.
  func firstTurn(endingAfter line: Int) -> Int {
    var low = 0
    var high = turns.count
    while low < high {
      let mid = (low + high) / 2
      if turns[mid].lines.upperBound <= line { low = mid + 1 } else { high = mid }
    }
    return low
  }
}

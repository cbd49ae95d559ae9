import PodiumCore

/// A stretch of a document the index can point at without its text: bytes and lines.
public struct Place: Sendable, Hashable {
  public var start: Int32, end: Int32
  /// Zero-based, half-open lines.
  public var firstLine: Int32, endLine: Int32

  public init(_ range: Range<Int>, lines: Range<Int>) {
    start = Int32(clamping: range.lowerBound)
    end = Int32(clamping: range.upperBound)
    firstLine = Int32(clamping: lines.lowerBound)
    endLine = Int32(clamping: max(lines.upperBound, lines.lowerBound + 1))
  }

  /// The lines holding `range` in `text`.
  public init(_ range: Range<Int>, in text: TextBuffer) {
    let first = text.line(containing: range.lowerBound)
    let last = text.line(containing: max(range.lowerBound, range.upperBound - 1))
    self.init(range, lines: first..<(last + 1))
  }

  public var range: Range<Int> { Int(start)..<Int(end) }
  public var lines: Range<Int> { Int(firstLine)..<Int(endLine) }

  public func target(in document: String?) -> ReferenceTarget {
    ReferenceTarget(document: document, range: range, lines: lines)
  }
}

/// A speaker as the index knows it: who, and where each of their turns is.
public struct IndexedSpeaker: Sendable, Equatable {
  public var id: String
  public var name: String
  /// "person:mark-rutte" for a named person; nil for anonymous voices.
  public var personKey: String?
  /// The outlet or organisation, as the label gives it.
  public var outlet: String?
  public var kind: SpeakerKind
  public var turns: [Place]
}

/// An entity mention: the interned entity and where it is.
public struct IndexedMention: Sendable, Equatable {
  public var entity: Int32
  public var place: Place
  /// Written as an abbreviation ("DW", "AFP"), not in full.
  public var abbreviated: Bool
}

/// An acronym's expansion written out in this document.
public struct IndexedExpansion: Sendable, Equatable {
  public var acronym: String
  public var expansion: String
  public var place: Place
}

/// What the workspace index keeps of one transcript: enough to answer questions across
/// documents without holding the text (a few dozen bytes a sentence).
public struct IndexedDocument: Sendable {
  public var key: String
  public var byteCount: Int
  public var title: String?
  public var eventKind: EventKind?
  public var date: PartialDate?
  public var place: String?
  public var sourceURL: String?
  /// The header (or the first turn when there is no header): where document-level references
  /// start and land.
  public var top: Place
  /// "Transcript continues: URL".
  public var continuation: (place: Place, url: String?)?
  /// A mention of a later press conference of the same event ("the post ministerial press
  /// conference").
  public var announcements: [Place]
  public var speakers: [IndexedSpeaker]
  /// Statement units in text order, aligned with the units given to the LSH index.
  public var units: [Place]
  public var mentions: [IndexedMention]
  public var expansions: [IndexedExpansion]

  /// "2025-02-13|brussels": documents with the same key are of the same day and place.
  public var eventKey: String? {
    guard let date, date.year != nil, date.day != nil else { return nil }
    return date.iso8601 + "|" + Speaker.slug(place ?? "")
  }
}

/// What a document is analysed into before it enters the index; built off the index's lock,
/// in parallel for many files.
public struct DocumentAnalysis: Sendable {
  public var entities: DocumentEntities
  public var units: [StatementUnit]

  public init(_ transcript: Transcript) {
    entities = EntityExtractor.extract(transcript)
    units = StatementUnits.units(of: transcript)
  }
}

extension IndexedDocument {
  init(
    key: String, transcript t: Transcript, analysis: DocumentAnalysis,
    intern: (EntityMention) -> Int32
  ) {
    self.key = key
    byteCount = t.text.utf8Count
    title = t.header.title
    eventKind = t.header.eventKind
    date = t.header.date
    place = t.header.place
    sourceURL = t.header.sourceURL.map(URLKey.normalised)
    if !t.header.range.isEmpty {
      top = Place(t.header.range, lines: t.header.lines)
    } else if let first = t.turns.first {
      top = Place(first.span, lines: first.lines)
    } else {
      top = Place(0..<0, lines: 0..<1)
    }
    continuation = t.header.truncation.map {
      (Place($0.range, in: t.text), $0.continuationURL.map(URLKey.normalised))
    }
    announcements = Announcements.find(in: t)
    var byID: [String: Int] = [:]
    speakers = []
    for s in t.speakers {
      byID[s.id] = speakers.count
      speakers.append(
        IndexedSpeaker(
          id: s.id, name: s.name, personKey: PersonKey.of(s),
          outlet: s.affiliation ?? s.organization,
          kind: s.kind, turns: []))
    }
    for turn in t.turns {
      guard let i = byID[turn.speaker] else { continue }
      speakers[i].turns.append(Place(turn.span, lines: turn.lines))
    }
    units = analysis.units.map { Place($0.range, in: t.text) }
    mentions = analysis.entities.mentions.map {
      IndexedMention(
        entity: intern($0), place: Place($0.range, in: t.text),
        abbreviated: Abbreviation.isAbbreviation(t.text.bytes(in: $0.range)))
    }
    expansions = analysis.entities.acronyms.map {
      IndexedExpansion(
        acronym: $0.acronym, expansion: $0.expansion, place: Place($0.expansionRange, in: t.text))
    }
  }
}

/// Who a speaker is across documents.
public enum PersonKey {
  /// "person:thomas-gutschker" for a named person; nil for anonymous or unnamed voices.
  public static func of(_ speaker: Speaker) -> String? {
    guard speaker.kind != .anonymous else { return nil }
    let words = speaker.name.split(separator: " ")
    guard words.count >= 2 else { return nil }
    return "person:" + Speaker.slug(speaker.name)
  }
}

enum URLKey {
  /// Scheme, "www." and a trailing slash do not make another page.
  static func normalised(_ url: String) -> String {
    var s = Substring(url.lowercased())
    for prefix in ["https://", "http://"] where s.hasPrefix(prefix) {
      s = s.dropFirst(prefix.count)
    }
    if s.hasPrefix("www.") { s = s.dropFirst(4) }
    while s.hasSuffix("/") { s = s.dropLast() }
    return String(s)
  }
}

/// "We'll meet again at the post ministerial press conference", "we'll meet again later
/// today": a later event of the same day.
enum Announcements {
  static let before: [Needle] = [
    "post", "after", "later", "next", "this afternoon's", "tomorrow's", "closing",
  ]
  static let after: [Needle] = ["later", "this afternoon", "tomorrow", "this evening"]
  /// Said on their own, these announce a later meeting with the press.
  static let meetings: [Needle] = [
    "meet again later", "see you again later", "see you later today",
  ]

  static func find(in t: Transcript) -> [Place] {
    var out: [Place] = []
    let phrase: Needle = "press conference"
    for turn in t.turns {
      let text = LoweredText(t.text.bytes(in: turn.body))
      for cue in meetings {
        if let at = text.firstIndex(of: cue) {
          let lo = turn.body.lowerBound + at
          out.append(Place(lo..<(lo + cue.count), in: t.text))
        }
      }
      var from = 0
      while let at = text.firstIndex(of: phrase, from: from) {
        from = at + phrase.count
        let head = LoweredText(Array(text.bytes[max(0, at - 30)..<at]))
        let tail = LoweredText(Array(text.bytes[from..<min(text.bytes.count, from + 30)]))
        guard before.contains(where: head.contains) || after.contains(where: tail.contains) else {
          continue
        }
        let lo = turn.body.lowerBound + at
        out.append(Place(lo..<(lo + phrase.count), in: t.text))
      }
    }
    return out
  }
}

enum Abbreviation {
  /// "DW", "AFP", "RND": two to six capitals or digits, at least two of them letters.
  static func isAbbreviation(_ bytes: [UInt8]) -> Bool {
    (2...6).contains(bytes.count)
      && bytes.allSatisfy { (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) }
      && bytes.filter { (0x41...0x5A).contains($0) }.count >= 2
  }
}

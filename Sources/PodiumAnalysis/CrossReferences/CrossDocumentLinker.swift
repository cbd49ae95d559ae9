import PodiumCore

extension WorkspaceIndex {
  /// A similarity from which two statements count as the same statement said again.
  public static let repeatThreshold = 0.3
  /// At most this many other documents per reference source (a speaker in 10,000 documents
  /// is found through `references`, not listed on every passage).
  public static let maxTargets = 50

  /// Every cross-reference of document `key`: those inside it (answers, calls, follow-ups,
  /// back-references, acronyms written out in it) and those to other documents of the index.
  /// `transcript` is the document's current parse.
  /// With `range`, only the links that start in it (a hovered turn costs that turn).
  public func links(of key: String, transcript: Transcript, in range: Range<Int>? = nil)
    -> [CrossReference]
  {
    let turns = range.map { r in
      let lo = transcript.turns.partitioningIndex { $0.span.upperBound > r.lowerBound }
      let hi = transcript.turns.partitioningIndex { $0.span.lowerBound >= r.upperBound }
      return lo..<max(lo, hi)
    }
    var out = WithinDocumentLinker.links(transcript, turns: turns)
    if let document = documents[key] {
      out += acronymLinks(document, in: range)
      out += speakerLinks(document, in: range)
      out += eventLinks(document, in: range)
      out += repeatLinks(document, in: range)
    }
    if let range {
      out = out.filter {
        $0.from.overlaps(range) || $0.from.isEmpty && range.contains($0.from.lowerBound)
      }
    }
    return out.sorted {
      ($0.from.lowerBound, $0.kind.rawValue, $0.target.range.lowerBound)
        < ($1.from.lowerBound, $1.kind.rawValue, $1.target.range.lowerBound)
    }
  }

  // MARK: Acronyms

  /// Each use of an acronym → its expansion: in this document if written out here, else in
  /// the first document (in key order) that writes it out.
  func acronymLinks(_ document: IndexedDocument, in range: Range<Int>? = nil) -> [CrossReference] {
    var found: [String: (document: String, expansion: IndexedExpansion)?] = [:]
    var out: [CrossReference] = []
    var written: [Int32: (document: String, place: Place)?] = [:]
    for mention in document.mentions where range.map({ mention.place.range.overlaps($0) }) ?? true {
      let (key, name) = entity(mention.entity)
      if key.hasPrefix("organisation:") {
        // "DW" → where "Deutsche Welle" is written out.
        guard mention.abbreviated, !Self.wellKnown.contains(name) else { continue }
        if written[mention.entity] == nil {
          written[mention.entity] = .some(writtenOut(mention.entity, preferring: document))
        }
        guard case .some(.some(let (doc, place))) = written[mention.entity] else { continue }
        out.append(
          CrossReference(
            kind: .expands, from: mention.place.range,
            target: place.target(in: doc == document.key ? nil : doc), score: 0.9,
            note: "\(name), written out"))
        continue
      }
      guard key.hasPrefix("acronym:") else { continue }
      if found[name] == nil { found[name] = .some(expansion(of: name, preferring: document.key)) }
      guard case .some(.some(let (doc, e))) = found[name] else { continue }
      out.append(expansion(mention.place, e, in: doc == document.key ? nil : doc))
    }
    return out
  }

  /// Abbreviations everyone knows: no reader needs them written out.
  static let wellKnown: Set<String> = [
    "NATO", "EU", "European Union", "United Nations", "UN", "US", "USA", "UK", "GDP",
    "United States", "United Kingdom", "North Atlantic Treaty Organization",
  ]

  /// The first mention of an organisation written in full: in `document`, else in the first
  /// document (in key order) that has one.
  private func writtenOut(_ entity: Int32, preferring document: IndexedDocument)
    -> (String, Place)?
  {
    if let own = document.mentions.first(where: { $0.entity == entity && !$0.abbreviated }) {
      return (document.key, own.place)
    }
    for (doc, _) in mentions(ofEntity: self.entity(entity).key) where doc != document.key {
      if let m = documents[doc]?.mentions.first(where: { $0.entity == entity && !$0.abbreviated }) {
        return (doc, m.place)
      }
    }
    return nil
  }

  private func expansion(_ from: Place, _ e: IndexedExpansion, in doc: String?) -> CrossReference {
    CrossReference(
      kind: .expands, from: from.range, target: e.place.target(in: doc), score: 1,
      note: "\(e.acronym) = \(e.expansion)")
  }

  // MARK: Speakers

  /// Each named speaker → their first turn in each other document where they speak.
  func speakerLinks(_ document: IndexedDocument, in range: Range<Int>? = nil) -> [CrossReference] {
    var out: [CrossReference] = []
    for speaker in document.speakers {
      guard let first = speaker.turns.first, range.map({ first.range.overlaps($0) }) ?? true else {
        continue
      }
      for (doc, other) in turns(of: speaker, excluding: document.key, limit: Self.maxTargets) {
        guard let theirs = other.turns.first else { continue }
        let sameLabel = speaker.outlet == other.outlet
        out.append(
          CrossReference(
            kind: .sameSpeaker, from: first.range, target: theirs.target(in: doc),
            score: sameLabel ? 1 : 0.9,
            note:
              "\(speaker.name)\(other.outlet.map { " (\($0))" } ?? "") also speaks in \(title(doc))"
          ))
      }
    }
    return out
  }

  // MARK: Events

  /// Same event, announced event, and the full text of a truncated transcript.
  func eventLinks(_ document: IndexedDocument, in range: Range<Int>? = nil) -> [CrossReference] {
    let starts =
      [document.top.range] + document.announcements.map(\.range)
      + (document.continuation.map { [$0.place.range] } ?? [])
    if let range, !starts.contains(where: { $0.overlaps(range) }) { return [] }
    var out: [CrossReference] = []
    let sameDay = document.eventKey.map { documents(ofEvent: $0) } ?? []
    let others = sameDay.filter { $0 != document.key }.compactMap { documents[$0] }
    for other in others where other.eventKind == document.eventKind {
      out.append(
        CrossReference(
          kind: .sameEvent, from: document.top.range, target: other.top.target(in: other.key),
          score: 1,
          note: "same event: \(eventDescription(document)) — \(title(other.key))"))
    }
    // "The post ministerial press conference": the later press conference of that day, in
    // its fullest transcript.
    let pressConferences = others.filter {
      $0.eventKind == .pressConference && $0.eventKind != document.eventKind
    }
    if let announced = fullest(pressConferences) {
      for place in document.announcements {
        out.append(
          CrossReference(
            kind: .announces, from: place.range, target: announced.top.target(in: announced.key),
            score: 0.8, note: "announces \(title(announced.key))"))
      }
    }
    if let (marker, url) = document.continuation, let full = continuation(of: document, url: url) {
      out.append(
        CrossReference(
          kind: .continues, from: marker.range, target: full.place.target(in: full.document),
          score: full.score, note: "the full transcript: \(title(full.document))"))
    }
    return out
  }

  /// The document a truncated transcript continues in: the one at its URL, else the longest
  /// untruncated transcript of the same event that repeats its text — landing where the cut-off
  /// text ends there.
  private func continuation(of document: IndexedDocument, url: String?)
    -> (document: String, place: Place, score: Double)?
  {
    if let url, let doc = documents(withSourceURL: url).first(where: { $0 != document.key }),
      let target = documents[doc]
    {
      return (doc, target.top, 1)
    }
    let repeats = repeatLinks(document)
    let candidates = (document.eventKey.map { documents(ofEvent: $0) } ?? [])
      .compactMap { documents[$0] }
      .filter {
        $0.key != document.key && $0.continuation == nil && $0.byteCount > document.byteCount
      }
      .filter { c in repeats.contains { $0.target.document == c.key } }
    guard let full = fullest(candidates) else { return nil }
    let last = repeats.filter { $0.target.document == full.key }.max {
      $0.target.range.upperBound < $1.target.range.upperBound
    }
    let next = full.units.first { $0.start >= Int32(last?.target.range.upperBound ?? 0) }
    return (full.key, next ?? full.top, 0.9)
  }

  private func fullest(_ documents: [IndexedDocument]) -> IndexedDocument? {
    documents.max {
      ($0.continuation == nil ? 1 : 0, $0.byteCount) < (
        $1.continuation == nil ? 1 : 0, $1.byteCount
      )
    }
  }

  private func eventDescription(_ d: IndexedDocument) -> String {
    [d.eventKind?.rawValue, d.place, d.date?.iso8601].compactMap { $0 }.joined(separator: ", ")
  }

  /// A document's title for a note, or its key.
  func title(_ key: String) -> String {
    let name = key.split(separator: "/").last.map(String.init) ?? key
    guard let title = documents[key]?.title else { return name }
    return "\(name) (“\(title)”)"
  }

  // MARK: Repeated statements

  /// Statements said again in another document: each unit's LSH candidates, scored by their
  /// signatures, then runs of consecutive units repeated in the same document merged into one
  /// passage.
  func repeatLinks(_ document: IndexedDocument, in range: Range<Int>? = nil) -> [CrossReference] {
    struct Match { var unit: Int, doc: String, other: Int, score: Double }
    var matches: [Match] = []
    for (i, unit) in document.units.enumerated()
    where range.map({ unit.range.overlaps($0) }) ?? true {
      for (doc, other, s) in statements.similarUnits(
        of: i, in: document.key, threshold: Self.repeatThreshold)
      {
        matches.append(Match(unit: i, doc: doc, other: other, score: s))
      }
    }
    // Merge runs: the same target document, units next to each other on both sides.
    matches.sort { ($0.doc, $0.unit) < ($1.doc, $1.unit) }
    var out: [CrossReference] = []
    var runStart = 0
    for i in matches.indices {
      let m = matches[i]
      let next = i + 1 < matches.count ? matches[i + 1] : nil
      if let n = next, n.doc == m.doc, (1...2).contains(n.unit - m.unit),
        (1...3).contains(n.other - m.other)
      {
        continue
      }
      let run = matches[runStart...i]
      runStart = i + 1
      guard let target = documents[m.doc] else { continue }
      let from =
        document.units[run.first!.unit].range.lowerBound..<document.units[m.unit].range.upperBound
      let a = target.units[run.first!.other], b = target.units[m.other]
      let to = Place(
        Int(a.start)..<Int(b.end), lines: Int(a.firstLine)..<Int(max(a.endLine, b.endLine)))
      let score = run.map(\.score).reduce(0, +) / Double(run.count)
      out.append(
        CrossReference(
          kind: .repeats, from: from, target: to.target(in: m.doc),
          score: (score * 100).rounded() / 100,
          note: run.count == 1
            ? "said again in \(title(m.doc))"
            : "\(run.count) statements said again in \(title(m.doc))"))
    }
    return out
  }
}

extension Collection {
  /// The first index whose element satisfies `belongs`, for a predicate false then true along
  /// the collection (binary search).
  func partitioningIndex(where belongs: (Element) -> Bool) -> Index {
    var low = startIndex
    var count = self.count
    while count > 0 {
      let half = count / 2
      let mid = index(low, offsetBy: half)
      if belongs(self[mid]) {
        count = half
      } else {
        low = index(after: mid)
        count -= half + 1
      }
    }
    return low
  }
}

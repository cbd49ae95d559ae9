import PodiumCore

/// Every transcript of the workspace, reduced to what connects documents: speakers, events,
/// entity mentions, acronym expansions and statement signatures, with posting lists from each
/// key to the documents that have it. Updating one document costs that document's size.
public struct WorkspaceIndex: Sendable {
  public private(set) var documents: [String: IndexedDocument] = [:]
  /// Text bytes of every indexed document.
  public private(set) var byteCount = 0
  /// Changes with every update or removal: answers computed at one generation stay true
  /// until it changes.
  public private(set) var generation = 0
  private(set) var statements = LSHIndex()
  private var people: [String: Set<String>] = [:]
  private var events: [String: Set<String>] = [:]
  private var urls: [String: Set<String>] = [:]
  private var acronyms: [String: Set<String>] = [:]
  private var entities: [Int32: Set<String>] = [:]
  private var entityTable = EntityTable()

  public init() {}

  /// Adds or replaces a document. `analysis` may be computed beforehand, off any lock.
  public mutating func update(
    _ key: String, transcript: Transcript, analysis: DocumentAnalysis? = nil
  ) {
    remove(key)
    generation += 1
    let analysis = analysis ?? DocumentAnalysis(transcript)
    let document = IndexedDocument(
      key: key, transcript: transcript, analysis: analysis,
      intern: { entityTable.intern($0) })
    documents[key] = document
    byteCount += document.byteCount
    statements.insert(document: key, units: analysis.units)
    forEachPosting(of: document) { $0.insert(key) }
  }

  public mutating func remove(_ key: String) {
    guard let old = documents.removeValue(forKey: key) else { return }
    generation += 1
    byteCount -= old.byteCount
    statements.remove(document: key)
    forEachPosting(of: old) { $0.remove(key) }
  }

  /// Calls `body` with each posting set the document belongs to; empty sets are dropped.
  private mutating func forEachPosting(
    of document: IndexedDocument, _ body: (inout Set<String>) -> Void
  ) {
    func post<K: Hashable>(_ table: inout [K: Set<String>], _ key: K) {
      body(&table[key, default: []])
      if table[key]?.isEmpty == true { table[key] = nil }
    }
    for person in Set(document.speakers.compactMap(\.personKey)) { post(&people, person) }
    if let event = document.eventKey { post(&events, event) }
    if let url = document.sourceURL { post(&urls, url) }
    for acronym in Set(document.expansions.map(\.acronym)) { post(&acronyms, acronym) }
    for entity in Set(document.mentions.map(\.entity)) { post(&entities, entity) }
  }

  // MARK: Lookups

  public var documentCount: Int { documents.count }

  /// Documents in which `personKey` speaks, in key order.
  public func documents(withPerson personKey: String) -> [String] {
    (people[personKey] ?? []).sorted()
  }

  /// Documents of the day and place `eventKey` ("2025-02-13|brussels"), in key order.
  public func documents(ofEvent eventKey: String) -> [String] {
    (events[eventKey] ?? []).sorted()
  }

  /// Documents whose source URL is `url` (normalised: no scheme, no "www.").
  public func documents(withSourceURL url: String) -> [String] {
    (urls[URLKey.normalised(url)] ?? []).sorted()
  }

  /// Documents where `acronym` is written out.
  public func documents(expanding acronym: String) -> [String] {
    (acronyms[acronym] ?? []).sorted()
  }

  /// Every mention of the entity `key` ("acronym:udcg") in the workspace, by document.
  public func mentions(ofEntity key: String) -> [(document: String, places: [Place])] {
    guard let id = entityTable.ids[key] else { return [] }
    return (entities[id] ?? []).sorted().compactMap { doc in
      guard let d = documents[doc] else { return nil }
      return (doc, d.mentions.filter { $0.entity == id }.map(\.place))
    }
  }

  /// The entity mention of document `key` under `offset`.
  public func mention(at offset: Int, in key: String)
    -> (key: String, name: String, place: Place)?
  {
    guard let mentions = documents[key]?.mentions else { return nil }
    let i = mentions.partitioningIndex { Int($0.place.end) >= offset }
    guard i < mentions.count, mentions[i].place.range.lowerBound <= offset else { return nil }
    let (entityKey, name) = entity(mentions[i].entity)
    return (entityKey, name, mentions[i].place)
  }

  /// Where `acronym` is written out: in document `key` itself if it is, else in the first
  /// document (in key order) that writes it out.
  public func expansion(of acronym: String, preferring key: String)
    -> (document: String, expansion: IndexedExpansion)?
  {
    if let own = documents[key]?.expansions.first(where: { $0.acronym == acronym }) {
      return (key, own)
    }
    for doc in documents(expanding: acronym) {
      if let e = documents[doc]?.expansions.first(where: { $0.acronym == acronym }) {
        return (doc, e)
      }
    }
    return nil
  }

  /// The entity key and display name of an interned mention.
  public func entity(_ id: Int32) -> (key: String, name: String) {
    (entityTable.keys[Int(id)], entityTable.names[Int(id)])
  }

  /// The turns of a person in every document, alias-aware: labels that name the same person
  /// with the same or a compatible outlet (FAZ = Frankfurter Allgemeine Zeitung).
  /// `limit`: at most that many documents (the first in key order), `excluding` one.
  public func turns(of speaker: IndexedSpeaker, excluding: String? = nil, limit: Int = .max)
    -> [(document: String, speaker: IndexedSpeaker)]
  {
    guard let person = speaker.personKey else { return [] }
    var out: [(document: String, speaker: IndexedSpeaker)] = []
    var found = 0
    for doc in documents(withPerson: person) where doc != excluding {
      guard found < limit else { break }
      let same = (documents[doc]?.speakers ?? []).filter { Self.samePerson(speaker, $0) }
      if !same.isEmpty { found += 1 }
      out += same.map { (doc, $0) }
    }
    return out
  }

  static func samePerson(_ a: IndexedSpeaker, _ b: IndexedSpeaker) -> Bool {
    guard let p = a.personKey, p == b.personKey else { return false }
    guard let x = a.outlet, let y = b.outlet else { return true }
    return OrganisationAliases.sameOutlet(x, y)
  }
}

/// Entity keys interned to small integers: a mention costs 20 bytes whatever its key.
struct EntityTable: Sendable {
  var ids: [String: Int32] = [:]
  var keys: [String] = []
  var names: [String] = []

  mutating func intern(_ mention: EntityMention) -> Int32 {
    if let id = ids[mention.key] { return id }
    let id = Int32(keys.count)
    ids[mention.key] = id
    keys.append(mention.key)
    names.append(mention.name)
    return id
  }
}

/// What kind of thing an entity mention names.
public enum EntityKind: String, Sendable, Equatable, CaseIterable {
  case person, organisation, place, event, acronym, figure
}

/// One mention of an entity in a transcript's text.
public struct EntityMention: Sendable, Hashable {
  public var kind: EntityKind
  /// Canonical, alias-resolved key, stable across documents: "person:pete-hegseth",
  /// "organisation:deutsche-welle", "place:the-hague", "event:the-hague-summit", "acronym:udcg",
  /// "figure:40-billion-eur", "figure:2-percent-gdp".
  public var key: String
  /// Canonical display name: "Pete Hegseth", "Deutsche Welle", "The Hague Summit", "UDCG",
  /// "€40 billion", "2% of GDP".
  public var name: String
  /// UTF-8 bytes of this mention in the transcript text.
  public var range: Range<Int>
  /// Why it was recognised, for a reader: "title + surname of Pete Hegseth (line 12)",
  /// "gazetteer", "acronym of Ukraine Defence Contact Group".
  public var reason: String

  public init(kind: EntityKind, key: String, name: String, range: Range<Int>, reason: String) {
    self.kind = kind
    self.key = key
    self.name = name
    self.range = range
    self.reason = reason
  }
}

/// An acronym next to the phrase whose initials spell it.
public struct AcronymDefinition: Sendable, Hashable {
  public var acronym: String  // "UDCG"
  public var expansion: String  // "Ukraine Defence Contact Group"
  /// The acronym occurrence next to its expansion.
  public var acronymRange: Range<Int>
  public var expansionRange: Range<Int>

  public init(
    acronym: String, expansion: String, acronymRange: Range<Int>, expansionRange: Range<Int>
  ) {
    self.acronym = acronym
    self.expansion = expansion
    self.acronymRange = acronymRange
    self.expansionRange = expansionRange
  }
}

/// The entities of one transcript.
public struct DocumentEntities: Sendable, Equatable {
  /// In text order, never overlapping.
  public var mentions: [EntityMention]
  /// Expansions found in this text, one per acronym, in text order.
  public var acronyms: [AcronymDefinition]

  public init(mentions: [EntityMention], acronyms: [AcronymDefinition]) {
    self.mentions = mentions
    self.acronyms = acronyms
  }
}

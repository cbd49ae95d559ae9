import PodiumCore
// TEMPORARY: removed when the entities and similarity branches merge.
public enum EntityKind: String, Sendable, Equatable, CaseIterable { case person, organisation, place, event, acronym, figure }
public struct EntityMention: Sendable, Hashable { public var kind: EntityKind; public var key: String; public var name: String; public var range: Range<Int>; public var reason: String }
public struct AcronymDefinition: Sendable, Hashable { public var acronym: String; public var expansion: String; public var acronymRange: Range<Int>; public var expansionRange: Range<Int> }
public struct DocumentEntities: Sendable, Equatable { public var mentions: [EntityMention]; public var acronyms: [AcronymDefinition] }
public enum EntityExtractor { public static func extract(_ transcript: Transcript) -> DocumentEntities { DocumentEntities(mentions: [], acronyms: []) } }
public enum OrganisationAliases {
  public static func canonical(_ name: String) -> String? { nil }
  public static func key(_ name: String) -> String { name.lowercased() }
  public static func sameOutlet(_ a: String, _ b: String) -> Bool { a == b }
}
public struct StatementUnit: Sendable, Hashable { public var turn: Int; public var range: Range<Int>; public var signature: MinHashSignature }
public struct MinHashSignature: Sendable, Hashable { public var values: [UInt32]; public func similarity(_ other: MinHashSignature) -> Double { 0 } }
public enum StatementUnits { public static func units(of transcript: Transcript) -> [StatementUnit] { [] } }
public enum Shingles { public static func of(_ bytes: some Collection<UInt8>) -> Set<UInt64> { [] }; public static func jaccard(_ a: Set<UInt64>, _ b: Set<UInt64>) -> Double { 0 } }
public struct StatementLocator: Sendable, Hashable { public var document: String; public var unit: Int }
public struct LSHIndex: Sendable { public init() {}; public mutating func insert(document: String, units: [StatementUnit]) {}; public mutating func remove(document: String) {}; public func candidates(for signature: MinHashSignature) -> [StatementLocator] { [] }; public func signature(of: StatementLocator) -> MinHashSignature? { nil } }

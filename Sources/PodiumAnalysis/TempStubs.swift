import PodiumCore
// TEMPORARY: removed when the entities and similarity branches merge.
public struct StatementUnit: Sendable, Hashable { public var turn: Int; public var range: Range<Int>; public var signature: MinHashSignature }
public struct MinHashSignature: Sendable, Hashable { public var values: [UInt32]; public func similarity(_ other: MinHashSignature) -> Double { 0 } }
public enum StatementUnits { public static func units(of transcript: Transcript) -> [StatementUnit] { [] } }
public enum Shingles { public static func of(_ bytes: some Collection<UInt8>) -> Set<UInt64> { [] }; public static func jaccard(_ a: Set<UInt64>, _ b: Set<UInt64>) -> Double { 0 } }
public struct StatementLocator: Sendable, Hashable { public var document: String; public var unit: Int }
public struct LSHIndex: Sendable { public init() {}; public mutating func insert(document: String, units: [StatementUnit]) {}; public mutating func remove(document: String) {}; public func candidates(for signature: MinHashSignature) -> [StatementLocator] { [] }; public func signature(of: StatementLocator) -> MinHashSignature? { nil } }

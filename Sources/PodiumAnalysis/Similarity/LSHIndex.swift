/// One statement unit in an index: the document's key and the unit's index in the units that
/// were inserted for it.
public struct StatementLocator: Sendable, Hashable {
  public var document: String
  public var unit: Int

  public init(document: String, unit: Int) {
    self.document = document
    self.unit = unit
  }
}

/// Locality-sensitive hashing over MinHash signatures: the `MinHash.size` slots are cut into
/// `bands` bands of `rows` slots, and units whose signatures agree on a whole band share a
/// bucket. Two units of Jaccard similarity J share at least one bucket with probability
/// 1 − (1 − J^rows)^bands: with 32 bands of 2 rows, 0.73 at J = 0.2, 0.87 at J = 0.25, 0.996 at
/// J = 0.4, but only 0.19 at J = 0.08 (two sentences sharing a stock phrase). Candidates are to be
/// scored with `MinHashSignature.similarity`.
///
/// Buckets holding more than `bucketCap` units (stock phrases said everywhere) are skipped by
/// `candidates(for:)`, so a query costs O(bands × bucketCap) whatever the workspace size.
///
/// Memory is a fixed amount per unit, reused after removals: the signature (`MinHash.size` 16-bit
/// values), the unit's owner and ordinal, two chain links per band (so that a removal unlinks
/// each slot in O(1)), and about one bucket table entry per band (8 bytes: the band's 32-bit key
/// and the chain's first slot, in a table kept at most 4/5 full).
public struct LSHIndex: Sendable {
  static let rows = 2
  static let bands = MinHash.size / rows
  static let bucketCap = 64
  static let none = UInt32.max

  // Documents, by a number reused after removal.
  var documentNumbers: [String: UInt32] = [:]
  var documentNames: [String] = []
  var documentUnits: [[UInt32]] = []
  var freeDocuments: [UInt32] = []

  // Units, by an id reused after removal.
  /// Slots `id * MinHash.size ..< (id + 1) * MinHash.size`.
  var signatures: [UInt16] = []
  var unitDocument: [UInt32] = []
  var unitOrdinal: [UInt32] = []
  var freeUnits: [UInt32] = []
  var liveUnits = 0

  // Band slots `id * bands + band`: each bucket is a doubly linked chain of slots.
  var next: [UInt32] = []
  var prev: [UInt32] = []
  /// Open addressing, linear probing: `band key << 32 | head slot`, or `empty`.
  var table = [UInt64](repeating: empty, count: 1024)
  var tableCount = 0
  static let empty = UInt64.max
  /// Where the touch passes of `linkBands`/`unlinkBands` leave their loads.
  var touchSink: UInt64 = 0

  public init() {}

  public var documentCount: Int { documentNumbers.count }
  public var unitCount: Int { liveUnits }

  /// Approximate bytes held by the index's storage (for benchmarks and capacity planning).
  public var memoryFootprint: Int {
    signatures.capacity * 2 + (unitDocument.capacity + unitOrdinal.capacity) * 4
      + (next.capacity + prev.capacity) * 4 + table.capacity * 8 + freeUnits.capacity * 4
      + documentUnits.reduce(0) { $0 + $1.capacity * 4 + 16 }
      + documentNames.reduce(0) { $0 + $1.utf8.count + 16 } + documentNumbers.capacity * 24
  }

  /// Adds a document's units, replacing its previous units. Signature values are kept as the
  /// 16 bits `StatementUnits` gives them; `StatementLocator.unit` is the index in `units`.
  public mutating func insert(document: String, units: [StatementUnit]) {
    remove(document: document)
    let number: UInt32
    if let n = freeDocuments.popLast() {
      number = n
      documentNames[Int(n)] = document
    } else {
      number = UInt32(documentNames.count)
      documentNames.append(document)
      documentUnits.append([])
    }
    documentNumbers[document] = number
    var ids: [UInt32] = []
    ids.reserveCapacity(units.count)
    for (ordinal, unit) in units.enumerated() {
      let id = allocateUnit()
      let base = Int(id) * MinHash.size
      let values = unit.signature.values
      for i in 0..<MinHash.size {
        signatures[base + i] = i < values.count ? UInt16(truncatingIfNeeded: values[i]) : .max
      }
      unitDocument[Int(id)] = number
      unitOrdinal[Int(id)] = UInt32(ordinal)
      linkBands(of: id)
      ids.append(id)
    }
    documentUnits[Int(number)] = ids
    liveUnits += ids.count
  }

  /// Removes a document's units, in time proportional to their number.
  public mutating func remove(document: String) {
    guard let number = documentNumbers.removeValue(forKey: document) else { return }
    let ids = documentUnits[Int(number)]
    for id in ids {
      unlinkBands(of: id)
      unitDocument[Int(id)] = Self.none
      freeUnits.append(id)
    }
    liveUnits -= ids.count
    documentUnits[Int(number)] = []
    documentNames[Int(number)] = ""
    freeDocuments.append(number)
  }

  /// Candidate units in other documents (and this one) sharing a band with `signature`;
  /// over-full buckets skipped. Sorted by document, then unit.
  public func candidates(for signature: MinHashSignature) -> [StatementLocator] {
    let values = signature.values
    var found: [UInt32] = []
    for band in 0..<min(Self.bands, values.count / Self.rows) {
      found += members(
        band: band, key: Self.bandKey(values[band * Self.rows], values[band * Self.rows + 1]))
    }
    var seen = Set<UInt32>()
    return found.filter { seen.insert($0).inserted }
      .map {
        StatementLocator(
          document: documentNames[Int(unitDocument[Int($0)])], unit: Int(unitOrdinal[Int($0)]))
      }
      .sorted { ($0.document, $0.unit) < ($1.document, $1.unit) }
  }

  /// The units of other documents than `document` sharing a band with its unit `unit` and
  /// at least `threshold` similar, best per document: what `candidates` and `signature(of:)`
  /// give, without making a locator of every candidate (the hot path of repeat detection).
  public func similarUnits(of unit: Int, in document: String, threshold: Double)
    -> [(document: String, unit: Int, similarity: Double)]
  {
    guard let number = documentNumbers[document] else { return [] }
    let ids = documentUnits[Int(number)]
    guard ids.indices.contains(unit) else { return [] }
    let mine = Int(ids[unit]) * MinHash.size
    var best: [UInt32: (unit: UInt32, similarity: Double)] = [:]
    var seen = Set<UInt32>()
    for band in 0..<Self.bands {
      let key = Self.bandKey(
        UInt32(signatures[mine + band * Self.rows]), UInt32(signatures[mine + band * Self.rows + 1])
      )
      for other in members(band: band, key: key)
      where unitDocument[Int(other)] != number && seen.insert(other).inserted {
        let theirs = Int(other) * MinHash.size
        var equal = 0
        for k in 0..<MinHash.size where signatures[mine + k] == signatures[theirs + k] {
          equal += 1
        }
        let similarity = Double(equal) / Double(MinHash.size)
        let doc = unitDocument[Int(other)]
        if similarity >= threshold, similarity > best[doc]?.similarity ?? 0 {
          best[doc] = (unitOrdinal[Int(other)], similarity)
        }
      }
    }
    return best.map { (documentNames[Int($0.key)], Int($0.value.unit), $0.value.similarity) }
      .sorted { $0.document < $1.document }
  }

  /// The units in the bucket of `key` in `band`; none when the bucket is over-full (a
  /// boilerplate phrase) or absent.
  private func members(band: Int, key: UInt32) -> [UInt32] {
    guard let position = find(band: band, key: key).found else { return [] }
    var out: [UInt32] = []
    var slot = UInt32(truncatingIfNeeded: table[position])
    while slot != Self.none, out.count <= Self.bucketCap {
      out.append(slot / UInt32(Self.bands))
      slot = next[Int(slot)]
    }
    return out.count <= Self.bucketCap ? out : []
  }

  public func signature(of locator: StatementLocator) -> MinHashSignature? {
    guard let number = documentNumbers[locator.document] else { return nil }
    let ids = documentUnits[Int(number)]
    guard ids.indices.contains(locator.unit) else { return nil }
    let base = Int(ids[locator.unit]) * MinHash.size
    return MinHashSignature(values: signatures[base..<(base + MinHash.size)].map { UInt32($0) })
  }

  mutating func allocateUnit() -> UInt32 {
    if let id = freeUnits.popLast() { return id }
    let id = UInt32(unitDocument.count)
    precondition(id < Self.none / UInt32(Self.bands), "LSHIndex: too many units")
    signatures.append(contentsOf: repeatElement(0, count: MinHash.size))
    unitDocument.append(Self.none)
    unitOrdinal.append(0)
    next.append(contentsOf: repeatElement(Self.none, count: Self.bands))
    prev.append(contentsOf: repeatElement(Self.none, count: Self.bands))
    return id
  }
}

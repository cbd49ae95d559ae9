/// A phrase the extractor knows: a place, an organisation, an event, a person or a title.
struct KnownPhrase: Sendable {
  var kind: EntityKind
  var key: String
  var name: String
  var reason: String
  /// Bit i set: word i is written in capitals in the gazetteer ("US", "EU") and must be in the
  /// text too ("us" is not the United States).
  var capitals: UInt64 = 0
  /// Matches without a capital first word (a speaker's outlet as said: "international news
  /// agency of Ukraine").
  var loose = false
}

/// Multi-word phrases over token hashes: a trie whose edges are (node, word hash).
struct PhraseTrie: Sendable {
  private struct Edge: Hashable {
    var node: Int32
    var word: UInt64
  }
  private var edges: [Edge: Int32] = [:]
  private var ends: [Int32: [KnownPhrase]] = [:]
  private var nodes: Int32 = 1

  /// Adds `phrase` under each spelling in `spellings` (tokenised like text).
  mutating func add(_ phrase: KnownPhrase, spellings: [String]) {
    for spelling in spellings {
      var (p, node) = (phrase, Int32(0))
      for (i, w) in EntityTokenizer.tokens(spelling).prefix(64).enumerated() {
        if w.shape == .upper { p.capitals |= 1 << UInt64(i) }
        let e = Edge(node: node, word: w.hash)
        if edges[e] == nil { (edges[e], nodes) = (nodes, nodes + 1) }
        node = edges[e]!
      }
      if node != 0 { ends[node, default: []].append(p) }
    }
  }

  /// The longest phrase starting at token `i` whose capitals match the text and that `accept`s,
  /// as (index of its last token, phrase). Words must be joined by spaces or hyphens.
  func longest(
    _ tokens: [EntityToken], at i: Int, accept: (KnownPhrase, Int) -> Bool = { _, _ in true }
  ) -> (end: Int, phrase: KnownPhrase)? {
    var (node, best, k) = (Int32(0), nil as (end: Int, phrase: KnownPhrase)?, i)
    while k < tokens.count, k == i || tokens[k].joined,
      tokens[k].kind == .word || tokens[k].kind == .number,
      let next = edges[Edge(node: node, word: tokens[k].hash)]
    {
      node = next
      let found = ends[node]?.first { p in
        (0...(k - i)).allSatisfy {
          p.capitals & (1 << UInt64($0)) == 0 || tokens[i + $0].shape == .upper
        }
          && accept(p, k)
      }
      if let found { best = (k, found) }
      k += 1
    }
    return best
  }
}

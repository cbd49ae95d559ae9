/// An immutable node of the text rope: a leaf holding a chunk of UTF-8, or an internal node
/// with exactly two children. Trees are height-balanced (AVL): sibling heights differ by ≤ 1.
///
/// Nodes are never mutated, so trees share structure freely between snapshots.
final class RopeNode: Sendable {
  let chunk: [UInt8]
  let left: RopeNode?
  let right: RopeNode?
  let summary: RopeSummary
  let leafCount: Int
  let height: Int

  init(leaf chunk: [UInt8]) {
    self.chunk = chunk
    left = nil
    right = nil
    summary = chunk.withUnsafeBufferPointer { UTF8Bytes.measure($0, 0..<$0.count) }
    leafCount = 1
    height = 0
  }

  init(_ left: RopeNode, _ right: RopeNode) {
    chunk = []
    self.left = left
    self.right = right
    summary = left.summary + right.summary
    leafCount = left.leafCount + right.leafCount
    height = max(left.height, right.height) + 1
  }

  var isLeaf: Bool { left == nil }
}

// MARK: - Building, joining and splitting (join-based AVL)

extension RopeNode {
  /// A balanced tree over `leaves` (non-empty), in order.
  static func build(_ leaves: [RopeNode]) -> RopeNode {
    build(leaves, 0..<leaves.count)
  }

  private static func build(_ leaves: [RopeNode], _ range: Range<Int>) -> RopeNode {
    if range.count == 1 { return leaves[range.lowerBound] }
    let mid = range.lowerBound + range.count / 2
    return RopeNode(build(leaves, range.lowerBound..<mid), build(leaves, mid..<range.upperBound))
  }

  /// The concatenation of two optional trees.
  static func join(_ l: RopeNode?, _ r: RopeNode?) -> RopeNode? {
    guard let l else { return r }
    guard let r else { return l }
    return join(l, r)
  }

  /// The concatenation of two trees, rebalanced in O(|height difference|).
  static func join(_ l: RopeNode, _ r: RopeNode) -> RopeNode {
    if l.height > r.height + 1 { return joinRight(l, r) }
    if r.height > l.height + 1 { return joinLeft(l, r) }
    return RopeNode(l, r)
  }

  private static func joinRight(_ tl: RopeNode, _ tr: RopeNode) -> RopeNode {
    let l = tl.left!
    let c = tl.right!
    if c.height <= tr.height + 1 {
      let t = RopeNode(c, tr)
      if t.height <= l.height + 1 { return RopeNode(l, t) }
      return rotateLeft(RopeNode(l, rotateRight(t)))
    }
    let t = joinRight(c, tr)
    if t.height <= l.height + 1 { return RopeNode(l, t) }
    return rotateLeft(RopeNode(l, t))
  }

  private static func joinLeft(_ tl: RopeNode, _ tr: RopeNode) -> RopeNode {
    let c = tr.left!
    let r = tr.right!
    if c.height <= tl.height + 1 {
      let t = RopeNode(tl, c)
      if t.height <= r.height + 1 { return RopeNode(t, r) }
      return rotateRight(RopeNode(rotateLeft(t), r))
    }
    let t = joinLeft(tl, c)
    if t.height <= r.height + 1 { return RopeNode(t, r) }
    return rotateRight(RopeNode(t, r))
  }

  private static func rotateLeft(_ n: RopeNode) -> RopeNode {
    let r = n.right!
    return RopeNode(RopeNode(n.left!, r.left!), r.right!)
  }

  private static func rotateRight(_ n: RopeNode) -> RopeNode {
    let l = n.left!
    return RopeNode(l.left!, RopeNode(l.right!, n.right!))
  }

  /// Splits into the first `index` leaves and the rest (either side may be empty).
  func split(atLeaf index: Int) -> (RopeNode?, RopeNode?) {
    if index <= 0 { return (nil, self) }
    if index >= leafCount { return (self, nil) }
    let l = left!
    let r = right!
    if index == l.leafCount { return (l, r) }
    if index < l.leafCount {
      let (a, b) = l.split(atLeaf: index)
      return (a, RopeNode.join(b, r))
    }
    let (a, b) = r.split(atLeaf: index - l.leafCount)
    return (RopeNode.join(l, a), b)
  }

  /// This tree with leaf `index` replaced by `leaf` (path copy; heights unchanged).
  func replacingLeaf(at index: Int, with leaf: RopeNode) -> RopeNode {
    guard let l = left, let r = right else { return leaf }
    if index < l.leafCount { return RopeNode(l.replacingLeaf(at: index, with: leaf), r) }
    return RopeNode(l, r.replacingLeaf(at: index - l.leafCount, with: leaf))
  }
}

// MARK: - Lookup

extension RopeNode {
  /// The leaf holding byte `offset` (the last leaf when `offset` is the end), its index and
  /// the offset where it starts.
  func leaf(containing offset: Int) -> (node: RopeNode, index: Int, start: Int) {
    var node = self
    var index = 0
    var start = 0
    var o = offset
    while let l = node.left {
      let lb = l.summary.bytes
      if o < lb {
        node = l
      } else {
        o -= lb
        start += lb
        index += l.leafCount
        node = node.right!
      }
    }
    return (node, index, start)
  }

  /// Leaf number `index`.
  func leaf(at index: Int) -> RopeNode {
    var node = self
    var i = index
    while let l = node.left {
      if i < l.leafCount {
        node = l
      } else {
        i -= l.leafCount
        node = node.right!
      }
    }
    return node
  }

  /// Calls `body` with each leaf's chunk, in order.
  func forEachChunk(_ body: ([UInt8]) -> Void) {
    if let l = left, let r = right {
      l.forEachChunk(body)
      r.forEachChunk(body)
    } else {
      body(chunk)
    }
  }

  /// Appends the bytes of `range` (relative to this node) to `out`.
  func appendBytes(in range: Range<Int>, to out: inout [UInt8]) {
    if range.isEmpty { return }
    guard let l = left, let r = right else {
      out.append(contentsOf: chunk[range])
      return
    }
    let lb = l.summary.bytes
    if range.lowerBound < lb {
      l.appendBytes(in: range.lowerBound..<min(range.upperBound, lb), to: &out)
    }
    if range.upperBound > lb {
      r.appendBytes(in: max(range.lowerBound - lb, 0)..<(range.upperBound - lb), to: &out)
    }
  }
}

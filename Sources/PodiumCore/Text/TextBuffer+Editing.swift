extension TextBuffer {
  /// Replaces `range` (clamped) by `bytes` in O(edit + log n). Invalid UTF-8 at the seams,
  /// including a character cut by `range`, becomes U+FFFD exactly as a full re-decode would.
  public mutating func replace(_ range: Range<Int>, with bytes: some Collection<UInt8>) {
    let r = clamped(range)
    let insert = Array(bytes)
    if r.isEmpty && insert.isEmpty { return }
    if r.lowerBound == 0 && r.upperBound == utf8Count {
      self = TextBuffer(insert)
      return
    }
    let first = root.leaf(containing: r.lowerBound)
    let last = r.count > 0 ? root.leaf(containing: r.upperBound - 1) : first
    var window = spliced(first: first, last: last, range: r, insert: insert)
    var firstIndex = first.index
    var lastIndex = last.index
    extendWindow(&window, &firstIndex, &lastIndex)
    let leaves = RopeChunking.chunks(window).map(RopeNode.init(leaf:))
    if firstIndex == lastIndex && leaves.count == 1 {
      root = root.replacingLeaf(at: firstIndex, with: leaves[0])
    } else {
      let (before, rest) = root.split(atLeaf: firstIndex)
      let (_, after) = rest!.split(atLeaf: lastIndex - firstIndex + 1)
      root = RopeNode.join(RopeNode.join(before, RopeNode.build(leaves)), after)!
    }
  }

  /// Applies `edit` (see `replace(_:with:)`).
  public mutating func apply(_ edit: TextEdit) { replace(edit.range, with: edit.replacement) }

  /// The new bytes of leaves `first...last`: their text with `range` replaced by `insert`,
  /// the seam re-decoded from the character boundaries around it.
  private func spliced(
    first: (node: RopeNode, index: Int, start: Int), last: (node: RopeNode, index: Int, start: Int),
    range: Range<Int>, insert: [UInt8]
  ) -> [UInt8] {
    let head = first.node.chunk
    let tail = last.node.chunk
    let lo = range.lowerBound - first.start
    let hi = range.upperBound - last.start
    // Leaf boundaries are character boundaries, so these scans stay inside the leaves.
    var a = lo
    while a > 0 && a < head.count && UTF8Bytes.isContinuation(head[a]) { a -= 1 }
    var b = hi
    while b < tail.count && UTF8Bytes.isContinuation(tail[b]) { b += 1 }
    var seam = Array(head[a..<lo])
    seam.append(contentsOf: insert)
    seam.append(contentsOf: tail[hi..<b])
    seam = RopeChunking.repaired(seam)
    var window: [UInt8] = []
    window.reserveCapacity(a + seam.count + tail.count - b)
    window.append(contentsOf: head[0..<a])
    window.append(contentsOf: seam)
    window.append(contentsOf: tail[b...])
    return window
  }

  /// Grows the window by whole neighbouring leaves so that it is not undersized and its ends
  /// do not fall between "\r" and "\n".
  private func extendWindow(_ window: inout [UInt8], _ first: inout Int, _ last: inout Int) {
    let leafCount = root.leafCount
    if window.count < RopeChunking.minLeaf {
      if last + 1 < leafCount {
        last += 1
        window.append(contentsOf: root.leaf(at: last).chunk)
      } else if first > 0 {
        first -= 1
        window.insert(contentsOf: root.leaf(at: first).chunk, at: 0)
      }
    }
    if window.first == UTF8Bytes.lf && first > 0 {
      let previous = root.leaf(at: first - 1).chunk
      if previous.last == UTF8Bytes.cr {
        first -= 1
        window.insert(contentsOf: previous, at: 0)
      }
    }
    if window.last == UTF8Bytes.cr && last + 1 < leafCount {
      let next = root.leaf(at: last + 1).chunk
      if next.first == UTF8Bytes.lf {
        last += 1
        window.append(contentsOf: next)
      }
    }
  }
}

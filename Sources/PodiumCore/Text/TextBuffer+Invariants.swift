/// Structural checks of the rope, for tests.
extension TextBuffer {
  /// A description of the first broken invariant, or nil when the rope is well formed.
  func invariantViolation() -> String? {
    var leaves: [[UInt8]] = []
    if let problem = check(root) { return problem }
    root.forEachChunk { leaves.append($0) }
    for (i, chunk) in leaves.enumerated() {
      if chunk.isEmpty && leaves.count > 1 { return "empty leaf \(i)" }
      if chunk.count > RopeChunking.maxLeaf { return "oversized leaf \(i): \(chunk.count)" }
      if let first = chunk.first, UTF8Bytes.isContinuation(first) {
        return "leaf \(i) starts inside a character"
      }
      if i > 0, chunk.first == UTF8Bytes.lf, leaves[i - 1].last == UTF8Bytes.cr {
        return "CRLF split between leaves \(i - 1) and \(i)"
      }
    }
    return nil
  }

  private func check(_ node: RopeNode) -> String? {
    guard let l = node.left, let r = node.right else { return nil }
    if abs(l.height - r.height) > 1 { return "unbalanced node: \(l.height) vs \(r.height)" }
    if node.summary != l.summary + r.summary { return "stale summary" }
    return check(l) ?? check(r)
  }
}

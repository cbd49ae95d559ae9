/// Line and position lookups: the buffer is its own line index. All are O(log n + leaf size).
extension TextBuffer {
  /// The number of lines: line breaks + 1 ("" has 1 line; "a\n" has 2).
  public var lineCount: Int { root.summary.breaks + 1 }

  /// The byte offset where `line` (clamped to 0..<lineCount) starts.
  public func lineStart(_ line: Int) -> Int {
    let l = min(max(line, 0), lineCount - 1)
    return l == 0 ? 0 : lineBreak(l).end
  }

  /// The byte offset where `line` (clamped to 0..<lineCount) ends, before its line break.
  public func lineEnd(_ line: Int) -> Int {
    let l = min(max(line, 0), lineCount - 1)
    return l == lineCount - 1 ? utf8Count : lineBreak(l + 1).start
  }

  /// The line holding `offset` (clamped to 0...utf8Count); between "\r" and "\n" is the CR's line.
  public func line(containing offset: Int) -> Int {
    prefix(at: min(max(offset, 0), utf8Count)).breaks
  }

  /// The position of `offset` (clamped); inside a character it snaps to the character's start,
  /// between "\r" and "\n" to the line's end.
  public func position(of offset: Int, encoding: PositionEncoding) -> TextPosition {
    let o = boundary(atOrBefore: min(max(offset, 0), utf8Count))
    if let position = positionWithinLeaf(o, encoding) { return position }
    let here = prefix(at: o)
    let line = here.breaks
    let start = lineStart(line)
    let character =
      encoding == .utf8 ? o - start : here.units(encoding) - prefix(at: start).units(encoding)
    return TextPosition(line: line, character: character)
  }

  /// The byte offset of `position`, clamped as LSP asks: a negative line or character is 0, a
  /// line past the last is the end of the text, a character past the line's end is the line's
  /// end, and a position inside a character is that character's start.
  public func offset(of position: TextPosition, encoding: PositionEncoding) -> Int {
    if position.line >= lineCount { return utf8Count }
    let line = max(position.line, 0)
    let character = max(position.character, 0)
    let start = lineStart(line)
    if character == 0 { return start }
    if let offset = offsetWithinLeaf(lineStart: start, character, encoding) { return offset }
    let end = lineEnd(line)
    if encoding == .utf8 { return boundary(atOrBefore: min(start + character, end)) }
    let target = prefix(at: start).units(encoding) + character
    return min(offset(ofUnits: target, encoding), end)
  }

  // MARK: - Fast paths: the line starts in the leaf that holds the answer

  /// `position(of:)` for a boundary `o` whose line starts in o's leaf, else nil.
  private func positionWithinLeaf(_ o: Int, _ encoding: PositionEncoding) -> TextPosition? {
    let (node, local, here) = locate(o)
    return node.chunk.withUnsafeBufferPointer { buffer -> TextPosition? in
      var j = local
      while j > 0 && buffer[j - 1] != UTF8Bytes.lf && buffer[j - 1] != UTF8Bytes.cr { j -= 1 }
      if j == 0 && o != local { return nil }  // the line may start in an earlier leaf
      let character =
        encoding == .utf8 ? local - j : UTF8Bytes.measure(buffer, j..<local).units(encoding)
      return TextPosition(line: here.breaks, character: character)
    }
  }

  /// `offset(of:)` when the answer lies in the leaf where the line starts, else nil.
  private func offsetWithinLeaf(
    lineStart: Int, _ character: Int, _ encoding: PositionEncoding
  ) -> Int? {
    let found = root.leaf(containing: lineStart)
    return found.node.chunk.withUnsafeBufferPointer { buffer -> Int? in
      var i = lineStart - found.start
      var remaining = character
      while i < buffer.count {
        if remaining >= 8 && i + 8 <= buffer.count {
          let word = UTF8Bytes.word(buffer, i)
          if word & 0x8080_8080_8080_8080 == 0 && !UTF8Bytes.mayHoldBreak(word) {
            remaining -= 8
            i += 8
            continue
          }
        }
        let lead = buffer[i]
        if lead == UTF8Bytes.lf || lead == UTF8Bytes.cr { return found.start + i }
        let w = UTF8Bytes.width(lead, encoding)
        if w > remaining { return found.start + i }
        remaining -= w
        i += UTF8Bytes.sequenceLength(lead)
      }
      return found.start + i == utf8Count ? utf8Count : nil
    }
  }

  // MARK: - Tree walks

  /// Measurements of the bytes `0..<offset`; `breaks` counts only breaks that end by `offset`.
  func prefix(at offset: Int) -> RopeSummary { locate(offset).prefix }

  /// The leaf holding `offset`, the offset within it, and the measurements of `0..<offset`.
  func locate(_ offset: Int) -> (node: RopeNode, local: Int, prefix: RopeSummary) {
    var node = root
    var acc = RopeSummary()
    var o = offset
    while let l = node.left {
      if o < l.summary.bytes {
        node = l
      } else {
        acc += l.summary
        o -= l.summary.bytes
        node = node.right!
      }
    }
    let leafSummary = node.summary
    let local = o
    let prefix = node.chunk.withUnsafeBufferPointer { buffer in
      // Scan the shorter side of the leaf.
      if local <= buffer.count / 2 { return acc + UTF8Bytes.measure(buffer, 0..<local) }
      return acc + (leafSummary - UTF8Bytes.measure(buffer, local..<buffer.count))
    }
    return (node, local, prefix)
  }

  /// The offsets where the `k`-th line break (1-based, k ≤ breaks) starts and ends.
  func lineBreak(_ k: Int) -> (start: Int, end: Int) {
    var node = root
    var base = 0
    var remaining = k
    while let l = node.left {
      if remaining <= l.summary.breaks {
        node = l
      } else {
        remaining -= l.summary.breaks
        base += l.summary.bytes
        node = node.right!
      }
    }
    return node.chunk.withUnsafeBufferPointer { buffer in
      var i = 0
      while i < buffer.count {
        if i + 8 <= buffer.count && !UTF8Bytes.mayHoldBreak(UTF8Bytes.word(buffer, i)) {
          i += 8
          continue
        }
        let b = buffer[i]
        if b == UTF8Bytes.lf || b == UTF8Bytes.cr {
          let crlf = b == UTF8Bytes.cr && i + 1 < buffer.count && buffer[i + 1] == UTF8Bytes.lf
          remaining -= 1
          if remaining == 0 { return (base + i, base + i + (crlf ? 2 : 1)) }
          i += crlf ? 2 : 1
        } else {
          i += 1
        }
      }
      preconditionFailure("line break \(k) not found in its leaf")
    }
  }

  /// `offset` moved back to the start of its character, and from between "\r" and "\n" to
  /// before the "\r".
  func boundary(atOrBefore offset: Int) -> Int {
    let found = root.leaf(containing: offset)
    let chunk = found.node.chunk
    var local = offset - found.start
    if local >= chunk.count { return offset }
    while local > 0 && UTF8Bytes.isContinuation(chunk[local]) { local -= 1 }
    if local > 0 && chunk[local] == UTF8Bytes.lf && chunk[local - 1] == UTF8Bytes.cr { local -= 1 }
    return found.start + local
  }

  /// The largest character boundary whose prefix counts at most `target` units of `encoding`.
  func offset(ofUnits target: Int, _ encoding: PositionEncoding) -> Int {
    var node = root
    var base = 0
    var remaining = target
    while let l = node.left {
      let units = l.summary.units(encoding)
      if remaining < units {
        node = l
      } else {
        remaining -= units
        base += l.summary.bytes
        node = node.right!
      }
    }
    return node.chunk.withUnsafeBufferPointer { buffer in
      var i = 0
      while i < buffer.count {
        if remaining >= 8 && i + 8 <= buffer.count
          && UTF8Bytes.word(buffer, i) & 0x8080_8080_8080_8080 == 0
        {
          remaining -= 8
          i += 8
          continue
        }
        let lead = buffer[i]
        if lead < 0x80 {
          if remaining == 0 { break }
          remaining -= 1
          i += 1
          continue
        }
        let w = UTF8Bytes.width(lead, encoding)
        if w > remaining { break }
        remaining -= w
        i += UTF8Bytes.sequenceLength(lead)
      }
      return base + i
    }
  }
}

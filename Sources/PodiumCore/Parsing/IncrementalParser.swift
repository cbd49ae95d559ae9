extension Transcript {
  /// The transcript after `edit`, re-parsing only the turns the edit can affect. Gives exactly
  /// what `TranscriptParser.parse` gives on the new text: when the edit changes the document's
  /// structure (a label, a timestamp, a cue, the header, the first or last turn) it falls back
  /// to a full parse.
  public func applying(_ edit: TextEdit) -> Transcript {
    var newText = text
    newText.apply(edit)
    if let fast = IncrementalParser.reparse(self, edit: edit, newText: newText) { return fast }
    return TranscriptParser.parse(newText)
  }
}

/// The fast path of `Transcript.applying`: the edit keeps every structural line (labels,
/// continuations, cues, separators) of the turns around it, so speakers, kinds and the label
/// memory are unchanged; only the spans, bodies and findings of those turns are redone and
/// the later turns shifted.
enum IncrementalParser {
  static func reparse(_ old: Transcript, edit: TextEdit, newText: TextBuffer) -> Transcript? {
    let turns = old.turns
    guard turns.count >= 6, edit.range.upperBound <= old.text.utf8Count else { return nil }
    let delta = edit.replacement.count - edit.range.count
    // The turns the edit touches.
    guard let i = turnIndex(containing: edit.range.lowerBound, turns),
      let j = turnIndex(containing: max(edit.range.lowerBound, edit.range.upperBound - 1), turns)
    else { return nil }
    if edit.range.upperBound > turns[j].span.upperBound { return nil }
    // The window: one turn either side, and at least three lines before the edit (a label's
    // shape looks two lines ahead).
    let editLine = lineOf(edit.range.lowerBound, in: turns[i], text: old.text)
    var first = i - 1
    while first > 1 && editLine - turns[first].lines.lowerBound < 3 { first -= 1 }
    let last = j + 1
    // Context turns around the window must exist and be neither the first nor the last turn.
    guard first - 1 >= 1, last + 2 <= turns.count - 2 else { return nil }
    if let t = old.header.truncation, t.range.lowerBound < turns[last + 2].span.upperBound {
      return nil
    }

    let ctxStart = turns[first - 1].span.lowerBound
    let winStart = turns[first].span.lowerBound
    let oldWinEnd = turns[last].span.upperBound
    let oldCtxEnd = turns[last + 2].span.upperBound
    let newWinEnd = oldWinEnd + delta
    let newCtxEnd = oldCtxEnd + delta

    let oldBytes = old.text.bytes(in: ctxStart..<oldCtxEnd)
    let newBytes = newText.bytes(in: ctxStart..<newCtxEnd)
    let memory = old.context.memory

    let oldSide = oldBytes.withUnsafeBufferPointer { p in
      Window(p: p, base: ctxStart, start: winStart, end: oldWinEnd, memory: memory)
    }
    return newBytes.withUnsafeBufferPointer { p -> Transcript? in
      let newSide = Window(p: p, base: ctxStart, start: winStart, end: newWinEnd, memory: memory)
      guard newSide.signature == oldSide.signature else { return nil }
      let raw = TurnBuilder.build(
        newSide.classified, p: p, base: ctxStart, from: newSide.firstLine, to: newSide.endLine,
        allowOpening: false)
      guard raw.count == last - first + 1 else { return nil }
      let lineShift = turns[first].lines.lowerBound - newSide.firstLine
      let lineDelta = (newSide.endLine - newSide.firstLine) - (oldSide.endLine - oldSide.firstLine)

      var result = old
      result.text = newText
      // The window's turns: same speakers and kinds, new spans.
      for (k, r) in raw.enumerated() {
        let n = first + k
        let o = turns[n]
        result.turns[n] = TranscriptParser.makeTurn(
          r, index: n, speaker: o.speaker, kind: o.kind, replyTo: o.replyTo,
          lines: newSide.classified.lines, p: p, base: ctxStart, lineOffset: lineShift)
        guard result.turns[n].attribution == o.attribution else { return nil }
      }
      // Later turns move.
      if delta != 0 || lineDelta != 0 {
        for n in (last + 1)..<turns.count {
          result.turns[n].shift(bytes: delta, lines: lineDelta)
        }
        if var t = result.header.truncation {
          t.range = t.range.shifted(delta)
          result.header.truncation = t
        }
      }
      // Findings: redo the window's, move the later ones.
      let detector = FindingsDetector(
        p: p, base: ctxStart, speakers: old.speakers, unresolved: old.context.unresolved)
      var windowFindings: [Finding] = []
      for n in first...last {
        detector.findings(
          for: n, in: result.turns,
          anatomy: { k in k >= first && k <= last ? raw[k - first].label?.anatomy : nil },
          into: &windowFindings)
      }
      // Findings are in document order, each inside its turn: splice in place.
      let lo = firstIndex(old.findings, atOrAfter: winStart)
      let hi = firstIndex(old.findings, atOrAfter: oldWinEnd)
      result.findings.replaceSubrange(lo..<hi, with: windowFindings)
      if delta != 0 {
        for k in (lo + windowFindings.count)..<result.findings.count {
          result.findings[k].range = result.findings[k].range.shifted(delta)
          if let r = result.findings[k].related, r.lowerBound >= oldWinEnd {
            result.findings[k].related = r.shifted(delta)
          }
        }
      }
      return result
    }
  }

  /// The structural lines of a window, with the classifier's view of the whole context.
  struct Window {
    var classified: ClassifiedLines
    var firstLine: Int
    var endLine: Int
    var signature: [Signature]

    init(p: UnsafeBufferPointer<UInt8>, base: Int, start: Int, end: Int, memory: LabelMemory) {
      let lines = LineScanner.lines(p, base: base)
      let classifier = LineClassifier(p: p, lines: lines, base: base)
      firstLine = lines.firstIndex { $0.start >= start } ?? lines.count
      endLine = lines.firstIndex { $0.start >= end } ?? lines.count
      // Classify the window and the line after it (its label must stay a label).
      classified = ClassifiedLines(
        classifier: classifier, from: firstLine, to: min(lines.count, endLine + 1))
      // Every candidate counts, accepted or not: weak ones feed the label memory.
      signature = []
      for c in classified.structuralClasses { signature.append(Signature(c, memory)) }
      classified.decide(memory)
    }
  }

  /// A structural line without its position.
  enum Signature: Equatable {
    case label(String, LabelStrength, inline: Bool, accepted: Bool)
    case caption(String?)
    case continuation
    case nonSpeech(NonSpeech)
    case truncation
    case other

    init(_ c: LineClass, _ memory: LabelMemory) {
      switch c {
      case .label(let l):
        self = .label(
          l.text, l.strength, inline: l.bodyStart != nil, accepted: memory.accepts(l))
      case .caption(let l): self = .caption(l?.text)
      case .continuation: self = .continuation
      case .nonSpeech(let k): self = .nonSpeech(k)
      case .truncation: self = .truncation
      case .blank, .text: self = .other
      }
    }
  }

  /// The first finding starting at or after `offset` (binary search).
  static func firstIndex(_ findings: [Finding], atOrAfter offset: Int) -> Int {
    var lo = 0
    var hi = findings.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if findings[mid].range.lowerBound < offset { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  /// The turn whose span holds `offset` (binary search).
  static func turnIndex(containing offset: Int, _ turns: [Turn]) -> Int? {
    var lo = 0
    var hi = turns.count - 1
    guard hi >= 0, offset >= turns[0].span.lowerBound, offset < turns[hi].span.upperBound else {
      return nil
    }
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if turns[mid].span.lowerBound <= offset { lo = mid } else { hi = mid - 1 }
    }
    return lo
  }

  /// The line of `offset` inside `turn` (counted from the turn's first line).
  static func lineOf(_ offset: Int, in turn: Turn, text: TextBuffer) -> Int {
    let bytes = text.bytes(in: turn.span.lowerBound..<min(offset, turn.span.upperBound))
    return bytes.withUnsafeBufferPointer { turn.lines.lowerBound + LineScanner.breakCount($0) }
  }
}

extension Range where Bound == Int {
  func shifted(_ d: Int) -> Range<Int> { (lowerBound + d)..<(upperBound + d) }
}

extension Turn {
  mutating func shift(bytes d: Int, lines l: Int) {
    label = label?.shifted(d)
    body = body.shifted(d)
    span = span.shifted(d)
    lines = (lines.lowerBound + l)..<(lines.upperBound + l)
  }
}

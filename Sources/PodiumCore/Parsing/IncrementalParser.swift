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
      let raw = TurnBuilder.build(
        newSide.classified, p: p, base: ctxStart, from: newSide.firstLine, to: newSide.endLine,
        allowOpening: false)
      let lineShift = turns[first].lines.lowerBound - newSide.firstLine
      let lineDelta = (newSide.endLine - newSide.firstLine) - (oldSide.endLine - oldSide.firstLine)
      var sameShape = newSide.signature == oldSide.signature && raw.count == last - first + 1
      var windowTurns: [Turn] = []
      if sameShape {
        // The window's turns: same speakers and kinds, new spans.
        for (k, r) in raw.enumerated() {
          let n = first + k
          let o = turns[n]
          let t = TranscriptParser.makeTurn(
            r, index: n, speaker: o.speaker, kind: o.kind, replyTo: o.replyTo,
            lines: newSide.classified.lines, p: p, base: ctxStart, lineOffset: lineShift)
          if t.attribution != o.attribution {
            sameShape = false
            break
          }
          windowTurns.append(t)
        }
      }
      guard sameShape else {
        // A label changed: re-resolve the speakers from the label table.
        return reresolve(
          old, newText: newText, first: first, last: last, raw: raw, oldSide: oldSide,
          newSide: newSide, p: p, ctxStart: ctxStart, delta: delta, lineDelta: lineDelta,
          lineShift: lineShift, oldWinEnd: oldWinEnd)
      }

      var result = old
      result.text = newText
      for (k, t) in windowTurns.enumerated() { result.turns[first + k] = t }
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

  /// The slow path of an edit that changes a label (or makes or removes one) without
  /// changing how the document's other lines read: the label memory decides every weak
  /// label as before, so only the speakers are resolved again, from the label table, and the
  /// findings of the turns whose speaker kind changed are redone. Nil when that cannot be
  /// shown (then the caller parses fully).
  static func reresolve(
    _ old: Transcript, newText: TextBuffer, first: Int, last: Int, raw: [RawTurn],
    oldSide: Window, newSide: Window, p: UnsafeBufferPointer<UInt8>, ctxStart: Int, delta: Int,
    lineDelta: Int, lineShift: Int, oldWinEnd: Int
  ) -> Transcript? {
    guard let table = old.context.labels, table.starts.count == old.turns.count,
      oldSide.tail == newSide.tail, let r0 = raw.first, r0.firstLine == newSide.firstLine,
      !newSide.classified.structuralClasses.contains(where: {
        if case .truncation = $0 { return true } else { return false }
      })
    else { return nil }
    // The label candidates and the memory they teach.
    var counts = table.candidates
    for c in oldSide.candidates {
      guard var e = counts[c.text] else { return nil }
      if c.strength == .strong { e.strong -= 1 } else { e.weak -= 1 }
      guard e.strong >= 0 && e.weak >= 0 else { return nil }
      counts[c.text] = e.strong + e.weak > 0 ? e : nil
    }
    for c in newSide.candidates {
      var e = counts[c.text] ?? LabelTable.Candidate(anatomy: c.anatomy)
      if c.strength == .strong { e.strong += 1 } else { e.weak += 1 }
      counts[c.text] = e
    }
    let probe = LabelTable(starts: [], candidates: counts, principal: table.principal)
    let memory = probe.memory()
    if memory != old.context.memory {
      // Every weak label must be decided as before.
      for (text, e) in counts where e.weak > 0 {
        let c = LabelCandidate(
          range: 0..<0, bodyStart: nil, text: text, anatomy: e.anatomy, strength: .weak)
        if memory.accepts(c) != old.context.memory.accepts(c) { return nil }
      }
    }
    // Speakers, from every turn's start.
    let oldCount = old.turns.count
    let countDelta = raw.count - (last - first + 1)
    var starts: [LabelTable.Start] = []
    starts.reserveCapacity(oldCount + countDelta)
    starts += table.starts[0..<first]
    for r in raw { starts.append(LabelTable.Start(r.start)) }
    starts += table.starts[(last + 1)...]
    var rawAll: [RawTurn] = []
    rawAll.reserveCapacity(starts.count)
    for st in starts {
      guard let r = probe.rawTurn(st) else { return nil }
      rawAll.append(r)
    }
    var resolver = SpeakerResolver(principal: table.principal, labels: rawAll.compactMap(\.label))
    let assigned = SpeakerAssigner.assign(
      rawAll, resolver: &resolver, event: old.header.eventKind)
    guard assigned.unresolved == old.context.unresolved else { return nil }

    var result = old
    result.text = newText
    result.header.principalSpeaker = resolver.principal.map { assigned.entityIDs[$0] }
    if delta != 0, var t = result.header.truncation {
      t.range = t.range.shifted(delta)
      result.header.truncation = t
    }
    let newCount = oldCount + countDelta
    let winEnd = first + raw.count
    var turns: [Turn] = []
    turns.reserveCapacity(newCount)
    for n in 0..<newCount {
      var t: Turn
      if n < first {
        t = old.turns[n]
      } else if n < winEnd {
        t = TranscriptParser.makeTurn(
          raw[n - first], index: n, speaker: "", kind: .statement, replyTo: nil,
          lines: newSide.classified.lines, p: p, base: ctxStart, lineOffset: lineShift)
      } else {
        t = old.turns[n - countDelta]
        t.shift(bytes: delta, lines: lineDelta)
        t.index = n
      }
      t.speaker = assigned.speakers[n]
      t.kind = assigned.kinds[n]
      t.replyTo = assigned.replyTo[n]
      turns.append(t)
    }
    result.turns = turns
    result.speakers = assigned.speakerList

    // Findings: redo the window's, the turn before it and every turn whose speaker kind (or
    // whose next turn's) changed; keep the others.
    var oldKinds: [String: SpeakerKind] = [:]
    for s in old.speakers { oldKinds[s.id] = s.kind }
    var newKinds: [String: SpeakerKind] = [:]
    for s in assigned.speakerList { newKinds[s.id] = s.kind }
    var redo = [Bool](repeating: false, count: newCount)
    for n in max(0, first - 1)..<winEnd { redo[n] = true }
    var outside = 0
    for n in 0..<newCount where n < first || n >= winEnd {
      let o = n < first ? n : n - countDelta
      if newKinds[turns[n].speaker] != oldKinds[old.turns[o].speaker] {
        for m in [n - 1, n] where m >= 0 && !redo[m] {
          redo[m] = true
          outside += 1
        }
      }
    }
    guard outside <= 64 else { return nil }
    let anatomy: (Int) -> LabelAnatomy? = { k in
      k < rawAll.count ? rawAll[k].label?.anatomy : nil
    }
    let detector = FindingsDetector(
      p: p, base: ctxStart, speakers: assigned.speakerList, unresolved: assigned.unresolved)
    let ctxEnd = ctxStart + p.count
    var findings: [Finding] = []
    findings.reserveCapacity(old.findings.count + 8)
    var fi = 0
    let oldFindings = old.findings
    for n in 0..<newCount {
      let inWindow = n >= first && n < winEnd
      if !inWindow {
        let o = n < first ? n : n - countDelta
        let span = old.turns[o].span
        while fi < oldFindings.count && oldFindings[fi].range.lowerBound < span.lowerBound {
          fi += 1
        }
        if !redo[n] {
          while fi < oldFindings.count && oldFindings[fi].range.lowerBound < span.upperBound {
            var f = oldFindings[fi]
            if o > last {
              f.range = f.range.shifted(delta)
              if let r = f.related, r.lowerBound >= oldWinEnd { f.related = r.shifted(delta) }
            }
            findings.append(f)
            fi += 1
          }
          continue
        }
      }
      let t = turns[n]
      if t.span.lowerBound >= ctxStart && t.span.upperBound <= ctxEnd {
        detector.findings(for: n, in: turns, anatomy: anatomy, into: &findings)
      } else {
        let bytes = newText.bytes(in: t.span)
        bytes.withUnsafeBufferPointer { q in
          FindingsDetector(
            p: q, base: t.span.lowerBound, speakers: assigned.speakerList,
            unresolved: assigned.unresolved
          ).findings(for: n, in: turns, anatomy: anatomy, into: &findings)
        }
      }
    }
    // What follows the turns (the truncation finding).
    let lastSpanEnd = old.turns[oldCount - 1].span.upperBound
    while fi < oldFindings.count && oldFindings[fi].range.lowerBound < lastSpanEnd { fi += 1 }
    while fi < oldFindings.count {
      var f = oldFindings[fi]
      f.range = f.range.shifted(delta)
      findings.append(f)
      fi += 1
    }
    result.findings = findings
    result.context.memory = memory
    result.context.labels = LabelTable(
      starts: starts, candidates: counts, principal: table.principal)
    return result
  }

  /// The structural lines of a window, with the classifier's view of the whole context.
  struct Window {
    var classified: ClassifiedLines
    var firstLine: Int
    var endLine: Int
    var signature: [Signature]
    /// The label candidates of the window's lines, accepted or not.
    var candidates: [LabelCandidate] = []
    /// The structural lines after the window.
    var tail: [Signature] = []

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
      for (n, c) in classified.structuralClasses.enumerated() {
        let sig = Signature(c, memory)
        signature.append(sig)
        if classified.structuralLines[n] >= endLine {
          tail.append(sig)
          continue
        }
        switch c {
        case .label(let l), .caption(.some(let l)): candidates.append(l)
        default: break
        }
      }
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

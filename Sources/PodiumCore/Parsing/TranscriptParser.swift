/// Plain text in, `Transcript` out: header, speakers, turns and findings.
public enum TranscriptParser {
  public static func parse(_ string: String) -> Transcript { parse(TextBuffer(string)) }

  public static func parse(_ text: TextBuffer) -> Transcript {
    let bytes = text.allBytes
    return bytes.withUnsafeBufferPointer { p in parse(text, p) }
  }

  static func parse(_ text: TextBuffer, _ p: UnsafeBufferPointer<UInt8>) -> Transcript {
    let lines = LineScanner.lines(p)
    let cache = LabelCache()
    let classifier = LineClassifier(p: p, lines: lines, base: 0, cache: cache)
    let head = HeaderParser.parse(classifier)
    var header = head.header
    var cl = ClassifiedLines(classifier: classifier, from: head.bodyStartLine, to: lines.count)

    // Where the speech ends: a truncation marker, or a trailer after the last label.
    var bodyEnd = lines.count
    if let n = cl.structuralClasses.firstIndex(where: {
      if case .truncation = $0 { return true } else { return false }
    }) {
      let line = cl.structuralLines[n]
      bodyEnd = line
      if case .truncation(let url) = cl.structuralClasses[n] {
        let l = lines[line]
        header.truncation = Truncation(
          range: Bytes.skipSpace(p, l.start, l.end)..<Bytes.trimEnd(p, l.start, l.end),
          continuationURL: url)
      }
    }

    // The label memory: strong labels (and the principal) confirm names and offices.
    var memory = LabelMemory()
    if let principal = head.principal { memory.learn(strong: principal) }
    var candidates: [String: LabelTable.Candidate] = [:]
    for (n, c) in cl.structuralClasses.enumerated() where cl.structuralLines[n] < bodyEnd {
      switch c {
      case .label(let l), .caption(.some(let l)):
        let strong = l.strength == .strong
        var first = false
        if let k = candidates.index(forKey: l.text) {
          if strong {
            first = candidates.values[k].strong == 0
            candidates.values[k].strong += 1
          } else {
            candidates.values[k].weak += 1
          }
        } else {
          first = true
          candidates[l.text] = LabelTable.Candidate(
            anatomy: l.anatomy, strong: strong ? 1 : 0, weak: strong ? 0 : 1)
        }
        if !strong {
          memory.count(weak: l)
        } else if first {
          memory.learn(strong: l.anatomy)
        }
      default: break
      }
    }
    memory.noteLayout(candidates)
    cl.decide(memory)
    bodyEnd = trailerStart(cl, before: bodyEnd)

    let raw = TurnBuilder.build(
      cl, p: p, base: 0, from: head.bodyStartLine, to: bodyEnd,
      allowOpening: head.principal != nil)
    var resolver = SpeakerResolver(principal: head.principal, labels: raw.compactMap(\.label))
    let assigned = SpeakerAssigner.assign(
      raw, resolver: &resolver, event: header.eventKind)
    header.principalSpeaker = resolver.principal.map { assigned.entityIDs[$0] }
    let turns = raw.enumerated().map { n, r in
      makeTurn(
        r, index: n, speaker: assigned.speakers[n], kind: assigned.kinds[n],
        replyTo: assigned.replyTo[n], lines: lines, p: p, base: 0)
    }
    var context = ParseContext(memory: memory, unresolved: assigned.unresolved)
    context.bodyStartLine = head.bodyStartLine
    context.labels = LabelTable(
      starts: raw.map { LabelTable.Start($0.start) }, candidates: candidates,
      principal: head.principal)
    var findings: [Finding] = []
    let detector = FindingsDetector(
      p: p, base: 0, speakers: assigned.speakerList, unresolved: assigned.unresolved,
      cache: cache)
    for n in turns.indices {
      detector.findings(
        for: n, in: turns, anatomy: { k in k < raw.count ? raw[k].label?.anatomy : nil },
        into: &findings)
    }
    if let t = header.truncation {
      findings.append(
        Finding(
          kind: .truncated, range: t.range,
          message: "The transcript is cut off here"
            + (t.continuationURL.map { "; it continues at \($0)" } ?? "")))
    }
    var transcript = Transcript(
      text: text, header: header, speakers: assigned.speakerList, turns: turns,
      findings: findings)
    transcript.context = context
    return transcript
  }

  /// A separator after the last turn start begins the trailer (channel boilerplate).
  static func trailerStart(_ cl: ClassifiedLines, before end: Int) -> Int {
    var lastStructural = -1
    for (n, line) in cl.structuralLines.enumerated() where line < end {
      switch cl.structuralClasses[n] {
      case .label, .caption, .continuation: lastStructural = line
      default: break
      }
    }
    for (n, line) in cl.structuralLines.enumerated() where line > lastStructural && line < end {
      if case .nonSpeech(.separator) = cl.structuralClasses[n] { return line }
    }
    return end
  }

  static func makeTurn(
    _ r: RawTurn, index: Int, speaker: String, kind: TurnKind, replyTo: Int?,
    lines: [LineRecord], p: UnsafeBufferPointer<UInt8>, base: Int, lineOffset: Int = 0
  ) -> Turn {
    let first = lines[r.firstLine]
    let spanEnd = r.endLine < lines.count ? lines[r.endLine].start : lines[lines.count - 1].next
    let label = r.label?.range
    let labelEnd =
      label?.upperBound ?? (Bytes.skipSpace(p, first.start - base, first.end - base) + base)
    let body = (r.bodyStart ?? labelEnd)..<(r.bodyEnd ?? labelEnd)
    let attribution: Attribution
    switch r.start {
    case .label, .caption: attribution = .label
    case .continuation: attribution = .continuation
    case .opening: attribution = .header
    }
    return Turn(
      index: index, speaker: speaker, label: label, body: body,
      lines: (r.firstLine + lineOffset)..<(r.endLine + lineOffset), attribution: attribution,
      kind: kind, replyTo: replyTo, span: first.start..<spanEnd)
  }
}

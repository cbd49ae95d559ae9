/// A turn before its speaker is known: where it starts and what introduces it.
struct RawTurn: Sendable, Equatable {
  enum Start: Sendable, Equatable {
    case label(LabelCandidate)
    /// `>>` without a name.
    case caption
    /// A bare timestamp: the previous speaker goes on.
    case continuation
    /// Opening speech before any label, attributed to the header's principal.
    case opening
  }
  var start: Start
  var firstLine: Int
  /// Exclusive; filled when the next turn opens or the body ends.
  var endLine: Int
  var bodyStart: Int?
  var bodyEnd: Int?

  var label: LabelCandidate? {
    if case .label(let c) = start { return c }
    return nil
  }
}

/// The lines of a body with their classes: `kinds[i]` is 0 blank, 1 text, 2 structural, and
/// structural lines carry their class in `structural` (sorted by line).
struct ClassifiedLines {
  var lines: [LineRecord]
  var kinds: [UInt8]
  var structuralLines: [Int] = []
  var structuralClasses: [LineClass] = []

  static let blank: UInt8 = 0
  static let text: UInt8 = 1
  static let other: UInt8 = 2

  /// Classifies lines `from..<to` (line indices); other lines are left blank.
  init(classifier: LineClassifier, from: Int, to: Int) {
    lines = classifier.lines
    kinds = [UInt8](repeating: 0, count: lines.count)
    var i = from
    while i < to {
      let c = classifier.classify(i)
      switch c {
      case .blank: kinds[i] = Self.blank
      case .text: kinds[i] = Self.text
      default:
        kinds[i] = Self.other
        structuralLines.append(i)
        structuralClasses.append(c)
      }
      i += 1
    }
  }

  /// Weak labels the memory does not confirm become plain text.
  mutating func decide(_ memory: LabelMemory) {
    var keep: [Int] = []
    for (n, c) in structuralClasses.enumerated() {
      if case .label(let l) = c, !memory.accepts(l) {
        kinds[structuralLines[n]] = Self.text
      } else {
        keep.append(n)
      }
    }
    if keep.count != structuralLines.count {
      structuralLines = keep.map { structuralLines[$0] }
      structuralClasses = keep.map { structuralClasses[$0] }
    }
  }
}

/// Groups classified lines into raw turns.
enum TurnBuilder {
  /// Builds the turns of lines `from..<to`. Text before the first turn opens an `opening`
  /// turn when `allowOpening`, else it is nobody's.
  static func build(
    _ cl: ClassifiedLines, p: UnsafeBufferPointer<UInt8>, base: Int, from: Int, to: Int,
    allowOpening: Bool
  ) -> [RawTurn] {
    var turns: [RawTurn] = []
    var cueStart: Int?
    var cursor = cl.structuralLines.firstIndex(where: { $0 >= from }) ?? cl.structuralLines.count
    func open(_ start: RawTurn.Start, at line: Int) {
      if !turns.isEmpty { turns[turns.count - 1].endLine = line }
      turns.append(RawTurn(start: start, firstLine: line, endLine: to))
    }
    func speech(_ s: Int, _ e: Int) {
      guard !turns.isEmpty, s < e else { return }
      if turns[turns.count - 1].bodyStart == nil { turns[turns.count - 1].bodyStart = s }
      turns[turns.count - 1].bodyEnd = e
    }
    func trimmed(_ i: Int) -> (Int, Int) {
      let l = cl.lines[i]
      let s = Bytes.skipSpace(p, l.start - base, l.end - base)
      return (s + base, Bytes.trimEnd(p, s, l.end - base) + base)
    }
    var i = from
    while i < to {
      switch cl.kinds[i] {
      case ClassifiedLines.blank:
        cueStart = nil
      case ClassifiedLines.text:
        cueStart = nil
        if turns.isEmpty && allowOpening { open(.opening, at: i) }
        let (s, e) = trimmed(i)
        speech(s, e)
      default:
        while cursor < cl.structuralLines.count && cl.structuralLines[cursor] < i { cursor += 1 }
        let cls = cl.structuralClasses[cursor]
        switch cls {
        case .label(let c):
          open(.label(c), at: cueStart ?? i)
          cueStart = nil
          if let b = c.bodyStart { speech(b, trimmed(i).1) }
        case .caption(let c):
          cueStart = nil
          if let c {
            open(.label(c), at: i)
            if let b = c.bodyStart { speech(b, trimmed(i).1) }
          } else {
            open(.caption, at: i)
            let (s, e) = trimmed(i)
            let afterMarks = Bytes.skipSpace(p, s - base + 2, e - base) + base
            speech(afterMarks, e)
          }
        case .continuation:
          cueStart = nil
          if !turns.isEmpty { open(.continuation, at: i) }
        case .nonSpeech(let kind):
          if kind == .cueNumber || kind == .cueTiming {
            if cueStart == nil { cueStart = i }
          } else {
            cueStart = nil
          }
        case .truncation, .blank, .text:
          cueStart = nil
        }
      }
      i += 1
    }
    return turns
  }
}

import PodiumTestSupport
import Testing

@testable import PodiumCore

/// Checks every line, a sample of offsets and a sample of positions against the model.
func expectSameAnswers(
  _ text: TextBuffer, _ model: ReferenceText, samples: Int, _ rng: inout SplitMix64,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(text.invariantViolation() == nil, sourceLocation: sourceLocation)
  #expect(text.utf8Count == model.bytes.count, sourceLocation: sourceLocation)
  #expect(text.lineCount == model.lineCount, sourceLocation: sourceLocation)
  let starts = model.lineStarts
  let ends = model.lineEnds
  for line in [-1, model.lineCount, model.lineCount + 3] + Array(0..<min(model.lineCount, 64)) {
    let clamped = min(max(line, 0), model.lineCount - 1)
    #expect(text.lineStart(line) == starts[clamped], sourceLocation: sourceLocation)
    #expect(text.lineEnd(line) == ends[clamped], sourceLocation: sourceLocation)
  }
  let n = model.bytes.count
  for _ in 0..<samples {
    let offset = Int.random(in: -3...(n + 3), using: &rng)
    #expect(
      text.line(containing: offset) == model.line(containing: offset),
      sourceLocation: sourceLocation)
    for encoding in PositionEncoding.allCases {
      let expected = model.position(of: offset, encoding: encoding)
      #expect(
        text.position(of: offset, encoding: encoding) == expected, "\(offset) \(encoding)",
        sourceLocation: sourceLocation)
    }
    let line = Int.random(in: -2...(model.lineCount + 1), using: &rng)
    let character =
      Bool.random(using: &rng)
      ? Int.random(in: -2...40, using: &rng) : Int.random(in: 0...(n + 3), using: &rng)
    let position = TextPosition(line: line, character: character)
    for encoding in PositionEncoding.allCases {
      #expect(
        text.offset(of: position, encoding: encoding)
          == model.offset(of: position, encoding: encoding), "\(position) \(encoding)",
        sourceLocation: sourceLocation)
    }
  }
}

@Test(arguments: 0..<40)
func positionsRoundTripAtCharacterBoundaries(seed: UInt64) {
  var rng = SplitMix64(seed: seed)
  let string = randomText(Int.random(in: 0...(seed < 20 ? 60 : 3000), using: &rng), &rng)
  let text = TextBuffer(string)
  let model = ReferenceText(string)
  #expect(text.allBytes == model.bytes)
  #expect(text.string == string)
  for offset in model.boundaries where seed < 20 || Int.random(in: 0..<20, using: &rng) == 0 {
    for encoding in PositionEncoding.allCases {
      let position = text.position(of: offset, encoding: encoding)
      #expect(position == model.position(of: offset, encoding: encoding))
      #expect(text.offset(of: position, encoding: encoding) == offset, "\(offset) \(encoding)")
    }
  }
  expectSameAnswers(text, model, samples: 200, &rng)
}

/// A random edit: anywhere (even inside a character or a CRLF), of any size, sometimes with
/// invalid UTF-8, sometimes empty, sometimes replacing the whole document.
func randomEdit(_ model: ReferenceText, _ rng: inout SplitMix64) -> (Range<Int>, [UInt8]) {
  let n = model.bytes.count
  var lo = Int.random(in: 0...n, using: &rng)
  var hi = min(n, lo + [0, 0, 1, 2, 5, 40, 3000].randomElement(using: &rng)!)
  var insert = Array(randomText([0, 1, 1, 2, 10, 500].randomElement(using: &rng)!, &rng).utf8)
  switch Int.random(in: 0..<12, using: &rng) {
  case 0:  // insert inside a CRLF, or delete one half of it
    if let crlf = model.breaks.filter({ $0.end - $0.start == 2 }).randomElement(using: &rng) {
      lo = crlf.start + Int.random(in: 0...1, using: &rng)
      hi = lo + Int.random(in: 0...1, using: &rng)
    }
  case 1:  // join a "\r" with a following "\n"
    insert = [0x0D]
    hi = lo
  case 2:
    insert = [0x0A]
    hi = lo
  case 3:  // invalid bytes
    insert = [[0xF0, 0x9F], [0xFF], [0xB8, 0x61], [0xE4]].randomElement(using: &rng)!
  case 4:  // empty edit
    hi = lo
    insert = []
  case 5:  // whole document
    if Int.random(in: 0..<4, using: &rng) == 0 {
      lo = 0
      hi = n
    }
  default: break
  }
  return (lo..<hi, insert)
}

@Test(arguments: 0..<30)
func incrementalEditsMatchTheModel(seed: UInt64) {
  var rng = SplitMix64(seed: 1000 + seed)
  let string = randomText(Int.random(in: 0...(seed < 10 ? 40 : 4000), using: &rng), &rng)
  var text = TextBuffer(string)
  var model = ReferenceText(string)
  var snapshots: [(TextBuffer, [UInt8])] = []
  for step in 0..<150 {
    let (range, insert) = randomEdit(model, &rng)
    if step % 25 == 0 { snapshots.append((text, model.bytes)) }
    text.replace(range, with: insert)
    model.replace(range, with: insert)
    #expect(text.allBytes == model.bytes, "step \(step): \(range) \(insert)")
    #expect(text == TextBuffer(model.bytes))
    if step % 10 == 0 { expectSameAnswers(text, model, samples: 30, &rng) }
  }
  expectSameAnswers(text, model, samples: 200, &rng)
  for (snapshot, bytes) in snapshots {
    #expect(snapshot.allBytes == bytes)
  }
}

@Test(arguments: 0..<3)
func largeDocumentsWithManyChunks(seed: UInt64) {
  var rng = SplitMix64(seed: 7000 + seed)
  var string = ""
  while string.utf8.count < 1_100_000 { string += randomText(200, &rng) }
  var text = TextBuffer(string)
  var model = ReferenceText(string)
  #expect(text.root.leafCount > 250)
  expectSameAnswers(text, model, samples: 100, &rng)
  for step in 0..<200 {
    let (range, insert) = randomEdit(model, &rng)
    text.replace(range, with: insert)
    model.replace(range, with: insert)
    #expect(text.utf8Count == model.bytes.count)
    if step % 50 == 0 { #expect(text.invariantViolation() == nil) }
  }
  #expect(text.allBytes == model.bytes)
  #expect(text == TextBuffer(model.bytes))
  expectSameAnswers(text, model, samples: 100, &rng)
}

/// Offsets where one leaf of the rope ends and the next begins.
func leafBoundaries(_ text: TextBuffer) -> [Int] {
  var result: [Int] = []
  var offset = 0
  text.root.forEachChunk {
    offset += $0.count
    result.append(offset)
  }
  return result.dropLast()
}

@Test(arguments: 0..<6)
func editsAtLeafBoundaries(seed: UInt64) {
  var rng = SplitMix64(seed: 9000 + seed)
  // Many line breaks, so that leaves often end with "\r" or start with "\n".
  var string = ""
  while string.utf8.count < 40_000 {
    string += ["a", "\r", "\n", "\r\n", "é", "🗣"].randomElement(using: &rng)!
  }
  var text = TextBuffer(string)
  var model = ReferenceText(string)
  for step in 0..<300 {
    let boundaries = leafBoundaries(text)
    guard let b = boundaries.randomElement(using: &rng) else { break }
    let lo = b + Int.random(in: -2...1, using: &rng)
    let hi = max(lo, b + Int.random(in: -1...2, using: &rng))
    let insert: [UInt8] = [[], [0x0A], [0x0D], [0x0D, 0x0A], [0x61], [0x9F]].randomElement(
      using: &rng)!
    text.replace(lo..<hi, with: insert)
    model.replace(lo..<hi, with: insert)
    #expect(text.invariantViolation() == nil, "step \(step)")
    #expect(text.lineCount == model.lineCount, "step \(step)")
  }
  #expect(text.allBytes == model.bytes)
  expectSameAnswers(text, model, samples: 300, &rng)
}

@Test(arguments: 0..<4)
func longLinesSpanningManyChunks(seed: UInt64) {
  var rng = SplitMix64(seed: 11_000 + seed)
  var string = ""
  for _ in 0..<3 {
    for _ in 0..<Int.random(in: 1000...6000, using: &rng) {
      string += ["a", "é", "🗣", "中", " "].randomElement(using: &rng)!
    }
    string += ["\n", "\r\n", "\r"].randomElement(using: &rng)!
  }
  var text = TextBuffer(string)
  var model = ReferenceText(string)
  #expect(text.root.leafCount > 3)
  expectSameAnswers(text, model, samples: 300, &rng)
  for _ in 0..<100 {
    let (range, insert) = randomEdit(model, &rng)
    text.replace(range, with: insert)
    model.replace(range, with: insert)
  }
  #expect(text.allBytes == model.bytes)
  expectSameAnswers(text, model, samples: 300, &rng)
}

import PodiumCore
import PodiumTestSupport

/// Timings of the text layer on a 10 MB transcript-like document.
enum TextBenchmarks {
  static func run() {
    var rng = SplitMix64(seed: 0x5EED)
    let text = makeDocument(bytes: 10_000_000, &rng)
    let n = text.utf8Count
    print("text.document: \(n) bytes, \(text.lineCount) lines")

    report("text.build-10MB", iterations: 5) {
      _ = TextBuffer(text.allBytes)
    }

    var edited = text
    let letters = Array("abcdefghij".utf8)
    report("text.replace-1char-10MB", iterations: 10_000) {
      let at = Int.random(in: 0..<(edited.utf8Count - 1), using: &rng)
      let length = Int.random(in: 0...1, using: &rng)
      edited.replace(at..<(at + length), with: CollectionOfOne(letters[at % letters.count]))
    }

    var snapshots: [TextBuffer] = []
    snapshots.reserveCapacity(10_000)
    report("text.snapshot-copy-10MB", iterations: 10_000) {
      snapshots.append(edited)
    }

    let offsets = (0..<10_000).map { _ in Int.random(in: 0...n, using: &rng) }
    var index = 0
    var positions: [TextPosition] = []
    positions.reserveCapacity(offsets.count)
    report("text.offset-to-utf16-10MB", iterations: offsets.count) {
      positions.append(text.position(of: offsets[index], encoding: .utf16))
      index += 1
    }
    index = 0
    var checksum = 0
    report("text.utf16-to-offset-10MB", iterations: positions.count) {
      checksum &+= text.offset(of: positions[index], encoding: .utf16)
      index += 1
    }
    index = 0
    report("text.line-containing-10MB", iterations: offsets.count) {
      checksum &+= text.line(containing: offsets[index])
      index += 1
    }
    if checksum == 42 { print("") }  // keep the results alive
  }

  /// Times `body` once per iteration and prints the median and 99th percentile.
  private static func report(_ name: String, iterations: Int, _ body: () -> Void) {
    let clock = ContinuousClock()
    var samples: [Duration] = []
    samples.reserveCapacity(iterations)
    for _ in 0..<iterations {
      let start = clock.now
      body()
      samples.append(clock.now - start)
    }
    samples.sort()
    let p50 = samples[samples.count / 2]
    let p99 = samples[min(samples.count - 1, samples.count * 99 / 100)]
    print("\(name): p50 \(format(p50)), p99 \(format(p99))")
  }

  /// One decimal place, in ns, µs or ms (integer arithmetic: no libm needed).
  private static func format(_ d: Duration) -> String {
    let ns = d.components.seconds * 1_000_000_000 + d.components.attoseconds / 1_000_000_000
    func tenths(_ value: Int64, _ unit: Int64) -> String {
      let t = (value * 10 + unit / 2) / unit
      return "\(t / 10).\(t % 10)"
    }
    if ns < 1_000 { return "\(ns) ns" }
    if ns < 1_000_000 { return "\(tenths(ns, 1_000)) µs" }
    return "\(tenths(ns, 1_000_000)) ms"
  }

  /// Transcript-like lines: speaker labels, prose with some non-ASCII, CRLF and LF breaks.
  private static func makeDocument(bytes: Int, _ rng: inout SplitMix64) -> TextBuffer {
    let lines = [
      "🗣 | NATO Secretary General: Good afternoon, and welcome to this press conference.",
      "Question [Reuters]: Secretary General, what about the 2% of GDP target for défense?",
      "MARK RUTTE: We agreed to spend more — 中文 translations are available.",
      "Moderator: Next question please, the lady in the third row.",
      "",
    ]
    var out: [UInt8] = []
    out.reserveCapacity(bytes + 200)
    while out.count < bytes {
      out.append(contentsOf: lines.randomElement(using: &rng)!.utf8)
      out.append(contentsOf: Bool.random(using: &rng) ? [0x0D, 0x0A] : [0x0A])
    }
    return TextBuffer(out)
  }
}

import Foundation
import PodiumCore
import PodiumTestSupport

/// Parse throughput on a generated ~10 MB transcript, and the cost of applying one-character
/// edits at random places in it.
enum CoreBenchmarks {
  static let firstNames = [
    "Deborah", "Lili", "Milan", "Jonathan", "Petr", "Andrea", "Iulia", "Thomas", "Yury", "Maria",
    "Sachiyo", "Elizaveta", "Tanja", "Artiom", "Raf", "Sven", "Max", "Alexandra", "Dmytro", "Niels",
  ]
  static let lastNames = [
    "Haynes", "Bayer", "Lelich", "Beale", "Kozlov", "Palasciano", "Sarivan", "Gutschker", "Beliat",
    "Lucrezio", "Sugita", "Fokht", "Komarica", "Besedin", "Sanchez", "Schulze", "Delaney", "Nahmen",
  ]
  static let outlets = [
    "SKY News", "Reuters", "RBC-Ukraine", "BBC", "Moscow Times", "Bloomberg", "Journal TV",
    "Frankfurter Allgemeine Zeitung", "Holod Media", "RAI", "NHK", "Deutsche Welle", "AFP", "ANP",
  ]
  static let sentences = [
    "We have to make sure that Ukraine is in the best possible position when talks start.",
    "Defence spending is already growing, and we need to do more, much more, and faster.",
    "Allies recognise the need to invest much more in our deterrence and defence.",
    "So the message is clear: NATO is delivering for Ukraine, and we will continue to do so.",
    "I will not speculate about what might happen in the negotiations [inaudible] next week.",
    "Industry has taken steps to improve production capacity, but they can do better.",
    "Thank you very much. Secretary General, I have two questions about the Summit.",
  ]

  static func transcript(bytes target: Int) -> String {
    var rng = SplitMix64(seed: 7)
    var out = """
      Press conference

      by NATO Secretary General Mark Rutte following the meetings of NATO Defence Ministers in Brussels

        • 13 Feb. 2025 -
        • Last updated: 14 Feb. 2025 11:33

      (As delivered)

      Good afternoon. \(sentences[0])


      """
    func paragraph(_ n: Int) -> String {
      (0..<n).map { _ in sentences.randomElement(using: &rng)! }.joined(separator: " ")
    }
    var k = 0
    while out.utf8.count < target {
      let name =
        "\(firstNames.randomElement(using: &rng)!) \(lastNames.randomElement(using: &rng)!)"
      let outlet = outlets.randomElement(using: &rng)!
      out += "NATO Acting Spokesperson Allison Hart\nAll right, \(outlet), please.\n\n"
      switch k % 4 {
      case 0: out += "\(name), \(outlet)\n\(paragraph(4))\n\n"
      case 1: out += "\(name) (\(outlet)): \(paragraph(4))\n\n"
      case 2: out += "Question\n\(paragraph(3))\n\n"
      default: out += "\(name)\n\(paragraph(3))\n\n"
      }
      out += "NATO Secretary General Mark Rutte\n\(paragraph(6))\n\n\(paragraph(5))\n\n"
      k += 1
    }
    out +=
      "NATO Acting Spokesperson Allison Hart\nThank you so much. That's all we have time for.\n"
    return out
  }

  static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

  static func run() {
    let text = TextBuffer(transcript(bytes: 10_000_000))
    let mb = Double(text.utf8Count) / 1_000_000
    var best = Double.infinity
    var parsed = TranscriptParser.parse(text)
    for _ in 0..<5 {
      let t0 = now()
      parsed = TranscriptParser.parse(text)
      best = min(best, Double(now() - t0) / 1e9)
    }
    if ProcessInfo.processInfo.environment["PODIUM_CORE_PARSE_ONLY"] != nil {
      for _ in 0..<10 { parsed = TranscriptParser.parse(text) }
      return
    }
    print(
      "core.parse: \(String(format: "%.1f", mb)) MB, \(parsed.turns.count) turns, "
        + "\(parsed.speakers.count) speakers, best of 5: \(String(format: "%.1f", best * 1000)) ms "
        + "= \(String(format: "%.0f", mb / best)) MB/s")

    // The seed transcripts concatenated to ~10 MB: real label shapes, repeated labels.
    let seedsDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Tests/Fixtures/seeds")
    let seedTexts = ((try? FileManager.default.contentsOfDirectory(atPath: seedsDir.path)) ?? [])
      .sorted().compactMap {
        try? String(contentsOf: seedsDir.appendingPathComponent($0), encoding: .utf8)
      }
      .filter { !$0.contains("Transcript continues") }  // a truncation would end the speech
    if !seedTexts.isEmpty {
      var big = ""
      while big.utf8.count < 10_000_000 { for s in seedTexts { big += s + "\n\n" } }
      let seedBuffer = TextBuffer(big)
      var bestSeeds = Double.infinity
      for _ in 0..<3 {
        let t0 = now()
        _ = TranscriptParser.parse(seedBuffer)
        bestSeeds = min(bestSeeds, Double(now() - t0) / 1e9)
      }
      let smb = Double(seedBuffer.utf8Count) / 1_000_000
      print(
        "core.parse (seeds concatenated): \(String(format: "%.1f", smb)) MB, best of 3: "
          + "\(String(format: "%.1f", bestSeeds * 1000)) ms = \(String(format: "%.0f", smb / bestSeeds)) MB/s"
      )
    }

    var rng = SplitMix64(seed: 99)
    var times: [Double] = []
    var bufferTimes: [Double] = []
    let bytes = text.allBytes
    let letters = Array("abcdefghijklmnopqrstuvwxyz .,:\n".utf8)
    for _ in 0..<400 {
      var at = Int.random(in: 0..<bytes.count, using: &rng)
      while bytes[at] & 0xC0 == 0x80 { at += 1 }
      let edit: TextEdit
      if Bool.random(using: &rng) {
        edit = TextEdit(range: at..<at, replacement: [letters.randomElement(using: &rng)!])
      } else {
        var end = at + 1
        while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        edit = TextEdit(range: at..<end, replacement: [])
      }
      let t0 = now()
      let result = parsed.applying(edit)
      times.append(Double(now() - t0) / 1e6)
      var copy = text
      let t1 = now()
      copy.apply(edit)
      bufferTimes.append(Double(now() - t1) / 1e6)
      precondition(result.turns.count > 0 && copy.utf8Count > 0)
    }
    func pct(_ xs: [Double], _ p: Double) -> Double {
      let s = xs.sorted()
      return s[min(s.count - 1, Int(Double(s.count) * p))]
    }
    // A full parse of this text takes ~100 ms; the window path well under 5 ms, and the
    // speaker re-resolution after a label edit ~10–30 ms.
    let window = times.filter { $0 < 5 }.count
    let full = times.filter { $0 >= 0.4 * best * 1000 }.count
    print(
      "core.applying (1-char edit, \(times.count) random places in \(String(format: "%.1f", mb)) MB): p50 "
        + "\(String(format: "%.3f", pct(times, 0.5))) ms, p90 \(String(format: "%.3f", pct(times, 0.9))) ms, "
        + "p99 \(String(format: "%.3f", pct(times, 0.99))) ms, max \(String(format: "%.3f", times.max() ?? 0)) ms; "
        + "\(window)/\(times.count) under 5 ms (window re-parse), "
        + "\(times.count - window - full) re-resolved speakers (a label changed), "
        + "\(full) fell back to a full parse (≥ 40% of a full parse's time)")
    print(
      "core.textbuffer.apply alone (rope): p50 "
        + "\(String(format: "%.3f", pct(bufferTimes, 0.5))) ms")
  }
}

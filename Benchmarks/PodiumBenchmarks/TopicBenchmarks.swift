import Foundation
import PodiumAnalysis
import PodiumCore

/// Topic tagging throughput on the generated ~10 MB transcript, against parsing it alone.
enum TopicBenchmarks {
  static func run() {
    let text = TextBuffer(CoreBenchmarks.transcript(bytes: 10_000_000))
    let mb = Double(text.utf8Count) / 1_000_000
    let tagger = TopicTagger()
    var parseBest = Double.infinity
    var tagBest = Double.infinity
    var transcript = TranscriptParser.parse(text)
    var topics = tagger.tag(transcript)
    for _ in 0..<5 {
      let t0 = CoreBenchmarks.now()
      transcript = TranscriptParser.parse(text)
      let t1 = CoreBenchmarks.now()
      topics = tagger.tag(transcript)
      let t2 = CoreBenchmarks.now()
      parseBest = min(parseBest, Double(t1 - t0) / 1e9)
      tagBest = min(tagBest, Double(t2 - t1) / 1e9)
    }
    let tags = topics.turns.reduce(0) { $0 + $1.tags.count }
    func f(_ x: Double) -> String { String(format: "%.0f", x) }
    print(
      "topics.tag: \(String(format: "%.1f", mb)) MB, \(transcript.turns.count) turns, \(tags) tags, "
        + "best of 5: parse \(f(parseBest * 1000)) ms = \(f(mb / parseBest)) MB/s, "
        + "tag \(f(tagBest * 1000)) ms = \(f(mb / tagBest)) MB/s, "
        + "tag/parse time \(String(format: "%.2f", tagBest / parseBest))×")
  }
}

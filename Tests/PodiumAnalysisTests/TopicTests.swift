import Foundation
import PodiumAnalysis
import PodiumCore
import Testing

enum Fixtures {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
  static func read(_ relative: String) -> String {
    String(decoding: try! Data(contentsOf: root.appendingPathComponent(relative)), as: UTF8.self)
  }
  static let seedNames: [String] = {
    let dir = root.appendingPathComponent("seeds")
    return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
      .filter { $0.hasSuffix(".txt") }.sorted()
  }()
}

struct GoldScore {
  var truePositives = 0, falsePositives = 0, falseNegatives = 0
  var precision: Double { Double(truePositives) / Double(max(1, truePositives + falsePositives)) }
  var recall: Double { Double(truePositives) / Double(max(1, truePositives + falseNegatives)) }
  var f1: Double { 2 * precision * recall / max(1e-9, precision + recall) }
}

@Suite struct TopicTests {
  @Test func defaultTaxonomyLoads() throws {
    let t = Taxonomy.default
    #expect(t.topics.count > 30)
    for id in [
      "ukraine-war", "peace-talks", "defence-spending", "defence-industry", "deterrence", "nuclear",
      "security-assistance", "nato-enlargement", "burden-sharing", "indo-pacific", "china",
      "north-korea", "iran", "middle-east", "western-balkans", "moldova", "hybrid-threats",
      "summits", "economy", "elections", "health", "climate", "migration", "trade", "technology",
    ] {
      #expect(t.topic(id) != nil, "missing \(id)")
    }
  }

  @Test func invalidTaxonomyIsReported() {
    #expect(throws: TaxonomyError.self) { try TaxonomyText.parse("3 orphan term") }
    #expect(throws: TaxonomyError.self) { try TaxonomyText.parse("@a | A | nope | -\n3 x") }
  }

  @Test func matchesOnWordBoundariesWithVariantsAndEvidence() {
    let text =
      "The DEFENSE-spending rose; Chinatown? No: China’s. Machina. Defence industries grow."
    let tagger = TopicTagger()
    let r = tagger.tag(bytes: Array(text.utf8), base: 100)
    let ids = r.tags.map(\.topic)
    #expect(ids.contains("defence-spending"))
    #expect(ids.contains("defence-industry"))
    #expect(ids.contains("china"))
    let china = r.tags.first { $0.topic == "china" }!
    let bytes = Array(text.utf8)
    let words = china.evidence.map {
      String(decoding: bytes[($0.lowerBound - 100)..<($0.upperBound - 100)], as: UTF8.self)
    }
    #expect(words == ["China"])  // not "Machina", not "Chinatown"
    let spend = r.tags.first { $0.topic == "defence-spending" }!
    #expect(
      spend.evidence.map {
        String(decoding: bytes[($0.lowerBound - 100)..<($0.upperBound - 100)], as: UTF8.self)
      }
      .contains("DEFENSE-spending"))
  }

  @Test func editReusesUnchangedTurnsAndEqualsFreshTagging() {
    let text = Fixtures.read("seeds/" + Fixtures.seedNames[0])
    let old = TranscriptParser.parse(text)
    let tagger = TopicTagger()
    let oldTopics = tagger.tag(old)
    let edited = "Press note.\n" + text.replacingOccurrences(of: "Moldova", with: "Moldovia")
    let new = TranscriptParser.parse(edited)
    #expect(tagger.tag(new, reusing: (old, oldTopics)) == tagger.tag(new))
  }

  /// Precision, recall and F1 of the default taxonomy against `Tests/Fixtures/topics/gold.tsv`.
  @Test func goldSet() throws {
    var gold: [String: [Int: Set<String>]] = [:]
    for line in Fixtures.read("topics/gold.tsv").split(separator: "\n") where !line.hasPrefix("#") {
      let f = line.split(separator: "\t").map(String.init)
      guard f.count == 3 else { continue }
      gold[f[0], default: [:]][Int(f[1])!] =
        f[2] == "-" ? [] : Set(f[2].split(separator: ",").map(String.init))
    }
    var score = GoldScore()
    var perTopic: [String: GoldScore] = [:]
    let tagger = TopicTagger()
    for name in Fixtures.seedNames {
      let seed = String(name.prefix(3))
      let transcript = TranscriptParser.parse(Fixtures.read("seeds/" + name))
      let topics = tagger.tag(transcript)
      let expected = try #require(gold[seed], "no gold for \(seed)")
      #expect(expected.count == transcript.turns.count, "gold of \(seed) must list every turn")
      for turn in topics.turns {
        let got = Set(turn.tags.map(\.topic))
        let want = expected[turn.turn] ?? []
        for t in got.union(want) {
          if got.contains(t) && want.contains(t) {
            score.truePositives += 1
            perTopic[t, default: .init()].truePositives += 1
          } else if got.contains(t) {
            score.falsePositives += 1
            perTopic[t, default: .init()].falsePositives += 1
          } else {
            score.falseNegatives += 1
            perTopic[t, default: .init()].falseNegatives += 1
          }
        }
      }
    }
    func f(_ x: Double) -> String { String(format: "%.3f", x) }
    var report =
      "topics gold set: precision \(f(score.precision)) recall \(f(score.recall)) F1 \(f(score.f1))"
    report += " (tp \(score.truePositives) fp \(score.falsePositives) fn \(score.falseNegatives))\n"
    for (t, s) in perTopic.sorted(by: { $0.key < $1.key }) {
      report +=
        "  \(t): P \(f(s.precision)) R \(f(s.recall)) tp \(s.truePositives) fp \(s.falsePositives) fn \(s.falseNegatives)\n"
    }
    print(report)
    #expect(score.f1 >= 0.78, "\(report)")
  }
}

import PodiumAnalysis
import PodiumJSON

/// Topic tags as JSON: per turn the tags with scores and evidence ranges, and the document's
/// summary (Schemas/annotation.schema.json, `topics`).
enum TopicEncoder {
  static func encode(_ topics: TranscriptTopics, _ ranges: RangeEncoder) -> JSON {
    [
      "summary": .array(
        topics.summary.map { summary in
          [
            "topic": .string(summary.topic), "score": .double(rounded(summary.score)),
            "turns": .array(summary.turns.map { JSON($0) }),
          ]
        }),
      "turns": .array(
        topics.turns.filter { !$0.tags.isEmpty }.map { turn in
          ["turn": JSON(turn.turn), "tags": .array(turn.tags.map { tag($0, ranges) })]
        }),
    ]
  }

  static func tag(_ tag: TopicTag, _ ranges: RangeEncoder) -> JSON {
    [
      "topic": .string(tag.topic), "score": .double(rounded(tag.score)),
      "evidence": .array(tag.evidence.map { ranges.range($0) }),
    ]
  }

  /// Two decimals: scores are sums of small weights, and stable output diffs well.
  static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}

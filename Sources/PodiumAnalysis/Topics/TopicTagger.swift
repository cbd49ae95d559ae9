import PodiumCore

/// A topic assigned to a passage, with the score that earned it and the spans that matched.
public struct TopicTag: Sendable, Equatable {
  public var topic: String
  public var score: Double
  /// Matched spans, UTF-8 byte offsets in the document.
  public var evidence: [Range<Int>]
  public init(topic: String, score: Double, evidence: [Range<Int>]) {
    self.topic = topic
    self.score = score
    self.evidence = evidence
  }
}

public struct ParagraphTopics: Sendable, Equatable {
  public var range: Range<Int>
  public var tags: [TopicTag]
}

public struct TurnTopics: Sendable, Equatable {
  public var turn: Int
  /// Tags of the turn, best first.
  public var tags: [TopicTag]
  public var paragraphs: [ParagraphTopics]
}

/// A topic's weight in a whole document.
public struct TopicSummary: Sendable, Equatable {
  public var topic: String
  public var score: Double
  /// Indices of the turns tagged with it.
  public var turns: [Int]
}

public struct TranscriptTopics: Sendable, Equatable {
  public var turns: [TurnTopics]
  /// Best first.
  public var summary: [TopicSummary]
}

/// Tags turns and paragraphs with one linear pass of the matcher over each turn's body.
public final class TopicTagger: Sendable {
  public let taxonomy: Taxonomy
  let matcher: TopicMatcher

  public init(taxonomy: Taxonomy = .default) {
    self.taxonomy = taxonomy
    self.matcher = TopicMatcher(taxonomy: taxonomy)
  }

  public static let shared = TopicTagger()

  public func tag(_ transcript: Transcript, reusing previous: (Transcript, TranscriptTopics)? = nil)
    -> TranscriptTopics
  {
    // Reuse the tags of a turn whose body bytes are unchanged (shifted to its new offset).
    var cache: [[UInt8]: (start: Int, topics: TurnTopics)] = [:]
    if let (old, oldTopics) = previous {
      for t in oldTopics.turns where t.turn < old.turns.count {
        let body = old.turns[t.turn].body
        cache[old.text.bytes(in: body)] = (body.lowerBound, t)
      }
    }
    var turns: [TurnTopics] = []
    turns.reserveCapacity(transcript.turns.count)
    for turn in transcript.turns {
      let bytes = transcript.text.bytes(in: turn.body)
      if let hit = cache[bytes] {
        turns.append(hit.topics.shifted(by: turn.body.lowerBound - hit.start, turn: turn.index))
      } else {
        turns.append(tag(bytes: bytes, base: turn.body.lowerBound, turn: turn.index))
      }
    }
    return TranscriptTopics(turns: turns, summary: summarise(turns))
  }

  func summarise(_ turns: [TurnTopics]) -> [TopicSummary] {
    var byTopic: [String: TopicSummary] = [:]
    for t in turns {
      for tag in t.tags {
        byTopic[tag.topic, default: .init(topic: tag.topic, score: 0, turns: [])].score += tag.score
        byTopic[tag.topic]!.turns.append(t.turn)
      }
    }
    return byTopic.values.sorted { ($0.score, $1.topic) > ($1.score, $0.topic) }
  }

  /// Tags one passage; `base` is the document offset of `bytes[0]`.
  public func tag(bytes: [UInt8], base: Int, turn: Int = 0) -> TurnTopics {
    let m = matcher
    let topicCount = taxonomy.topics.count
    let threshold = taxonomy.threshold
    var turnScore = [Double](repeating: 0, count: topicCount)
    var turnEvidence: [[Range<Int>]] = Array(repeating: [], count: topicCount)
    var paraScore = [Double](repeating: 0, count: topicCount)
    var paraEvidence: [[Range<Int>]] = Array(repeating: [], count: topicCount)
    var touched: [Int] = []
    var paragraphs: [ParagraphTopics] = []
    var paraStart = 0
    var ring = [Int](repeating: 0, count: 256)
    var pos = 0  // position in the normalised stream
    var lastWasSpace = true
    var state = Int(m.delta[Int(m.classOf[0x20])])  // stream starts with a boundary

    func flushParagraph(end: Int) {
      var tags: [TopicTag] = []
      for t in touched {
        if paraScore[t] >= threshold {
          tags.append(
            .init(topic: taxonomy.topics[t].id, score: paraScore[t], evidence: paraEvidence[t]))
        }
        turnScore[t] += paraScore[t]
        turnEvidence[t] += paraEvidence[t]
        paraScore[t] = 0
        paraEvidence[t] = []
      }
      touched.removeAll(keepingCapacity: true)
      if !tags.isEmpty {
        tags.sort { ($0.score, $1.topic) > ($1.score, $0.topic) }
        paragraphs.append(.init(range: base + paraStart..<base + end, tags: tags))
      }
    }

    // The hot loop works on raw buffers: one table lookup per byte, no bounds checks.
    let classCount = m.classCount
    m.delta.withUnsafeBufferPointer { delta in
      m.classOf.withUnsafeBufferPointer { classOf in
        m.outputStart.withUnsafeBufferPointer { outputStart in
          bytes.withUnsafeBufferPointer { bytes in
            ring.withUnsafeMutableBufferPointer { ring in
              @inline(__always) func emit(_ byte: UInt8, origin: Int) {
                ring[pos & 255] = origin
                state = Int(delta[state &* classCount &+ Int(classOf[Int(byte)])])
                pos &+= 1
                let lo = Int(outputStart[state])
                let hi = Int(outputStart[state &+ 1])
                if lo == hi { return }
                for o in lo..<hi {
                  let out = m.outputs[o]
                  let t = Int(out.topic)
                  let startPos = pos - 1 - Int(out.length)
                  let start = ring[startPos & 255]
                  let end = ring[(pos - 2) & 255] + 1
                  if paraScore[t] == 0 { touched.append(t) }
                  paraScore[t] += out.weight
                  paraEvidence[t].append(base + start..<base + end)
                }
              }

              var i = 0
              let n = bytes.count
              while i < n {
                let b = bytes[i]
                var width = 1
                var f = TextNormaliser.fold(b)
                if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80 {
                  f = 0
                  width = 3
                } else if b == 0xC2, i + 1 < n, bytes[i + 1] == 0xA0 {
                  f = 0
                  width = 2
                }
                if f == 0 {
                  if !lastWasSpace {
                    emit(0x20, origin: i)
                    lastWasSpace = true
                  }
                  if b == UInt8(ascii: "\n") {
                    flushParagraph(end: i)
                    paraStart = i + 1
                  }
                } else {
                  emit(f, origin: i)
                  lastWasSpace = false
                }
                i += width
              }
              if !lastWasSpace { emit(0x20, origin: n) }
            }
          }
        }
      }
    }
    flushParagraph(end: bytes.count)

    var tags: [TopicTag] = []
    for t in 0..<topicCount where turnScore[t] >= threshold {
      tags.append(
        .init(topic: taxonomy.topics[t].id, score: turnScore[t], evidence: turnEvidence[t]))
    }
    tags.sort { ($0.score, $1.topic) > ($1.score, $0.topic) }
    return TurnTopics(turn: turn, tags: tags, paragraphs: paragraphs)
  }
}

extension TurnTopics {
  func shifted(by delta: Int, turn: Int) -> TurnTopics {
    func move(_ tags: [TopicTag]) -> [TopicTag] {
      tags.map {
        TopicTag(
          topic: $0.topic, score: $0.score,
          evidence: $0.evidence.map { $0.lowerBound + delta..<$0.upperBound + delta })
      }
    }
    return TurnTopics(
      turn: turn, tags: move(tags),
      paragraphs: paragraphs.map {
        ParagraphTopics(
          range: $0.range.lowerBound + delta..<$0.range.upperBound + delta, tags: move($0.tags))
      })
  }
}

import PodiumAnalysis
import PodiumCore
import Synchronization

/// A document's topic tags, computed on the first request after an edit (typing does not pay
/// for it) and reused while the document is unchanged. Turns whose body bytes did not change
/// since the last tagging keep their tags without being matched again.
final class TopicsBox: Sendable {
  /// The tags, and the tagger that made them (a new taxonomy means tagging again).
  private let value = Mutex<(tagger: ObjectIdentifier, topics: TranscriptTopics)?>(nil)
  /// The last tagged state of the document before the edit that made this box.
  private let previous: Mutex<(Transcript, TranscriptTopics)?>

  init(previous: (Transcript, TranscriptTopics)? = nil) {
    self.previous = Mutex(previous)
  }

  /// What a successor box may reuse.
  func computed(for transcript: Transcript) -> (Transcript, TranscriptTopics)? {
    if let cached = value.withLock({ $0 }) { return (transcript, cached.topics) }
    return previous.withLock { $0 }
  }

  func get(_ transcript: Transcript, tagger: TopicTagger) -> TranscriptTopics {
    let id = ObjectIdentifier(tagger)
    return value.withLock { cached in
      if let cached, cached.tagger == id { return cached.topics }
      let reuse = previous.withLock { p in
        defer { p = nil }
        return p
      }
      // Tags made with another taxonomy cannot be reused.
      let topics = tagger.tag(transcript, reusing: cached == nil ? reuse : nil)
      cached = (id, topics)
      return topics
    }
  }
}

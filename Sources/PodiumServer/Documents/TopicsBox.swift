import PodiumAnalysis
import PodiumCore
import Synchronization

/// A document's topic tags, computed on the first request after an edit (typing does not pay
/// for it) and reused while the document is unchanged. Turns whose body bytes did not change
/// since the last tagging keep their tags without being matched again.
final class TopicsBox: Sendable {
  private let value = Mutex<TranscriptTopics?>(nil)
  /// The last tagged state of the document before the edit that made this box.
  private let previous: Mutex<(Transcript, TranscriptTopics)?>

  init(previous: (Transcript, TranscriptTopics)? = nil) {
    self.previous = Mutex(previous)
  }

  /// What a successor box may reuse.
  func computed(for transcript: Transcript) -> (Transcript, TranscriptTopics)? {
    if let topics = value.withLock({ $0 }) { return (transcript, topics) }
    return previous.withLock { $0 }
  }

  func get(_ transcript: Transcript) -> TranscriptTopics {
    value.withLock { cached in
      if let cached { return cached }
      let reuse = previous.withLock { p in
        defer { p = nil }
        return p
      }
      let topics = TopicTagger.shared.tag(transcript, reusing: reuse)
      cached = topics
      return topics
    }
  }
}

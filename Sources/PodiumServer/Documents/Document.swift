import PodiumAnalysis
import PodiumCore

/// An open document as the client last described it, with its analysis kept current.
public struct Document: Sendable {
  public var uri: String
  public var languageID: String
  public var version: Int
  public var transcript: Transcript {
    didSet {
      // Most edits keep who speaks in which turn: the index stays valid (this check is O(turns),
      // like the edit itself; rebuilding the index on the next request would cost far more).
      if !TurnIndex.sameShape(oldValue, transcript) { indexBox = TurnIndexBox() }
      topicsBox = TopicsBox(previous: topicsBox.computed(for: oldValue))
    }
  }
  private var indexBox = TurnIndexBox()
  private var topicsBox = TopicsBox()

  public init(uri: String, languageID: String, version: Int, text: TextBuffer) {
    self.uri = uri
    self.languageID = languageID
    self.version = version
    self.transcript = TranscriptParser.parse(text)
  }

  public var text: TextBuffer { transcript.text }

  /// Speaker → turns and question → answers, built on first use after an edit.
  var index: TurnIndex { indexBox.get(transcript) }

  /// Topic tags per turn, built on first use after an edit (or a change of taxonomy).
  func topics(using tagger: TopicTagger) -> TranscriptTopics {
    topicsBox.get(transcript, tagger: tagger)
  }
}

import PodiumAnalysis
import PodiumCore
import PodiumRPC

/// One tag of one turn of an open document: what `podium/topics` and `#topic` search list.
struct TopicPassage {
  var uri: String
  var document: Document
  var turn: Int
  var tag: TopicTag
}

extension Snapshot {
  /// The tags of one turn, tagged on their own (O(turn)): what hover and highlight need right
  /// after an edit, without waiting for the whole document.
  func topics(ofTurn index: Int, in document: Document) -> TurnTopics {
    let body = document.transcript.turns[index].body
    return tagger.tag(bytes: document.text.bytes(in: body), base: body.lowerBound, turn: index)
  }

  /// The tags `accept` keeps, in the documents `uris` (in order), best first.
  func topicPassages(
    in uris: [String], _ cancel: CancellationToken, accept: (TopicTag) -> Bool
  ) throws(ResponseError) -> [TopicPassage] {
    var found: [TopicPassage] = []
    for uri in uris {
      try cancel.checkCancelled()
      guard let document = documents[uri] else { continue }
      let turns = document.transcript.turns.indices
      for turn in topics(document).turns where turns.contains(turn.turn) {
        for tag in turn.tags where accept(tag) {
          found.append(TopicPassage(uri: uri, document: document, turn: turn.turn, tag: tag))
        }
      }
    }
    found.sort { $0.tag.score > $1.tag.score }
    return found
  }
}

extension Sequence where Element: Hashable {
  /// The elements in order, each once.
  func uniqued() -> [Element] {
    var seen = Set<Element>()
    return filter { seen.insert($0).inserted }
  }
}

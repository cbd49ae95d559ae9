import PodiumAnalysis
import PodiumCore
import PodiumJSON
import PodiumRPC

/// `podium/topics`: passages by topic across the open documents, or one document's tags.
/// Params: `{textDocument?: {uri}, topic?: id}`. Result: `{topics: [{id, label, parent}],
/// passages: [{uri, turn, speaker, range, topic, score, evidence}]}`, best first
/// (Schemas/topics-request.schema.json).
enum TopicsRequest {
  static let method = "podium/topics"
  static let limit = 1000

  static func handle(_ snapshot: Snapshot, _ params: Params, _ cancel: CancellationToken)
    throws(ResponseError) -> JSON
  {
    let taxonomy = snapshot.tagger.taxonomy
    let wanted = try params.optionalString("topic")
    if let wanted, taxonomy.topic(wanted) == nil {
      throw .invalidParams("unknown topic \(wanted)")
    }
    let uris: [String]
    if let uri = try params.optionalString("textDocument.uri") {
      uris = [try snapshot.document(uri).uri]
    } else {
      uris = snapshot.documents.documents.keys.sorted()
    }
    var passages: [(score: Double, json: JSON)] = []
    for uri in uris {
      try cancel.checkCancelled()
      guard let document = snapshot.documents[uri] else { continue }
      let ranges = snapshot.ranges(in: document)
      let transcript = document.transcript
      for turn in snapshot.topics(document).turns where transcript.turns.indices.contains(turn.turn)
      {
        for tag in turn.tags where wanted == nil || tag.topic == wanted {
          var passage = TopicEncoder.tag(tag, ranges).objectValue ?? [:]
          passage["uri"] = .string(uri)
          passage["turn"] = JSON(turn.turn)
          passage["speaker"] = .string(transcript.turns[turn.turn].speaker)
          passage["range"] = ranges.range(transcript.turns[turn.turn].body)
          passages.append((tag.score, .object(passage)))
        }
      }
    }
    passages.sort { $0.score > $1.score }
    return [
      "topics": .array(
        taxonomy.topics.map { topic in
          ["id": .string(topic.id), "label": .string(topic.label), "parent": JSON(topic.parent)]
        }),
      "passages": .array(passages.prefix(limit).map(\.json)),
    ]
  }
}

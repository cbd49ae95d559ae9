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
    let passages = try snapshot.topicPassages(in: uris, cancel) {
      wanted == nil || $0.topic == wanted
    }
    .prefix(limit).map { passage in
      let ranges = snapshot.ranges(in: passage.document)
      let turn = passage.document.transcript.turns[passage.turn]
      var json = TopicEncoder.tag(passage.tag, ranges).objectValue ?? [:]
      json["uri"] = .string(passage.uri)
      json["turn"] = JSON(passage.turn)
      json["speaker"] = .string(turn.speaker)
      json["range"] = ranges.range(turn.body)
      return JSON.object(json)
    }
    return [
      "topics": .array(
        taxonomy.topics.map { topic in
          ["id": .string(topic.id), "label": .string(topic.label), "parent": JSON(topic.parent)]
        }),
      "passages": .array(passages),
    ]
  }
}

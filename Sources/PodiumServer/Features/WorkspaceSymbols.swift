import PodiumAnalysis
import PodiumCore
import PodiumJSON
import PodiumRPC

/// `workspace/symbol`: speakers across the open documents, by name or any alias, then across
/// the other transcripts of the workspace index; with a query starting with `#`, passages by
/// topic (`#spending`, `#nuclear`).
enum WorkspaceSymbols {
  static let method = "workspace/symbol"
  static let limit = 500

  static func handle(_ snapshot: Snapshot, _ params: Params, _ cancel: CancellationToken)
    throws(ResponseError) -> JSON
  {
    let query = (try params.optionalString("query") ?? "").lowercased()
    if query.hasPrefix("#") { return try passages(String(query.dropFirst()), snapshot, cancel) }
    var results: [JSON] = []
    for uri in snapshot.documents.documents.keys.sorted() {
      try cancel.checkCancelled()
      guard let document = snapshot.documents[uri] else { continue }
      let transcript = document.transcript
      let ranges = snapshot.ranges(in: document)
      for speaker in transcript.speakers {
        guard
          ([speaker.name] + speaker.aliases).contains(where: { matches(query, $0.lowercased()) }),
          let first = transcript.turns.first(where: { $0.speaker == speaker.id })
        else { continue }
        let detail = [speaker.role, speaker.organization ?? speaker.affiliation].compactMap { $0 }
        results.append([
          "name": .string(speaker.name), "kind": 5,
          "containerName": .string(
            ([transcript.header.title] + [detail.joined(separator: ", ")]).compactMap { $0 }.filter
            { !$0.isEmpty }.joined(separator: " · ")),
          "location": [
            "uri": .string(uri),
            "range": ranges.range(DocumentSymbols.selection(of: first, transcript)),
          ],
        ])
        if results.count >= limit { return .array(results) }
      }
    }
    try cancel.checkCancelled()
    // Transcripts of the workspace that are not open: their first turn, by whole lines.
    let open = snapshot.documents.documents
    let indexed = snapshot.workspace.read { index -> [JSON] in
      var out: [JSON] = []
      for key in index.documents.keys.sorted() where open[key] == nil {
        guard let document = index.documents[key] else { continue }
        for speaker in document.speakers where matches(query, speaker.name.lowercased()) {
          guard let first = speaker.turns.first, out.count + results.count < limit else { continue }
          out.append([
            "name": .string(speaker.name), "kind": 5,
            "containerName": .string(
              [document.title, speaker.outlet].compactMap { $0 }.joined(separator: " · ")),
            "location": ["uri": .string(key), "range": ReferenceEncoder.lines(first.lines)],
          ])
        }
      }
      return out
    }
    return .array(results + indexed)
  }

  /// Turns tagged with a topic whose id or label matches `query`, best first.
  static func passages(_ query: String, _ snapshot: Snapshot, _ cancel: CancellationToken)
    throws(ResponseError) -> JSON
  {
    let taxonomy = snapshot.tagger.taxonomy
    let topics = Dictionary(
      uniqueKeysWithValues: taxonomy.topics.filter {
        matches(query, $0.id.lowercased()) || matches(query, $0.label.lowercased())
      }.map { ($0.id, $0.label) })
    let passages = try snapshot.topicPassages(
      in: snapshot.documents.documents.keys.sorted(), cancel
    ) { topics[$0.topic] != nil }
    return .array(
      passages.prefix(limit).map { passage in
        let transcript = passage.document.transcript
        let turn = transcript.turns[passage.turn]
        return [
          "name": .string(
            "\(topics[passage.tag.topic]!): \(transcript.excerpt(of: turn, words: 8))"),
          "kind": 15, "containerName": .string(transcript.speaker(id: turn.speaker)?.name ?? ""),
          "location": [
            "uri": .string(passage.uri),
            "range": snapshot.ranges(in: passage.document).range(turn.body),
          ],
        ]
      })
  }

  /// Each word of the query starts a word of the candidate ("hart", "al ha", "rutte");
  /// editors filter further on their side.
  static func matches(_ query: String, _ candidate: String) -> Bool {
    let words = candidate.split { !$0.isLetter && !$0.isNumber }
    return query.split(separator: " ").allSatisfy { part in words.contains { $0.hasPrefix(part) } }
  }
}

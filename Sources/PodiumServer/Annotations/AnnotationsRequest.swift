import PodiumCore
import PodiumJSON
import PodiumRPC

/// `podium/annotations` {textDocument: {uri}} → the document's annotation object
/// (Schemas/annotation.schema.json), in the negotiated position encoding.
enum AnnotationsRequest {
  static let method = "podium/annotations"

  static func handle(_ snapshot: Snapshot, _ params: Params, _ cancel: CancellationToken)
    throws(ResponseError) -> JSON
  {
    let document = try snapshot.document(try params.string("textDocument.uri"))
    return AnnotationEncoder.encode(
      document.transcript, uri: document.uri, encoding: snapshot.encoding,
      topics: snapshot.topics(document), references: snapshot.crossReferences(document),
      text: { snapshot.documents[$0]?.text })
  }
}

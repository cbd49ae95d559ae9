import PodiumAnalysis
import PodiumCore
import PodiumJSON
import PodiumRPC

/// `podium/crossReferences`: the cross-references of an open document, within it and to the
/// other transcripts of the workspace. Params: `{textDocument: {uri}, range?, kinds?: [kind]}`.
/// Result: `{uri, references: [{kind, range, target: {uri, range}, score, note}]}`
/// (Schemas/cross-references-request.schema.json).
enum CrossReferencesRequest {
  static let method = "podium/crossReferences"

  static func handle(_ snapshot: Snapshot, _ params: Params, _ cancel: CancellationToken)
    throws(ResponseError) -> JSON
  {
    let document = try snapshot.document(try params.string("textDocument.uri"))
    var range: Range<Int>?
    if params.value("range") != nil {
      let r = try params.range("range")
      let (a, b) = (snapshot.offset(r.start, in: document), snapshot.offset(r.end, in: document))
      range = min(a, b)..<max(a, b)  // a backwards range is read forwards
    }
    var kinds = Set(CrossReferenceKind.allCases)
    if let wanted = params.value("kinds") {
      guard let list = wanted.arrayValue?.map({ $0.stringValue.flatMap(CrossReferenceKind.init) }),
        !list.contains(where: { $0 == nil })
      else {
        throw .invalidParams(
          "kinds must be an array of: "
            + CrossReferenceKind.allCases.map(\.rawValue).joined(separator: ", "))
      }
      kinds = Set(list.compactMap { $0 })
    }
    try cancel.checkCancelled()
    let encoder = snapshot.referenceEncoder(document)
    let references = snapshot.crossReferences(document, in: range).filter {
      kinds.contains($0.kind)
    }
    return [
      "uri": .string(document.uri),
      "references": .array(references.map(encoder.encode)),
    ]
  }
}

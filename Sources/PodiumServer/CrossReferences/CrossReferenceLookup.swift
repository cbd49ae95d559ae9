import PodiumAnalysis
import PodiumCore

extension Snapshot {
  /// The cross-references starting in `range` of an open document (all without a range).
  /// `fresh`: bring the index up to date with the buffer first (O(document) after an edit);
  /// without it, a document edited since it was last indexed gets its own links only — what a
  /// hover right after typing needs, at the cost of the hovered turn.
  func crossReferences(_ document: Document, in range: Range<Int>? = nil, fresh: Bool = true)
    -> [CrossReference]
  {
    if fresh {
      indexOpenDocuments()
      if range == nil { return workspace.links(of: document) }
    }
    guard workspace.isCurrent(document) else {
      return WorkspaceIndex().links(of: document.uri, transcript: document.transcript, in: range)
    }
    return workspace.read {
      $0.links(of: document.uri, transcript: document.transcript, in: range)
    }
  }

  /// Brings the index up to date with every open document as the editor has it (a lookup
  /// each when nothing was edited since).
  func indexOpenDocuments() {
    for open in documents.documents.values { workspace.ensureCurrent(open) }
  }

  /// Encodes references from `document`, with exact ranges in the documents open in the editor.
  func referenceEncoder(_ document: Document) -> ReferenceEncoder {
    let documents = self.documents
    return ReferenceEncoder(
      source: ranges(in: document), sourceURI: document.uri, text: { documents[$0]?.text })
  }
}

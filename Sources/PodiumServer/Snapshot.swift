import PodiumAnalysis
import PodiumCore
import PodiumJSON
import PodiumRPC

/// The state a request is answered from. Handlers are functions of a snapshot and params.
public struct Snapshot: Sendable {
  public var documents: DocumentStore
  public var encoding: PositionEncoding
  public var workspaceFolders: [String]
  public var configuration: ServerConfiguration
  /// The client's `capabilities` from `initialize`.
  public var clientCapabilities: JSON
  /// Tags with the built-in taxonomy and the workspace's additions.
  public var tagger: TopicTagger = .shared
  /// Every transcript of the workspace folders and the open documents, for cross-references.
  var workspace = WorkspaceState()

  func topics(_ document: Document) -> TranscriptTopics { document.topics(using: tagger) }

  /// Whether the client renders Markdown in `feature` (e.g. "hover", "completion.completionItem").
  func acceptsMarkdown(_ path: String, member: String = "contentFormat") -> Bool {
    var node: JSON? = clientCapabilities["textDocument"]
    for key in path.split(separator: ".") { node = node?[String(key)] }
    return node?[member]?.arrayValue?.contains("markdown") ?? false
  }

  func document(_ uri: String) throws(ResponseError) -> Document {
    guard let document = documents[uri] else {
      throw .invalidParams("unknown document \(uri): open it first")
    }
    return document
  }
}

typealias RequestHandler =
  @Sendable (Snapshot, Params, CancellationToken) throws(ResponseError) -> JSON

enum RequestHandlers {
  static let table: [String: RequestHandler] = [
    AnnotationsRequest.method: AnnotationsRequest.handle,
    TopicsRequest.method: TopicsRequest.handle,
    Hover.method: Hover.handle,
    DocumentSymbols.method: DocumentSymbols.handle,
    WorkspaceSymbols.method: WorkspaceSymbols.handle,
    FoldingRanges.method: FoldingRanges.handle,
    SelectionRanges.method: SelectionRanges.handle,
    DocumentHighlight.method: DocumentHighlight.handle,
    Definition.method: Definition.handle,
    References.method: References.handle,
    Diagnostics.method: Diagnostics.handle,
    SemanticTokens.fullMethod: SemanticTokens.full,
    SemanticTokens.deltaMethod: SemanticTokens.delta,
    SemanticTokens.rangeMethod: SemanticTokens.range,
    InlayHints.method: InlayHints.handle,
    CodeLens.method: CodeLens.handle,
    Completion.method: Completion.handle,
    Rename.prepareMethod: Rename.prepare,
    Rename.method: Rename.handle,
    CodeActions.method: CodeActions.handle,
    CrossReferencesRequest.method: CrossReferencesRequest.handle,
    DocumentLinks.method: DocumentLinks.handle,
  ]
}

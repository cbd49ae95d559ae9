import PodiumJSON

/// The editing features of this file's neighbours: their handlers (merged into
/// `RequestHandlers.table`) and what `initialize` advertises for them.
enum EditorFeatures {
  static let handlers: [String: RequestHandler] = [
    SemanticTokens.fullMethod: SemanticTokens.full,
    SemanticTokens.deltaMethod: SemanticTokens.delta,
    SemanticTokens.rangeMethod: SemanticTokens.range,
    InlayHints.method: InlayHints.handle,
    CodeLens.method: CodeLens.handle,
    Completion.method: Completion.handle,
    Rename.prepareMethod: Rename.prepare,
    Rename.method: Rename.handle,
    CodeActions.method: CodeActions.handle,
  ]

  static var capabilities: [(String, JSON)] {
    [
      ("semanticTokensProvider", SemanticTokens.capability),
      ("inlayHintProvider", InlayHints.capability),
      ("codeLensProvider", CodeLens.capability),
      ("completionProvider", Completion.capability),
      ("renameProvider", Rename.capability),
      ("codeActionProvider", CodeActions.capability),
    ]
  }
}

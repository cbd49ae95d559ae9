import PodiumCore
import PodiumJSON

/// What `initialize` answers: only what the server really does.
enum Capabilities {
  static func initializeResult(encoding: PositionEncoding) -> JSON {
    [
      "capabilities": [
        "positionEncoding": .string(encoding.rawValue),
        "textDocumentSync": [
          "openClose": true,
          "change": 2,  // incremental
          "save": ["includeText": false],
        ],
        "hoverProvider": true,
        "documentSymbolProvider": ["label": "Podium"],
        "workspaceSymbolProvider": true,
        "foldingRangeProvider": true,
        "selectionRangeProvider": true,
        "documentHighlightProvider": true,
        "definitionProvider": true,
        "referencesProvider": true,
        "documentLinkProvider": DocumentLinks.capability,
        "diagnosticProvider": [
          "identifier": "podium", "interFileDependencies": false, "workspaceDiagnostics": false,
        ],
        "semanticTokensProvider": SemanticTokens.capability,
        "inlayHintProvider": InlayHints.capability,
        "codeLensProvider": CodeLens.capability,
        "completionProvider": Completion.capability,
        "renameProvider": Rename.capability,
        "codeActionProvider": CodeActions.capability,
        "workspace": [
          "workspaceFolders": ["supported": true, "changeNotifications": true]
        ],
        "experimental": [
          "podium": ["methods": .array(CustomMethods.all.map { .string($0) })]
        ],
      ],
      "serverInfo": ["name": "podium", "version": .string(PodiumVersion.current)],
    ]
  }
}

import Dispatch
import PodiumAnalysis
import PodiumCore
import PodiumJSON
import PodiumRPC

/// The LSP server: lifecycle, document store and the table of handlers.
///
/// All of its state is touched only on the connection's serial worker (see `MessageHandler`),
/// hence `@unchecked Sendable`.
public final class LanguageServer: MessageHandler, @unchecked Sendable {
  enum Phase { case starting, running, shuttingDown }

  private(set) var phase = Phase.starting
  private(set) var encoding = PositionEncoding.utf16
  private(set) var store = DocumentStore()
  private(set) var workspaceFolders: [String] = []
  private(set) var initializationOptions: JSON?
  private(set) var clientInfo: String?
  private(set) var clientCapabilities: JSON = [:]
  private(set) var configuration = ServerConfiguration()
  /// Tags with the built-in taxonomy and the workspace's additions (`WorkspaceTaxonomy`).
  private(set) var tagger = TopicTagger.shared
  /// Documents whose diagnostics changed since they were last pushed.
  private var diagnosticsToPublish = Set<String>()
  /// Every transcript of the workspace folders and the open documents (cross-references).
  let workspace = WorkspaceState()
  /// Indexes the workspace folders' files; nil in single-file mode.
  private var indexer: WorkspaceIndexer?
  /// Numbers progress tokens and registration ids.
  private var serial = 0
  /// The id of the client's registration that watches transcript files, once registered.
  private var transcriptWatch: String?

  public init() {}

  // MARK: MessageHandler

  public func handle(_ request: Request, context: RequestContext) throws(ResponseError) -> JSON {
    switch (phase, request.method) {
    case (.starting, "initialize"):
      return try initialize(Params(request.params))
    case (.starting, _):
      throw .serverNotInitialized
    case (_, "initialize"):
      throw .invalidRequest("initialize may be sent only once")
    case (.shuttingDown, _):
      throw .invalidRequest("the server is shutting down; only exit is accepted")
    case (.running, "shutdown"):
      phase = .shuttingDown
      return .null
    case (.running, let method):
      guard let handler = RequestHandlers.table[method] else { throw .methodNotFound(method) }
      return try handler(snapshot, Params(request.params), context.cancellation)
    }
  }

  public func handle(_ notification: Notification, context: RequestContext) {
    if notification.method == "exit" {
      context.connection.stop(exitCode: phase == .shuttingDown ? 0 : 1)
      return
    }
    // Before initialize, notifications are dropped (LSP: all but exit).
    guard phase == .running else {
      Log.info(
        "dropped \(notification.method): \(phase == .starting ? "not initialized" : "shutting down")"
      )
      return
    }
    do throws(ResponseError) {
      try handleRunning(notification, context: context)
    } catch {
      Log.warning("\(notification.method): \(error.message)")
    }
  }

  /// Pushes diagnostics once a burst of edits is over, not after every keystroke.
  public func idle(context: RequestContext) {
    refreshIndex(context.connection)
    guard !diagnosticsToPublish.isEmpty else { return }
    for uri in diagnosticsToPublish.sorted() { publishDiagnostics(uri, context.connection) }
    diagnosticsToPublish.removeAll()
  }

  public func endOfInput() -> Int32 {
    // Some clients (Eglot) close the pipe after shutdown without sending exit.
    phase == .shuttingDown ? 0 : 1
  }

  // MARK: Lifecycle

  private func initialize(_ params: Params) throws(ResponseError) -> JSON {
    encoding = .negotiate(clientOffers: params.value("capabilities.general.positionEncodings"))
    initializationOptions = params.value("initializationOptions")
    clientCapabilities = params.value("capabilities") ?? [:]
    applyConfiguration(initializationOptions, from: "initializationOptions")
    if let name = try params.optionalString("clientInfo.name") {
      clientInfo = [name, try params.optionalString("clientInfo.version")].compactMap { $0 }
        .joined(separator: " ")
    }
    if let folders = params.value("workspaceFolders")?.arrayValue {
      workspaceFolders = folders.compactMap { $0["uri"]?.stringValue }
    } else if let root = try params.optionalString("rootUri") {
      workspaceFolders = [root]
    }
    phase = .running
    Log.info(
      "initialized for \(clientInfo ?? "an unnamed client"), \(encoding.rawValue) positions, "
        + (workspaceFolders.isEmpty ? "single-file mode" : "folders \(workspaceFolders)"))
    return Capabilities.initializeResult(encoding: encoding)
  }

  private func handleRunning(_ notification: Notification, context: RequestContext)
    throws(ResponseError)
  {
    let params = Params(notification.params)
    switch notification.method {
    case "initialized":
      startIndexing(context.connection)
      watchTaxonomyFiles(context.connection)
      reloadTaxonomy(context.connection)
      pullConfiguration(connection: context.connection)
    case "workspace/didChangeWatchedFiles":
      let changed = (params.value("changes")?.arrayValue ?? []).compactMap {
        $0["uri"]?.stringValue
      }
      if changed.contains(where: { $0.hasSuffix("/" + WorkspaceTaxonomy.fileName) }) {
        reloadTaxonomy(context.connection)
      }
      for change in params.value("changes")?.arrayValue ?? [] {
        guard let uri = change["uri"]?.stringValue else { continue }
        // FileChangeType 3: deleted.
        if change["type"]?.intValue == 3 {
          workspace.remove(uri)
        } else {
          indexer?.fileChanged(uri)
        }
      }
    case "$/setTrace", "textDocument/didSave":
      break
    case "workspace/didChangeConfiguration":
      // Clients that support pulling send null settings and expect us to ask.
      if let settings = params.value("settings"), !settings.isNull, settings != [:] {
        applyConfiguration(settings, from: "didChangeConfiguration", connection: context.connection)
      } else {
        pullConfiguration(connection: context.connection)
      }
    case "textDocument/didOpen":
      let text = try params.string("textDocument.text")
      let document = Document(
        uri: try params.string("textDocument.uri"),
        languageID: try params.optionalString("textDocument.languageId") ?? "transcript",
        version: try params.optionalInt("textDocument.version") ?? 0,
        text: TextBuffer(text))
      store.open(document)
      workspace.opened(document.uri)
      diagnosticsToPublish.insert(document.uri)
    case "textDocument/didChange":
      let changes = try params.array("contentChanges").map { change throws(ResponseError) in
        let change = Params(change)
        let text = try change.string("text")
        guard change.value("range") != nil else { return DocumentStore.Change.full(text) }
        let range = try change.range("range")
        return .replace(start: range.start, end: range.end, text: text)
      }
      let uri = try params.string("textDocument.uri")
      if store.change(
        uri, version: try params.optionalInt("textDocument.version"), changes: changes,
        encoding: encoding)
      {
        diagnosticsToPublish.insert(uri)
      }
    case "textDocument/didClose":
      let uri = try params.string("textDocument.uri")
      store.close(uri)
      workspace.closed(uri)
      // A workspace file is indexed again from disk; anything else leaves the index.
      if let indexer, indexer.covers(uri) {
        indexer.fileChanged(uri)
      } else {
        workspace.remove(uri)
      }
      diagnosticsToPublish.remove(uri)
      if pushesDiagnostics { Diagnostics.clear(uri, connection: context.connection) }
    case "workspace/didChangeWorkspaceFolders":
      let added = params.value("event.added")?.arrayValue ?? []
      let removed = Set(
        (params.value("event.removed")?.arrayValue ?? []).compactMap { $0["uri"]?.stringValue })
      workspaceFolders.removeAll { removed.contains($0) }
      let addedFolders = added.compactMap { $0["uri"]?.stringValue }
      workspaceFolders += addedFolders
      for folder in removed {
        workspace.remove(under: folder.hasSuffix("/") ? folder : folder + "/")
      }
      startIndexing(context.connection, only: addedFolders)
      reloadTaxonomy(context.connection)
    default:
      Log.debug("ignored notification \(notification.method)")
    }
  }

  // MARK: Diagnostics

  /// Push to clients that cannot pull: a client that pulls would otherwise show each twice.
  private var pushesDiagnostics: Bool {
    clientCapabilities["textDocument"]?["diagnostic"] == nil
  }

  private func publishDiagnostics(_ uri: String, _ connection: Connection) {
    guard pushesDiagnostics, let document = store[uri] else { return }
    Diagnostics.publish(document, snapshot, connection: connection)
  }

  // MARK: Topics

  /// Asks the client to report changes to `.podium/topics.json` when it can watch files for us.
  private func watchTaxonomyFiles(_ connection: Connection) {
    guard
      clientCapabilities["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.boolValue
        == true
    else { return }
    let watcher: JSON = ["globPattern": .string("**/" + WorkspaceTaxonomy.fileName)]
    connection.sendRequest(
      "client/registerCapability",
      params: [
        "registrations": [
          [
            "id": "podium-topics", "method": "workspace/didChangeWatchedFiles",
            "registerOptions": ["watchers": [watcher]],
          ]
        ]
      ]
    ) { response in
      if case .failure(let error) = response.result {
        Log.info("the client does not watch .podium/topics.json: \(error.message)")
      }
    }
  }

  /// Builds the tagger from the workspace's taxonomy files and settings; documents tag again
  /// on their next request.
  private func reloadTaxonomy(_ connection: Connection) {
    let loaded = WorkspaceTaxonomy.load(folders: workspaceFolders, setting: configuration.topics)
    WorkspaceTaxonomy.publish(loaded.files, connection: connection)
    if loaded.taxonomy != tagger.taxonomy { tagger = TopicTagger(taxonomy: loaded.taxonomy) }
  }

  // MARK: Workspace index

  /// Scans the workspace folders (or only `only`) and indexes their transcripts in the
  /// background, with progress reports when the client shows them. Single-file mode (no
  /// folders) indexes the open documents only.
  private func startIndexing(_ connection: Connection, only: [String]? = nil) {
    let settings = configuration.workspace
    let all = workspaceFolders.compactMap(TranscriptFile.path(fromURI:))
    guard settings.enabled, !all.isEmpty else {
      indexer = nil
      return
    }
    let files: WorkspaceFiles
    let scope: WorkspaceFiles
    do throws(GlobPattern.SyntaxError) {
      files = try WorkspaceFiles(
        folders: all, include: settings.include, exclude: settings.exclude,
        maximumFileSize: settings.maxFileSize)
      scope = try WorkspaceFiles(
        folders: only?.compactMap(TranscriptFile.path(fromURI:)) ?? all,
        include: settings.include, exclude: settings.exclude, maximumFileSize: settings.maxFileSize)
    } catch {
      Log.warning("workspace: \(error)")
      return
    }
    indexer = WorkspaceIndexer(state: workspace, files: files)
    if only == nil { watchTranscriptFiles(connection, include: settings.include) }
    if only?.isEmpty == true { return }  // folders removed, none added
    let builder = WorkspaceIndexer(state: workspace, files: scope)
    guard clientCapabilities["window"]?["workDoneProgress"]?.boolValue == true else {
      builder.build { _, _, _ in }
      return
    }
    // The build starts now; progress shows once the client has created the token.
    serial += 1
    let progress = IndexProgress(token: .string("podium-index-\(serial)"), connection: connection)
    connection.sendRequest("window/workDoneProgress/create", params: ["token": progress.token]) {
      response in
      if case .success = response.result { progress.accept() }
    }
    builder.build(report: progress.report)
  }

  /// Asks the client to report changes to transcript files when it can watch files for us.
  private func watchTranscriptFiles(_ connection: Connection, include: [String]) {
    guard
      clientCapabilities["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.boolValue
        == true
    else { return }
    let watchers: [JSON] = include.map { pattern in
      ["globPattern": .string(pattern.contains("/") ? pattern : "**/" + pattern)]
    }
    // New patterns replace the old registration.
    if let old = transcriptWatch {
      connection.sendRequest(
        "client/unregisterCapability",
        params: [
          "unregisterations": [["id": .string(old), "method": "workspace/didChangeWatchedFiles"]]
        ]
      ) { _ in }
    }
    serial += 1
    let id = "podium-transcripts-\(serial)"
    transcriptWatch = id
    connection.sendRequest(
      "client/registerCapability",
      params: [
        "registrations": [
          [
            "id": .string(id), "method": "workspace/didChangeWatchedFiles",
            "registerOptions": ["watchers": .array(watchers)],
          ]
        ]
      ]
    ) { response in
      if case .failure(let error) = response.result {
        Log.info("the client does not watch transcript files: \(error.message)")
      }
    }
  }

  /// Brings the index up to date with the open documents edited since it last saw them, on a
  /// background thread (a request that needs it current does it itself first).
  /// Long documents also get their cross-references computed there, and the client is asked
  /// to show its code lenses again (see `CodeLens.computeLimit`).
  private func refreshIndex(_ connection: Connection) {
    let workspace = self.workspace
    let stale = store.documents.values.filter { !workspace.isCurrent($0) }
    guard !stale.isEmpty else { return }
    let refresh =
      clientCapabilities["workspace"]?["codeLens"]?["refreshSupport"]?.boolValue == true
    DispatchQueue.global(qos: .utility).async {
      for document in stale { workspace.ensureCurrent(document) }
      let long = stale.filter { $0.text.utf8Count >= CodeLens.computeLimit }
      for document in long { _ = workspace.links(of: document) }
      if refresh, !long.isEmpty {
        connection.sendRequest("workspace/codeLens/refresh", params: nil) { _ in }
      }
    }
  }

  // MARK: Configuration

  private func applyConfiguration(_ json: JSON?, from source: String, connection: Connection? = nil)
  {
    let (next, problems) = configuration.updated(with: json)
    for problem in problems { Log.warning("\(source): \(problem)") }
    guard next != configuration else { return }
    let topicsChanged = next.topics != configuration.topics
    let filesChanged = next.workspace != configuration.workspace
    configuration = next
    if topicsChanged, let connection { reloadTaxonomy(connection) }
    if filesChanged, phase == .running, let connection {
      workspace.removeFiles()
      startIndexing(connection)
    }
    // Severities may have changed: show every open document's diagnostics again.
    if let connection {
      diagnosticsToPublish.formUnion(store.documents.keys)
      if clientCapabilities["workspace"]?["diagnostics"]?["refreshSupport"]?.boolValue == true {
        connection.sendRequest("workspace/diagnostic/refresh", params: nil) { _ in }
      }
    }
  }

  /// Asks the client for the "podium" section when it supports `workspace/configuration`.
  private func pullConfiguration(connection: Connection) {
    guard clientCapabilities["workspace"]?["configuration"]?.boolValue == true else { return }
    connection.sendRequest("workspace/configuration", params: ["items": [["section": "podium"]]]) {
      [weak self] response in
      guard let self, case .success(let result) = response.result else { return }
      self.applyConfiguration(result[0], from: "workspace/configuration", connection: connection)
    }
  }

  /// What a request handler sees: an immutable view of the current state.
  var snapshot: Snapshot {
    Snapshot(
      documents: store, encoding: encoding, workspaceFolders: workspaceFolders,
      configuration: configuration, clientCapabilities: clientCapabilities, tagger: tagger,
      workspace: workspace)
  }
}

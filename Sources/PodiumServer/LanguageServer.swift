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
      Log.info("dropped \(notification.method): \(phase == .starting ? "not initialized" : "shutting down")")
      return
    }
    do throws(ResponseError) {
      try handleRunning(notification)
    } catch {
      Log.warning("\(notification.method): \(error.message)")
    }
  }

  public func endOfInput() -> Int32 {
    // Some clients (Eglot) close the pipe after shutdown without sending exit.
    phase == .shuttingDown ? 0 : 1
  }

  // MARK: Lifecycle

  private func initialize(_ params: Params) throws(ResponseError) -> JSON {
    encoding = .negotiate(clientOffers: params.value("capabilities.general.positionEncodings"))
    initializationOptions = params.value("initializationOptions")
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

  private func handleRunning(_ notification: Notification) throws(ResponseError) {
    let params = Params(notification.params)
    switch notification.method {
    case "initialized", "$/setTrace", "textDocument/didSave", "workspace/didChangeConfiguration":
      break
    case "textDocument/didOpen":
      let text = try params.string("textDocument.text")
      store.open(
        Document(
          uri: try params.string("textDocument.uri"),
          languageID: try params.optionalString("textDocument.languageId") ?? "transcript",
          version: try params.optionalInt("textDocument.version") ?? 0,
          text: TextBuffer(text)))
    case "textDocument/didChange":
      let changes = try params.array("contentChanges").map { change throws(ResponseError) in
        let change = Params(change)
        let text = try change.string("text")
        guard change.value("range") != nil else { return DocumentStore.Change.full(text) }
        let range = try change.range("range")
        return .replace(start: range.start, end: range.end, text: text)
      }
      store.change(
        try params.string("textDocument.uri"), version: try params.optionalInt("textDocument.version"),
        changes: changes, encoding: encoding)
    case "textDocument/didClose":
      store.close(try params.string("textDocument.uri"))
    case "workspace/didChangeWorkspaceFolders":
      let added = params.value("event.added")?.arrayValue ?? []
      let removed = Set((params.value("event.removed")?.arrayValue ?? []).compactMap { $0["uri"]?.stringValue })
      workspaceFolders.removeAll { removed.contains($0) }
      workspaceFolders += added.compactMap { $0["uri"]?.stringValue }
    default:
      Log.debug("ignored notification \(notification.method)")
    }
  }

  /// What a request handler sees: an immutable view of the current state.
  var snapshot: Snapshot {
    Snapshot(documents: store, encoding: encoding, workspaceFolders: workspaceFolders)
  }
}

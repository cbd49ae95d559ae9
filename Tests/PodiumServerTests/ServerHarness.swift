import PodiumJSON
import PodiumRPC

@testable import PodiumServer

/// Drives a `LanguageServer` in process, the way the connection's worker does.
final class ServerHarness {
  let server = LanguageServer()
  let sink = MemorySink()
  let exitCode = ExitRecorder()
  let connection: Connection
  private var nextID = 1

  init() {
    let recorder = exitCode
    connection = Connection(sink: sink) { code in recorder.record(code) }
  }

  var context: RequestContext { RequestContext(connection: connection) }

  func request(_ method: String, _ params: JSON? = nil) -> Result<JSON, ResponseError> {
    defer { nextID += 1 }
    do throws(ResponseError) {
      return .success(
        try server.handle(
          Request(id: .int(Int64(nextID)), method: method, params: params), context: context))
    } catch {
      return .failure(error)
    }
  }

  func notify(_ method: String, _ params: JSON? = nil) {
    server.handle(Notification(method: method, params: params), context: context)
  }

  @discardableResult
  func initialize(encodings: [String]? = nil, options: JSON? = nil) -> JSON? {
    var capabilities: JSONObject = [:]
    if let encodings {
      capabilities["general"] = ["positionEncodings": .array(encodings.map { .string($0) })]
    }
    var params: JSONObject = [
      "processId": nil, "rootUri": nil, "capabilities": .object(capabilities),
    ]
    if let options { params["initializationOptions"] = options }
    let result = try? request("initialize", .object(params)).get()
    notify("initialized", [:])
    return result
  }

  func open(_ uri: String, _ text: String, version: Int = 1) {
    notify(
      "textDocument/didOpen",
      [
        "textDocument": [
          "uri": .string(uri), "languageId": "transcript", "version": JSON(version),
          "text": .string(text),
        ]
      ])
  }

  func change(_ uri: String, version: Int, _ changes: JSON...) {
    notify(
      "textDocument/didChange",
      [
        "textDocument": ["uri": .string(uri), "version": JSON(version)],
        "contentChanges": .array(changes),
      ])
  }

  func text(_ uri: String) -> String? { server.snapshot.documents[uri]?.text.string }
}

final class ExitRecorder: @unchecked Sendable {
  private(set) var code: Int32?
  func record(_ code: Int32) { self.code = code }
}

func range(_ l1: Int, _ c1: Int, _ l2: Int, _ c2: Int) -> JSON {
  [
    "start": ["line": JSON(l1), "character": JSON(c1)],
    "end": ["line": JSON(l2), "character": JSON(c2)],
  ]
}

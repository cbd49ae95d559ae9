import PodiumJSON
import PodiumRPC
import Synchronization
import Testing

/// Echoes params; "block" waits until released; "fail" throws.
private final class EchoHandler: MessageHandler, @unchecked Sendable {
  let release = Mutex(false)
  let notifications = Mutex<[String]>([])

  func handle(_ request: Request, context: RequestContext) throws(ResponseError) -> JSON {
    switch request.method {
    case "echo": return request.params ?? nil
    case "fail": throw .requestFailed("as asked")
    case "block":
      while !release.withLock({ $0 }) && !context.cancellation.isCancelled {}
      return "unblocked"
    case "exit-now":
      context.connection.stop(exitCode: 0)
      return nil
    default: throw .methodNotFound(request.method)
    }
  }

  func handle(_ notification: Notification, context: RequestContext) {
    notifications.withLock { $0.append(notification.method) }
  }

  func endOfInput() -> Int32 { 7 }
}

private func run(_ input: [[UInt8]?], handler: EchoHandler = EchoHandler()) -> (
  [JSON], Int32
) {
  let sink = MemorySink()
  let connection = Connection(sink: sink)
  let code = connection.run(
    reader: FrameReader(source: ScriptedSource(input)), handler: handler)
  // Read back what was written, in the same framing.
  let reader = FrameReader(source: ScriptedSource([sink.bytes]))
  var out: [JSON] = []
  while case .message(let bytes)? = reader.next() { out.append(try! JSON.parse(bytes)) }
  return (out, code)
}

private func ndjson(_ lines: String...) -> [[UInt8]?] {
  [Array((lines.joined(separator: "\n") + "\n").utf8)]
}

@Suite struct ConnectionTests {
  @Test func answersInTheClientsFramingAndEchoesIDsExactly() {
    let (out, code) = run(
      ndjson(
        #"{"jsonrpc":"2.0","id":"abc","method":"echo","params":[1]}"#,
        #"{"jsonrpc":"2.0","id":-1.5,"method":"echo","params":{}}"#))
    #expect(
      out == [
        ["jsonrpc": "2.0", "id": "abc", "result": [1]],
        ["jsonrpc": "2.0", "id": -1.5, "result": [:]],
      ])
    #expect(code == 7)
  }

  @Test func errorsCarryTheirCodes() {
    let (out, _) = run(
      ndjson(
        #"{"jsonrpc":"2.0","id":1,"method":"fail"}"#,
        #"{"jsonrpc":"2.0","id":2,"method":"nope"}"#,
        #"{"jsonrpc":"2.0","id":3,"method":"echo""#))
    #expect(out.map { $0["error"]?["code"] } == [-32803, -32601, -32700])
    #expect(out[2]["id"] == 3)  // sniffed from the broken text
  }

  @Test func batchesAreAnsweredByAnArray() {
    let (out, _) = run(
      ndjson(
        #"[{"jsonrpc":"2.0","id":1,"method":"echo","params":[1]},{"jsonrpc":"2.0","method":"note"},1]"#,
        "[]",
        #"[{"jsonrpc":"2.0","method":"note"}]"#))
    #expect(out.count == 2)
    #expect(out[0].arrayValue?.count == 2)
    #expect(out[0][1]?["error"]?["code"] == -32600)
    #expect(out[1]["error"]?["code"] == -32600)
  }

  @Test func cancellingAQueuedRequestAnswersRequestCancelled() {
    let handler = EchoHandler()
    // The first request blocks the worker until the cancel for it arrives; the second is
    // cancelled while it waits in the queue.
    let (out, _) = run(
      ndjson(
        #"{"jsonrpc":"2.0","id":1,"method":"block"}"#,
        #"{"jsonrpc":"2.0","id":2,"method":"echo","params":[]}"#,
        #"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":2}}"#,
        #"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}}"#),
      handler: handler)
    #expect(out.map { $0["error"]?["code"] } == [-32800, -32800])
    #expect(handler.notifications.withLock { $0 }.isEmpty)
  }

  @Test func stopIgnoresLaterInput() {
    let (out, code) = run(
      ndjson(
        #"{"jsonrpc":"2.0","id":1,"method":"exit-now"}"#,
        #"{"jsonrpc":"2.0","id":2,"method":"echo","params":[]}"#))
    #expect(code == 0)
    #expect(out.count <= 1)
  }

  @Test func badFramesAreAnsweredWithParseErrors() {
    let good = Framing.contentLength.frame(
      Array(#"{"jsonrpc":"2.0","id":1,"method":"echo","params":[]}"#.utf8))
    let (out, _) = run([Array("Content-Length: x\r\n\r\n{}".utf8) + good])
    #expect(out.first?["error"]?["code"] == -32700)
    #expect(out.last?["result"] == [])
  }
}

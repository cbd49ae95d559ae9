import Dispatch
import PodiumJSON
import Synchronization

/// What handles the messages of a connection. All calls come on one serial worker, in the order
/// the messages arrived, so an implementation needs no locks of its own.
public protocol MessageHandler: AnyObject, Sendable {
  func handle(_ request: Request, context: RequestContext) throws(ResponseError) -> JSON
  func handle(_ notification: Notification, context: RequestContext)
  /// The input ended without an `exit` notification: the process's exit code.
  func endOfInput() -> Int32
  /// Called on the worker when no message is waiting: the time for deferred work (publishing
  /// diagnostics once a burst of edits is over, rather than after every keystroke).
  func idle(context: RequestContext)
}

extension MessageHandler {
  public func idle(context: RequestContext) {}
}

/// What a handler may do besides returning a result.
public struct RequestContext: Sendable {
  public let cancellation: CancellationToken
  public let connection: Connection

  public init(cancellation: CancellationToken = .never, connection: Connection) {
    self.cancellation = cancellation
    self.connection = connection
  }
}

/// One JSON-RPC peer over a byte stream: reads frames on the calling thread, runs handlers on a
/// serial worker, answers in the framing the client chose, and survives any bytes it is sent.
public final class Connection: Sendable {
  private let sink: OutputSink
  private let queue = DispatchQueue(label: "podium.worker")
  private let registry = CancellationRegistry()
  private let framing = Mutex<Framing?>(nil)
  private let stopped = Mutex<Int32?>(nil)
  private let outgoing = Mutex<(next: Int, waiting: [JSON: @Sendable (Response) -> Void])>(
    (1, [:]))
  private let terminate: @Sendable (Int32) -> Void
  /// Messages handed to the worker and not yet processed.
  private let queued = Atomic<Int>(0)

  /// `terminate` runs on the worker once `stop(exitCode:)` is called (the server exits there).
  public init(sink: OutputSink, terminate: @escaping @Sendable (Int32) -> Void = { _ in }) {
    self.sink = sink
    self.terminate = terminate
  }

  /// Serves until the input ends or a handler stops the connection; returns the exit code.
  public func run(
    reader: FrameReader, handler: MessageHandler
  ) -> Int32 {
    while stopped.withLock({ $0 }) == nil, let event = reader.next() {
      if let detected = reader.framing { framing.withLock { $0 = detected } }
      receive(event, handler: handler)
    }
    queue.sync {}  // let the worker finish what it was given
    if let code = stopped.withLock({ $0 }) { return code }
    return queue.sync { handler.endOfInput() }
  }

  /// Ends the session after the current message; later input is ignored.
  public func stop(exitCode: Int32) {
    stopped.withLock { $0 = $0 ?? exitCode }
    terminate(exitCode)
  }

  public func sendNotification(_ method: String, params: JSON?) {
    var object: JSONObject = ["jsonrpc": "2.0", "method": .string(method)]
    if let params { object["params"] = params }
    write(.object(object))
  }

  /// Sends a request to the client; `onResponse` runs on the worker when the answer comes.
  public func sendRequest(
    _ method: String, params: JSON?, onResponse: @escaping @Sendable (Response) -> Void
  ) {
    let id: JSON = outgoing.withLock { state in
      let id = JSON.string("podium-\(state.next)")
      state.next += 1
      state.waiting[id] = onResponse
      return id
    }
    var object: JSONObject = ["jsonrpc": "2.0", "id": id, "method": .string(method)]
    if let params { object["params"] = params }
    write(.object(object))
  }

  // MARK: Receiving

  private func receive(_ event: FrameEvent, handler: MessageHandler) {
    switch event {
    case .malformed(let problem):
      Log.warning("bad frame: \(problem)")
      enqueue(handler) {
        self.write(Response(id: .null, result: .failure(.parseError(problem))).json)
      }
    case .message(let bytes):
      let json: JSON
      do {
        json = try JSON.parse(bytes)
      } catch {
        let id = RequestIDSniffer.sniff(bytes) ?? .null
        Log.warning("unparsable message (id \(id.serializedString())): \(error)")
        let data: JSON = [
          "line": JSON(error.line), "column": JSON(error.column), "position": JSON(error.position),
        ]
        enqueue(handler) {
          self.write(Response(id: id, result: .failure(.parseError("\(error)", data: data))).json)
        }
        return
      }
      if case .array(let elements) = json {
        guard !elements.isEmpty else {
          enqueue(handler) {
            self.write(
              Response(id: .null, result: .failure(.invalidRequest("empty batch"))).json)
          }
          return
        }
        let messages = elements.map(decode)
        enqueue(handler) {
          let responses = messages.compactMap { self.process($0, handler: handler) }
          if !responses.isEmpty { self.write(.array(responses)) }
        }
      } else {
        let message = decode(json)
        enqueue(handler) {
          if let response = self.process(message, handler: handler) { self.write(response) }
        }
      }
    }
  }

  /// Runs `work` on the worker; when it leaves the queue empty, lets the handler do idle work.
  private func enqueue(_ handler: MessageHandler, _ work: @escaping @Sendable () -> Void) {
    queued.add(1, ordering: .sequentiallyConsistent)
    queue.async {
      work()
      if self.queued.subtract(1, ordering: .sequentiallyConsistent).newValue == 0,
        self.stopped.withLock({ $0 }) == nil
      {
        handler.idle(context: RequestContext(cancellation: .never, connection: self))
      }
    }
  }

  /// Decodes on the reader thread so that cancellations take effect before the worker gets
  /// to the request they cancel.
  private func decode(_ json: JSON) -> Result<Message, InvalidMessage> {
    let message = Result { () throws(InvalidMessage) in try Message.decode(json) }
    switch message {
    case .success(.request(let request)):
      registry.started(request.id)
    case .success(.notification(let notification)) where notification.method == "$/cancelRequest":
      if let id = notification.params?["id"] { registry.cancel(id) }
    default:
      break
    }
    return message
  }

  /// Runs one message on the worker; returns the response to send, if any.
  private func process(_ message: Result<Message, InvalidMessage>, handler: MessageHandler)
    -> JSON?
  {
    if stopped.withLock({ $0 }) != nil { return nil }
    switch message {
    case .failure(let invalid):
      Log.warning("invalid message: \(invalid.error.message)")
      return Response(id: invalid.id, result: .failure(invalid.error)).json
    case .success(.request(let request)):
      let id = request.id
      let token = CancellationToken { [registry] in registry.isCancelled(id) }
      var result: Result<JSON, ResponseError>
      if token.isCancelled {
        result = .failure(.requestCancelled)
      } else {
        do throws(ResponseError) {
          result = .success(
            try handler.handle(
              request, context: RequestContext(cancellation: token, connection: self)))
        } catch {
          result = .failure(error)
        }
      }
      if registry.finished(id) { result = .failure(.requestCancelled) }
      return Response(id: id, result: result).json
    case .success(.notification(let notification)):
      if notification.method != "$/cancelRequest" {
        handler.handle(
          notification, context: RequestContext(cancellation: .never, connection: self))
      }
      return nil
    case .success(.response(let response)):
      let waiting = outgoing.withLock { $0.waiting.removeValue(forKey: response.id) }
      if let waiting {
        waiting(response)
      } else {
        Log.info("response to unknown id \(response.id.serializedString())")
      }
      return nil
    }
  }

  // MARK: Sending

  private func write(_ message: JSON) {
    let framing = self.framing.withLock { $0 } ?? .contentLength
    sink.write(framing.frame(message.serialized()))
  }
}

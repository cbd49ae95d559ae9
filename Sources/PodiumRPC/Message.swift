import PodiumJSON

/// A request: a call that wants an answer. `id` is kept as the client sent it (number or
/// string) so that it is echoed exactly.
public struct Request: Sendable, Equatable {
  public var id: JSON
  public var method: String
  public var params: JSON?

  public init(id: JSON, method: String, params: JSON? = nil) {
    self.id = id
    self.method = method
    self.params = params
  }
}

/// A notification: a call without an id, never answered.
public struct Notification: Sendable, Equatable {
  public var method: String
  public var params: JSON?

  public init(method: String, params: JSON? = nil) {
    self.method = method
    self.params = params
  }
}

/// A response from the other side to a request we sent.
public struct Response: Sendable, Equatable {
  public var id: JSON
  public var result: Result<JSON, ResponseError>

  public init(id: JSON, result: Result<JSON, ResponseError>) {
    self.id = id
    self.result = result
  }

  public var json: JSON {
    var object: JSONObject = ["jsonrpc": "2.0", "id": id]
    switch result {
    case .success(let value): object["result"] = value
    case .failure(let error): object["error"] = error.json
    }
    return .object(object)
  }
}

public enum Message: Sendable, Equatable {
  case request(Request)
  case notification(Notification)
  case response(Response)
}

extension Message {
  /// Reads one JSON-RPC 2.0 message. A value that is not one throws `.invalidRequest`, with the
  /// id when the id itself could be read (so the error can be echoed to it).
  public static func decode(_ json: JSON) throws(InvalidMessage) -> Message {
    guard case .object(let object) = json else {
      throw InvalidMessage(id: .null, error: .invalidRequest("a message must be an object"))
    }
    let id = object["id"]
    // (Not `? $0 : nil` here: JSON is nil-literal expressible, so that `nil` would be JSON null.)
    let validID: JSON? = id.flatMap { isValidID($0) ? Optional.some($0) : Optional.none }
    func invalid(_ detail: String) -> InvalidMessage {
      InvalidMessage(id: validID ?? .null, error: .invalidRequest(detail))
    }
    guard object["jsonrpc"] == "2.0" else { throw invalid("\"jsonrpc\" must be \"2.0\"") }
    if id != nil && validID == nil { throw invalid("\"id\" must be a number, a string or null") }

    if let method = object["method"] {
      guard case .string(let name) = method else { throw invalid("\"method\" must be a string") }
      var params = object["params"]
      switch params {
      case .object?, .array?: break
      // Some clients send "params": null (Eglot on shutdown); treat it as absent.
      case .null?, nil: params = nil
      default: throw invalid("\"params\" must be an object or an array")
      }
      if let validID { return .request(Request(id: validID, method: name, params: params)) }
      return .notification(Notification(method: name, params: params))
    }

    guard let validID else { throw invalid("a message needs a \"method\" or an \"id\"") }
    if let error = object["error"] {
      guard let code = error["code"]?.intValue, let message = error["message"]?.stringValue
      else { throw invalid("\"error\" needs a numeric \"code\" and a string \"message\"") }
      return .response(
        Response(
          id: validID,
          result: .failure(
            ResponseError(
              code: code, message: message,
              data: error["data"]))))
    }
    guard let result = object["result"] else {
      throw invalid("a response needs a \"result\" or an \"error\"")
    }
    return .response(Response(id: validID, result: .success(result)))
  }

  private static func isValidID(_ id: JSON) -> Bool {
    switch id {
    case .int, .double, .string, .null: return true
    default: return false
    }
  }
}

/// A message that is not valid JSON-RPC, with the id to answer (null when unknown).
public struct InvalidMessage: Error, Sendable, Equatable {
  public var id: JSON
  public var error: ResponseError
}

import PodiumJSON

/// The error member of a JSON-RPC response; handlers throw it.
public struct ResponseError: Error, Sendable, Equatable, CustomStringConvertible {
  public var code: Int
  public var message: String
  public var data: JSON?

  public init(code: Int, message: String, data: JSON? = nil) {
    self.code = code
    self.message = message
    self.data = data
  }

  public var json: JSON {
    var object: JSONObject = ["code": .int(Int64(code)), "message": .string(message)]
    if let data { object["data"] = data }
    return .object(object)
  }

  public var description: String { "\(code): \(message)" }
}

/// JSON-RPC 2.0 (§5.1) and LSP error codes.
public enum ErrorCode {
  public static let parseError = -32700
  public static let invalidRequest = -32600
  public static let methodNotFound = -32601
  public static let invalidParams = -32602
  public static let internalError = -32603
  public static let serverNotInitialized = -32002
  public static let unknownErrorCode = -32001
  public static let requestFailed = -32803
  public static let serverCancelled = -32802
  public static let contentModified = -32801
  public static let requestCancelled = -32800
}

extension ResponseError {
  public static func parseError(_ detail: String, data: JSON? = nil) -> ResponseError {
    ResponseError(code: ErrorCode.parseError, message: "Parse error: \(detail)", data: data)
  }
  public static func invalidRequest(_ detail: String) -> ResponseError {
    ResponseError(code: ErrorCode.invalidRequest, message: "Invalid Request: \(detail)")
  }
  public static func methodNotFound(_ method: String) -> ResponseError {
    ResponseError(code: ErrorCode.methodNotFound, message: "Method not found: \(method)")
  }
  public static func invalidParams(_ detail: String) -> ResponseError {
    ResponseError(code: ErrorCode.invalidParams, message: "Invalid params: \(detail)")
  }
  public static func internalError(_ detail: String) -> ResponseError {
    ResponseError(code: ErrorCode.internalError, message: "Internal error: \(detail)")
  }
  public static let serverNotInitialized = ResponseError(
    code: ErrorCode.serverNotInitialized, message: "Server not initialized")
  public static let requestCancelled = ResponseError(
    code: ErrorCode.requestCancelled, message: "Request cancelled")
  public static func contentModified(_ detail: String) -> ResponseError {
    ResponseError(code: ErrorCode.contentModified, message: "Content modified: \(detail)")
  }
  public static func requestFailed(_ detail: String) -> ResponseError {
    ResponseError(code: ErrorCode.requestFailed, message: "Request failed: \(detail)")
  }
}

import PodiumCore
import PodiumJSON
import PodiumRPC

/// Typed access to request parameters: a missing or mistyped member is an `invalidParams`
/// error naming it, never a crash.
struct Params: Sendable {
  let json: JSON?

  init(_ json: JSON?) { self.json = json }

  func value(_ path: String) -> JSON? {
    var current = json
    for key in path.split(separator: ".") { current = current?[String(key)] }
    return current
  }

  /// The member at `path` read by `read`; nil when absent or null; an error naming the member
  /// when it has another type.
  private func typed<T>(_ path: String, _ what: String, _ read: (JSON) -> T?)
    throws(ResponseError) -> T?
  {
    guard let value = value(path), !value.isNull else { return nil }
    guard let typed = read(value) else {
      throw .invalidParams("\"\(path)\" must be \(what), not \(value.typeName)")
    }
    return typed
  }

  private func required<T>(_ path: String, _ what: String, _ read: (JSON) -> T?)
    throws(ResponseError) -> T
  {
    guard let value = try typed(path, what, read) else {
      throw .invalidParams("missing \"\(path)\"")
    }
    return value
  }

  func string(_ path: String) throws(ResponseError) -> String {
    try required(path, "a string", \.stringValue)
  }

  func optionalString(_ path: String) throws(ResponseError) -> String? {
    try typed(path, "a string", \.stringValue)
  }

  func int(_ path: String) throws(ResponseError) -> Int {
    try required(path, "an integer", \.intValue)
  }

  func optionalInt(_ path: String) throws(ResponseError) -> Int? {
    try typed(path, "an integer", \.intValue)
  }

  func array(_ path: String) throws(ResponseError) -> [JSON] {
    try required(path, "an array", \.arrayValue)
  }

  func position(_ path: String) throws(ResponseError) -> TextPosition {
    let line = try int("\(path).line")
    let character = try int("\(path).character")
    return TextPosition(line: line, character: character)
  }

  func range(_ path: String) throws(ResponseError) -> (start: TextPosition, end: TextPosition) {
    (try position("\(path).start"), try position("\(path).end"))
  }
}

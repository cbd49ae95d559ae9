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

  func string(_ path: String) throws(ResponseError) -> String {
    guard let value = value(path) else { throw .invalidParams("missing \"\(path)\"") }
    guard let string = value.stringValue else {
      throw .invalidParams("\"\(path)\" must be a string, not \(value.typeName)")
    }
    return string
  }

  func optionalString(_ path: String) throws(ResponseError) -> String? {
    guard let value = value(path), !value.isNull else { return nil }
    guard let string = value.stringValue else {
      throw .invalidParams("\"\(path)\" must be a string, not \(value.typeName)")
    }
    return string
  }

  func int(_ path: String) throws(ResponseError) -> Int {
    guard let value = value(path) else { throw .invalidParams("missing \"\(path)\"") }
    guard let int = value.intValue else {
      throw .invalidParams("\"\(path)\" must be an integer, not \(value.typeName)")
    }
    return int
  }

  func optionalInt(_ path: String) throws(ResponseError) -> Int? {
    guard let value = value(path), !value.isNull else { return nil }
    guard let int = value.intValue else {
      throw .invalidParams("\"\(path)\" must be an integer, not \(value.typeName)")
    }
    return int
  }

  func array(_ path: String) throws(ResponseError) -> [JSON] {
    guard let value = value(path) else { throw .invalidParams("missing \"\(path)\"") }
    guard let array = value.arrayValue else {
      throw .invalidParams("\"\(path)\" must be an array, not \(value.typeName)")
    }
    return array
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

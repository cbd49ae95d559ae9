import CJansson
import CJanssonShim

/// A failed parse, with jansson's location: `line` is 1-based, `column` counts code points,
/// `position` is the byte offset where parsing stopped.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String
  public var line: Int
  public var column: Int
  public var position: Int

  public init(message: String, line: Int, column: Int, position: Int) {
    self.message = message
    self.line = line
    self.column = column
    self.position = position
  }

  public var description: String {
    "\(message) (line \(line), column \(column), byte \(position))"
  }
}

// The only place in Podium that holds a `json_t *`: trees are built and released here.
extension JSON {
  /// Parses one JSON text (any value at the top level; NUL inside strings allowed).
  public static func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONParseError) -> JSON {
    var error = json_error_t()
    let flags = Int(JSON_DECODE_ANY) | Int(JSON_ALLOW_NUL)
    guard let root = json_loadb(bytes.baseAddress, bytes.count, flags, &error) else {
      let text = withUnsafePointer(to: &error) { String(cString: podium_json_error_text($0)) }
      throw JSONParseError(
        message: text, line: Int(error.line), column: Int(error.column),
        position: Int(error.position))
    }
    defer { json_decref(root) }
    return JSON(borrowing: root)
  }

  public static func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSON {
    let result: Result<JSON, JSONParseError>? = bytes.withContiguousStorageIfAvailable {
      buffer in
      Result { () throws(JSONParseError) in try parse(UnsafeRawBufferPointer(buffer)) }
    }
    if let result { return try result.get() }
    return try parse(Array(bytes))
  }

  public static func parse(_ text: String) throws(JSONParseError) -> JSON {
    try parse(Array(text.utf8))
  }

  /// The JSON text of this value: compact by default, stable member order.
  public func serialized(pretty: Bool = false) -> [UInt8] {
    let tree = makeTree()
    defer { json_decref(tree) }
    let flags = podium_dump_flags(pretty ? 1 : 0)
    let size = json_dumpb(tree, nil, 0, flags)
    guard size > 0 else { return Array("null".utf8) }
    return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
      count = json_dumpb(tree, buffer.baseAddress, size, flags)
    }
  }

  public func serializedString(pretty: Bool = false) -> String {
    String(decoding: serialized(pretty: pretty), as: UTF8.self)
  }

  /// Reads a jansson tree without taking ownership of it.
  private init(borrowing value: UnsafeMutablePointer<json_t>) {
    switch podium_json_type(value) {
    case Int32(JSON_OBJECT.rawValue):
      let box = ObjectBuilder()
      podium_object_foreach(value, Unmanaged.passUnretained(box).toOpaque()) {
        context, key, length, member in
        let box = Unmanaged<ObjectBuilder>.fromOpaque(context!).takeUnretainedValue()
        let name = String(
          decoding: UnsafeRawBufferPointer(start: key, count: length), as: UTF8.self)
        box.object[name] = JSON(borrowing: member!)
        return 0
      }
      self = .object(box.object)
    case Int32(JSON_ARRAY.rawValue):
      let count = json_array_size(value)
      var elements: [JSON] = []
      elements.reserveCapacity(count)
      for index in 0..<count { elements.append(JSON(borrowing: json_array_get(value, index))) }
      self = .array(elements)
    case Int32(JSON_STRING.rawValue):
      let length = json_string_length(value)
      let start = json_string_value(value)
      self = .string(
        String(decoding: UnsafeRawBufferPointer(start: start, count: length), as: UTF8.self))
    case Int32(JSON_INTEGER.rawValue):
      self = .int(json_integer_value(value))
    case Int32(JSON_REAL.rawValue):
      self = .double(json_real_value(value))
    case Int32(JSON_TRUE.rawValue):
      self = .bool(true)
    case Int32(JSON_FALSE.rawValue):
      self = .bool(false)
    default:
      self = .null
    }
  }

  /// Builds a new jansson tree (a new reference the caller must release).
  private func makeTree() -> UnsafeMutablePointer<json_t> {
    switch self {
    case .null:
      return json_null()
    case .bool(let flag):
      return podium_json_boolean(flag ? 1 : 0)
    case .int(let value):
      return json_integer(value)
    case .double(let value):
      // JSON has no NaN or infinity; jansson refuses them.
      return value.isFinite ? json_real(value) : json_null()
    case .string(let text):
      var text = text
      return text.withUTF8 { json_stringn_nocheck($0.baseAddress, $0.count) }
    case .array(let elements):
      let array = json_array()!
      for element in elements { json_array_append_new(array, element.makeTree()) }
      return array
    case .object(let object):
      let tree = json_object()!
      for (key, value) in object {
        var key = key
        _ = key.withUTF8 {
          json_object_setn_new_nocheck(tree, $0.baseAddress, $0.count, value.makeTree())
        }
      }
      return tree
    }
  }
}

private final class ObjectBuilder {
  var object = JSONObject()
}

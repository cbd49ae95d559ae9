import PodiumJSON

/// Finds the top-level `"id"` of a message that failed to parse, so the parse error can be
/// answered to the request it belonged to ("answered with an error where an id can be known").
/// Only a number or a string that is itself complete is taken.
enum RequestIDSniffer {
  static func sniff(_ bytes: [UInt8]) -> JSON? {
    var depth = 0
    var index = 0
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        depth += 1
        index += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        depth -= 1
        index += 1
      case UInt8(ascii: "\""):
        guard let end = stringEnd(bytes, from: index) else { return nil }
        if depth == 1, Array(bytes[index..<end]) == Array("\"id\"".utf8),
          let value = valueAfterColon(bytes, from: end)
        {
          return value
        }
        index = end
      default:
        index += 1
      }
    }
    return nil
  }

  /// The offset just past the closing quote of the string starting at `from`.
  private static func stringEnd(_ bytes: [UInt8], from: Int) -> Int? {
    var index = from + 1
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: "\\"): index += 2
      case UInt8(ascii: "\""): return index + 1
      default: index += 1
      }
    }
    return nil
  }

  private static func valueAfterColon(_ bytes: [UInt8], from: Int) -> JSON? {
    var index = from
    while index < bytes.count, isSpace(bytes[index]) { index += 1 }
    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
    index += 1
    while index < bytes.count, isSpace(bytes[index]) { index += 1 }
    guard index < bytes.count else { return nil }
    var end = index
    if bytes[index] == UInt8(ascii: "\"") {
      guard let close = stringEnd(bytes, from: index) else { return nil }
      end = close
    } else {
      while end < bytes.count,
        bytes[end] == UInt8(ascii: "-") || bytes[end] == UInt8(ascii: ".")
          || (bytes[end] >= 48 && bytes[end] <= 57) || bytes[end] | 0x20 == UInt8(ascii: "e")
          || bytes[end] == UInt8(ascii: "+")
      {
        end += 1
      }
      // A number cut off by the end of the bytes may be incomplete.
      guard end < bytes.count else { return nil }
    }
    guard let value = try? JSON.parse(bytes[index..<end]) else { return nil }
    switch value {
    case .int, .double, .string: return value
    default: return nil
    }
  }
}

/// How messages are delimited on the stream: LSP's base protocol, or one JSON text a line.
public enum Framing: String, Sendable {
  case contentLength = "content-length"
  case newlineDelimited = "ndjson"

  /// The bytes that carry `body` in this framing.
  public func frame(_ body: [UInt8]) -> [UInt8] {
    switch self {
    case .contentLength:
      var bytes = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
      bytes.reserveCapacity(bytes.count + body.count)
      bytes.append(contentsOf: body)
      return bytes
    case .newlineDelimited:
      // A compact JSON text never contains a raw newline, so one line is one message.
      return body + [0x0A]
    }
  }
}

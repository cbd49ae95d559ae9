import PodiumJSON

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public enum FrameEvent: Sendable, Equatable {
  /// The bytes of one JSON text (or batch), not yet parsed.
  case message([UInt8])
  /// Bytes that are not a frame. The reader has already skipped them and resynchronised; the
  /// connection answers with a parse error (id null) and logs it.
  case malformed(String)
}

/// Splits the input stream into messages, in whichever framing its first byte shows:
/// `{` or `[` → one JSON text a line; anything else → LSP `Content-Length` headers.
///
/// It never gives up on a bad frame: garbage is skipped up to the next `Content-Length` header
/// (a JSON body can never contain an unquoted one), a length that overshoots the body is noticed
/// when the stream stalls, and an over-long line or body is dropped without being buffered.
public final class FrameReader {
  public private(set) var framing: Framing?
  public let maxMessageBytes: Int
  /// Reads that time out in a row before a short body is given up on (each waits `pollMs`).
  public var stallLimit = 20
  public var pollMilliseconds = 100

  private let source: ByteSource
  private var buffer: [UInt8] = []
  private var start = 0
  private var resyncing = false
  private var discardingLine = false
  private var lineScanFrom = 0

  public init(source: ByteSource, maxMessageBytes: Int = 64 << 20, framing: Framing? = nil) {
    self.source = source
    self.maxMessageBytes = maxMessageBytes
    self.framing = framing
  }

  /// The next frame, or nil at the end of the stream.
  public func next() -> FrameEvent? {
    if framing == nil && !detectFraming() { return nil }
    switch framing! {
    case .newlineDelimited: return nextLine()
    case .contentLength: return nextFrame()
    }
  }

  // MARK: Reading

  private var pending: Int { buffer.count - start }

  private func fill() -> ReadResult {
    source.read(into: &buffer, maxCount: 1 << 20, timeoutMilliseconds: pollMilliseconds)
  }

  /// Drops consumed bytes; only called where no position but `start` is held.
  private func compact() {
    guard start > 0, start >= 1 << 16 || start == buffer.count else { return }
    lineScanFrom -= start
    buffer.removeSubrange(0..<start)
    start = 0
  }

  private func detectFraming() -> Bool {
    while true {
      while start < buffer.count, isSpace(buffer[start]) { start += 1 }
      if start < buffer.count {
        let first = buffer[start]
        framing =
          (first == UInt8(ascii: "{") || first == UInt8(ascii: "["))
          ? .newlineDelimited : .contentLength
        lineScanFrom = start
        return true
      }
      compact()
      if fill() == .endOfStream { return false }
    }
  }

  // MARK: Newline-delimited JSON

  private func nextLine() -> FrameEvent? {
    while true {
      compact()
      if let newline = firstIndex(of: 0x0A, from: max(lineScanFrom, start)) {
        var end = newline
        if end > start && buffer[end - 1] == 0x0D { end -= 1 }
        let line = buffer[start..<end]
        start = newline + 1
        lineScanFrom = start
        if discardingLine {
          discardingLine = false
          continue
        }
        if line.allSatisfy(isSpace) { continue }
        if line.count > maxMessageBytes {
          return .malformed("a line longer than the \(maxMessageBytes)-byte message limit")
        }
        return .message(Array(line))
      }
      lineScanFrom = buffer.count
      if discardingLine {
        start = buffer.count
      } else if pending > maxMessageBytes {
        discardingLine = true
        start = buffer.count
        return .malformed("a line longer than the \(maxMessageBytes)-byte message limit")
      }
      if fill() == .endOfStream {
        defer { start = buffer.count }
        let rest = buffer[start...]
        if discardingLine || rest.allSatisfy(isSpace) { return nil }
        return .message(Array(rest))
      }
    }
  }

  // MARK: Content-Length framing

  private func nextFrame() -> FrameEvent? {
    while true {
      compact()
      if resyncing {
        if let header = headerStart(from: start) {
          start = header
          resyncing = false
        } else {
          start = max(start, buffer.count - 16)  // a header may straddle two reads
          if fill() == .endOfStream { return nil }
          continue
        }
      }
      switch readHeaders() {
      case .endOfStream: return nil
      case .blankLine: continue
      case .garbage(let preview):
        resyncing = true
        return .malformed("expected a message header, found \(preview)")
      case .headers(let length):
        switch length {
        case .success(let count): return readBody(count)
        case .failure(let problem):
          resyncing = true  // the body's extent is unknown: skip to the next header
          return .malformed(problem.message)
        }
      }
    }
  }

  private enum HeaderBlock {
    case headers(Result<Int, FrameProblem>)
    case blankLine
    case garbage(String)
    case endOfStream
  }

  private struct FrameProblem: Error { var message: String }

  private func readHeaders() -> HeaderBlock {
    var position = start
    var length: Result<Int, FrameProblem>? = nil
    var sawHeader = false
    while true {
      guard let newline = firstIndex(of: 0x0A, from: position) else {
        if buffer.count - position > 8192 { return .garbage(preview(from: position)) }
        if fill() == .endOfStream {
          if buffer[start...].contains(where: { !isSpace($0) }) {
            Log.warning("input ended inside a message header")
          }
          return .endOfStream
        }
        continue
      }
      var end = newline
      if end > position && buffer[end - 1] == 0x0D { end -= 1 }
      let line = buffer[position..<end]
      let lineStart = position
      position = newline + 1
      if line.isEmpty {
        start = position
        if !sawHeader { return .blankLine }
        return .headers(length ?? .failure(FrameProblem(message: "missing Content-Length header")))
      }
      // A header is `token:`; blanks before the colon are tolerated, as the resynchroniser does.
      var nameEnd = line.firstIndex(of: UInt8(ascii: ":")) ?? line.startIndex
      while nameEnd > line.startIndex, line[nameEnd - 1] == 0x20 || line[nameEnd - 1] == 0x09 {
        nameEnd -= 1
      }
      let name = String(decoding: line[..<nameEnd], as: UTF8.self).lowercased()
      // "xyzContent-Length: 5" is garbage glued to a real header, not a header named "xyz…".
      guard nameEnd > line.startIndex, line[..<nameEnd].allSatisfy(isTokenByte),
        name == "content-length" || !name.hasSuffix("content-length")
      else {
        // Resume the search for a header one byte on, so the same bytes are never retried.
        start = lineStart + 1
        return .garbage(preview(from: lineStart))
      }
      let colon = line.firstIndex(of: UInt8(ascii: ":"))!
      sawHeader = true
      let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingSpaces()
      if name == "content-length" {
        length = parseLength(value)
      } else if name == "content-type", let charset = value.lowercased().split(separator: "=").last,
        value.lowercased().contains("charset"),
        !["utf-8", "utf8"].contains(charset.trimmingSpaces())
      {
        Log.warning("Content-Type charset \(charset) is not supported; reading UTF-8")
      }
    }
  }

  private func parseLength(_ value: String) -> Result<Int, FrameProblem> {
    guard !value.isEmpty, value.utf8.count <= 18, value.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
      let count = Int(value)
    else {
      if value.hasPrefix("-") || value.utf8.count > 18,
        value.dropFirst().utf8.allSatisfy({ $0 >= 48 && $0 <= 57 })
      {
        return .failure(FrameProblem(message: "Content-Length \(value) is out of range"))
      }
      return .failure(FrameProblem(message: "Content-Length \"\(value)\" is not a number"))
    }
    guard count <= maxMessageBytes else {
      return .failure(
        FrameProblem(
          message: "Content-Length \(count) exceeds the \(maxMessageBytes)-byte message limit"))
    }
    return .success(count)
  }

  private func readBody(_ count: Int) -> FrameEvent? {
    var stalls = 0
    while pending < count {
      compact()
      switch fill() {
      case .bytes:
        stalls = 0
      case .timeout:
        stalls += 1
        if stalls == 1, let event = splitAtNextHeader(expected: count, end: buffer.count) {
          return event
        }
        if stalls >= stallLimit { return giveUpShortBody(expected: count) }
      case .endOfStream:
        if let event = splitAtNextHeader(expected: count, end: buffer.count) { return event }
        if let event = wholeBufferIfJSON(expected: count) { return event }
        Log.warning("input ended inside a message body (\(pending) of \(count) bytes)")
        start = buffer.count
        return nil
      }
    }
    if let event = splitAtNextHeader(expected: count, end: start + count) { return event }
    let body = Array(buffer[start..<(start + count)])
    start += count
    return .message(body)
  }

  /// A body with the next frame's header in it (`end` bounds where to look: the body once it
  /// is complete, or everything received when the stream stalls) was mis-measured: the
  /// Content-Length overshot. Take what comes before the header (a JSON text, or a broken body
  /// that will get a parse error) and read the header again, so the next message is not lost.
  private func splitAtNextHeader(expected: Int, end: Int) -> FrameEvent? {
    guard let header = frameBoundary(after: start, before: end) else { return nil }
    Log.warning(
      "Content-Length \(expected) overshoots a \(header - start)-byte body; resynchronised")
    defer { start = header }
    return .message(Array(buffer[start..<header]))
  }

  /// The start of the first `Content-Length: <digits>` line in `(after, before)` that ends in a
  /// raw line break. JSON allows neither unquoted letters nor raw line breaks inside strings, so
  /// such a line can never belong to a message body: it is the next frame's header. Only raw
  /// line feeds are looked at (a scan with memchr), so a compact body costs almost nothing.
  private func frameBoundary(after: Int, before: Int) -> Int? {
    let name = Self.headerName
    return buffer.withUnsafeBufferPointer { bytes -> Int? in
      guard let base = bytes.baseAddress else { return nil }
      var from = after + 1
      let end = min(before + 32, bytes.count)  // the header's line may end past `before`
      while from < end, let found = memchr(base + from, 0x0A, end - from) {
        let newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        from = newline + 1
        var index = newline - 1
        if index > after, bytes[index] == 0x0D { index -= 1 }
        while index > after, bytes[index] == 0x20 || bytes[index] == 0x09 { index -= 1 }
        let digitsEnd = index
        while index > after, bytes[index] >= 48, bytes[index] <= 57 { index -= 1 }
        guard index < digitsEnd else { continue }
        while index > after, bytes[index] == 0x20 || bytes[index] == 0x09 { index -= 1 }
        guard index > after, bytes[index] == UInt8(ascii: ":") else { continue }
        index -= 1
        while index > after, bytes[index] == 0x20 || bytes[index] == 0x09 { index -= 1 }
        let headerStart = index - (name.count - 1)
        guard headerStart > after, headerStart < before else { continue }
        if (0..<name.count).allSatisfy({ bytes[headerStart + $0] | 0x20 == name[$0] }) {
          return headerStart
        }
      }
      return nil
    }
  }

  private func giveUpShortBody(expected: Int) -> FrameEvent {
    if let event = wholeBufferIfJSON(expected: expected) { return event }
    let got = pending
    start = buffer.count
    return .malformed("message body incomplete: \(got) of \(expected) bytes arrived")
  }

  private func wholeBufferIfJSON(expected: Int) -> FrameEvent? {
    guard pending > 0, isJSON(buffer[start...]) else { return nil }
    Log.warning("Content-Length \(expected) overshoots a \(pending)-byte body")
    defer { start = buffer.count }
    return .message(Array(buffer[start...]))
  }

  // MARK: Byte helpers

  private func isJSON(_ bytes: ArraySlice<UInt8>) -> Bool {
    (try? JSON.parse(bytes)) != nil
  }

  private func firstIndex(of byte: UInt8, from: Int) -> Int? {
    guard from < buffer.count else { return nil }
    return buffer[from...].firstIndex(of: byte)
  }

  private static let headerName = Array("content-length".utf8)

  /// The offset of the next `Content-Length:` (any case, spaces before the colon allowed).
  private func headerStart(from: Int) -> Int? {
    let name = Self.headerName
    var index = from
    while index + name.count < buffer.count {
      if buffer[index] | 0x20 == name[0] {
        var matched = 1
        while matched < name.count, buffer[index + matched] | 0x20 == name[matched] {
          matched += 1
        }
        if matched == name.count {
          var after = index + matched
          while after < buffer.count, buffer[after] == 0x20 || buffer[after] == 0x09 { after += 1 }
          if after < buffer.count, buffer[after] == UInt8(ascii: ":") { return index }
        }
      }
      index += 1
    }
    return nil
  }

  private func preview(from: Int) -> String {
    var end = min(buffer.count, from + 40)
    if let lineEnd = buffer[from..<end].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
      end = lineEnd
    }
    let cut = end - from == 40 ? "…" : ""
    return "\"\(String(decoding: buffer[from..<end], as: UTF8.self))\(cut)\""
  }
}

@inline(__always) func isSpace(_ byte: UInt8) -> Bool {
  byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
}

@inline(__always) private func isTokenByte(_ byte: UInt8) -> Bool {
  switch byte {
  case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
    return true
  default: return false
  }
}

extension StringProtocol {
  func trimmingSpaces() -> String {
    let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let first = firstIndex(where: { !isBlank($0) }),
      let last = lastIndex(where: { !isBlank($0) })
    else { return "" }
    return String(self[first...last])
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public enum ReadResult: Sendable, Equatable {
  /// This many bytes were appended.
  case bytes(Int)
  /// Nothing arrived within the timeout; the stream is still open.
  case timeout
  case endOfStream
}

/// Where the reader's bytes come from: stdin in the server, scripted chunks in tests.
public protocol ByteSource: AnyObject {
  /// Appends at most `maxCount` bytes to `buffer`, waiting at most `timeoutMilliseconds`.
  func read(into buffer: inout [UInt8], maxCount: Int, timeoutMilliseconds: Int) -> ReadResult
}

/// Reads a file descriptor with poll(2), so a stalled stream can be noticed.
public final class FileDescriptorSource: ByteSource {
  private let fd: Int32
  private var chunk = [UInt8](repeating: 0, count: 1 << 16)

  public init(fd: Int32) { self.fd = fd }

  public func read(into buffer: inout [UInt8], maxCount: Int, timeoutMilliseconds: Int)
    -> ReadResult
  {
    var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    let ready = poll(&descriptor, 1, Int32(timeoutMilliseconds))
    if ready == 0 { return .timeout }
    if ready < 0 { return errno == EINTR ? .timeout : .endOfStream }
    let wanted = min(maxCount, chunk.count)
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, wanted) }
      if count > 0 {
        buffer.append(contentsOf: chunk[0..<count])
        return .bytes(count)
      }
      if count < 0 && errno == EINTR { continue }
      return .endOfStream
    }
  }
}

/// Scripted input for tests: each element is delivered by one read; `nil` is a stall (timeout).
public final class ScriptedSource: ByteSource {
  private var pieces: [[UInt8]?]

  public init(_ pieces: [[UInt8]?]) { self.pieces = pieces.reversed() }
  public convenience init(_ bytes: [UInt8]) { self.init([bytes]) }

  public func read(into buffer: inout [UInt8], maxCount: Int, timeoutMilliseconds: Int)
    -> ReadResult
  {
    guard let next = pieces.popLast() else { return .endOfStream }
    guard var piece = next else { return .timeout }
    if piece.count > maxCount {
      pieces.append(Array(piece[maxCount...]))
      piece = Array(piece[..<maxCount])
    }
    buffer.append(contentsOf: piece)
    return .bytes(piece.count)
  }
}

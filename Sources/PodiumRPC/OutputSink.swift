import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where framed messages go: the protocol's stdout in the server, an array in tests.
public protocol OutputSink: AnyObject, Sendable {
  func write(_ bytes: [UInt8])
}

/// Writes whole frames to a file descriptor; one frame at a time, never interleaved.
public final class FileDescriptorSink: OutputSink {
  private let fd: Mutex<Int32>

  public init(fd: Int32) { self.fd = Mutex(fd) }

  public func write(_ bytes: [UInt8]) {
    fd.withLock { fd in
      bytes.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
          let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
          if written > 0 {
            offset += written
          } else if written < 0 && errno == EINTR {
            continue
          } else {
            return  // the client is gone; nothing sensible to do with the bytes
          }
        }
      }
    }
  }
}

/// Collects frames in memory (tests).
public final class MemorySink: OutputSink {
  private let storage = Mutex<[UInt8]>([])

  public init() {}

  public func write(_ bytes: [UInt8]) { storage.withLock { $0.append(contentsOf: bytes) } }
  public var bytes: [UInt8] { storage.withLock { $0 } }
}

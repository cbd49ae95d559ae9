import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public enum LogLevel: Int, Sendable, Comparable, CaseIterable {
  case error, warning, info, debug, trace

  public init?(name: String) {
    guard let level = LogLevel.allCases.first(where: { "\($0)" == name.lowercased() }) else {
      return nil
    }
    self = level
  }

  public static func < (a: LogLevel, b: LogLevel) -> Bool { a.rawValue < b.rawValue }
}

/// Logging to stderr, never stdout (stdout carries only protocol bytes).
public enum Log {
  private static let state = Mutex(LogLevel.warning)

  public static var level: LogLevel {
    get { state.withLock { $0 } }
    set { state.withLock { $0 = newValue } }
  }

  public static func error(_ message: @autoclosure () -> String) { write(.error, message) }
  public static func warning(_ message: @autoclosure () -> String) { write(.warning, message) }
  public static func info(_ message: @autoclosure () -> String) { write(.info, message) }
  public static func debug(_ message: @autoclosure () -> String) { write(.debug, message) }

  private static func write(_ level: LogLevel, _ message: () -> String) {
    state.withLock { current in
      guard level <= current else { return }
      let line = Array("podium [\(level)] \(message())\n".utf8)
      line.withUnsafeBytes { _ = Glibc.write(2, $0.baseAddress, $0.count) }
    }
  }
}

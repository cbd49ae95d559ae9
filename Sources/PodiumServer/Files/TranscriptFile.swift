#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Transcript files: reading them, and paths ↔ `file://` URIs.
public enum TranscriptFile {
  public struct ReadError: Error, CustomStringConvertible {
    public var description: String
  }

  /// The file's bytes; refuses what is not text (see `WorkspaceFiles.read`).
  public static func read(_ path: String) throws(ReadError) -> [UInt8] {
    switch WorkspaceFiles.read(path: path, maximumBytes: .max) {
    case .success(let bytes): return bytes
    case .failure(let reason): throw ReadError(description: "\(path): \(reason)")
    }
  }

  /// A `file://` URI for a path, made absolute against the working directory.
  public static func uri(forPath path: String) -> String {
    var absolute = path
    if !path.hasPrefix("/") {
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      if getcwd(&buffer, buffer.count) != nil {
        let cwd = String(
          decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        absolute = cwd + "/" + path
      }
    }
    return "file://" + percentEncoded(normalised(absolute))
  }

  /// The path of a `file://` URI (percent escapes decoded); nil for other schemes.
  public static func path(fromURI uri: String) -> String? {
    guard uri.hasPrefix("file://") else { return nil }
    var bytes: [UInt8] = []
    var rest = Array(uri.utf8.dropFirst("file://".count))
    // "file://host/path": only local paths.
    if let slash = rest.firstIndex(of: UInt8(ascii: "/")) {
      rest = Array(rest[slash...])
    } else {
      return nil
    }
    var index = 0
    while index < rest.count {
      if rest[index] == UInt8(ascii: "%"), index + 2 < rest.count,
        let value = UInt8(
          String(decoding: rest[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
      {
        bytes.append(value)
        index += 3
      } else {
        bytes.append(rest[index])
        index += 1
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Whether a regular file exists at `path`.
  public static func exists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
  }

  private static func normalised(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      switch part {
      case ".": continue
      case "..": _ = parts.popLast()
      default: parts.append(part)
      }
    }
    return "/" + parts.joined(separator: "/")
  }

  private static func percentEncoded(_ path: String) -> String {
    let hex = Array("0123456789ABCDEF".utf8)
    var out: [UInt8] = []
    for byte in path.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
        out.append(byte)
      default:
        out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}

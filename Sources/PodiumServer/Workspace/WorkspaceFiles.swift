import PodiumCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Which files under the workspace folders are transcripts: a walk of the folders (following
/// symlinks, never round a loop) filtered by include and exclude globs and a size limit.
public struct WorkspaceFiles: Sendable {
  public static let defaultInclude = [
    "*.transcript", "*.transcript.txt", "*.vtt", "*.srt", "*.txt",
  ]
  public static let defaultExclude = ["**/.git/**", "**/node_modules/**", "**/.build/**"]
  public static let defaultMaximumFileSize = 50 << 20
  /// Names that say "transcript": kept without looking inside. Other matches (`.txt`) are kept
  /// only when `isTranscriptLike` says so once parsed.
  public static let transcriptSuffixes = [".transcript", ".transcript.txt", ".vtt", ".srt"]

  public enum SkipReason: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(String)
    case tooLarge(size: Int, maximum: Int)
    case binary
    case utf16
    case danglingSymlink
    case symlinkLoop(to: String)
    case alreadyScanned(as: String)
    case notTranscript

    public var description: String {
      switch self {
      case .unreadable(let why): "unreadable: \(why)"
      case .tooLarge(let size, let maximum): "\(size) bytes, larger than the \(maximum) allowed"
      case .binary: "looks binary"
      case .utf16: "UTF-16 text; only UTF-8 is read"
      case .danglingSymlink: "symbolic link to nothing"
      case .symlinkLoop(let target): "symbolic link loop back to \(target)"
      case .alreadyScanned(let path): "already scanned as \(path)"
      case .notTranscript: "does not read as a transcript"
      }
    }
  }

  public struct Skipped: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: SkipReason
    public var description: String { "\(path): \(reason)" }
  }

  public struct Scan: Sendable, Equatable {
    /// Candidate files, sorted by path (byte order).
    public var files: [String] = []
    /// What was left out and why, for the log (excluded, hidden and unmatched files are not).
    public var skipped: [Skipped] = []
  }

  /// Absolute folder paths, normalised.
  public let folders: [String]
  public let include: [GlobPattern]
  public let exclude: [GlobPattern]
  public let maximumFileSize: Int

  public init(
    folders: [String], include: [String] = defaultInclude, exclude: [String] = defaultExclude,
    maximumFileSize: Int = defaultMaximumFileSize
  ) throws(GlobPattern.SyntaxError) {
    self.folders = folders.map(Self.normalised)
    self.include = try include.map(GlobPattern.init)
    self.exclude = try exclude.map(GlobPattern.init)
    self.maximumFileSize = maximumFileSize
  }

  /// Whether a path (from a file event, say) is one the scan would consider: under a folder,
  /// outside hidden folders not included explicitly, included and not excluded. Looks at the
  /// path only, not the disk.
  public func contains(path: String) -> Bool {
    let path = Self.normalised(path)
    return folders.contains { folder in
      let prefix = folder == "/" ? "/" : folder + "/"
      guard path.hasPrefix(prefix) else { return false }
      let segments = GlobPattern.segments(of: String(path.dropFirst(prefix.count)))
      guard !segments.isEmpty else { return false }
      for end in 1..<segments.count where !enters(Array(segments[..<end])) { return false }
      return accepts(segments)
    }
  }

  /// Whether a candidate must be parsed and pass `isTranscriptLike` before it is indexed.
  public static func needsTranscriptCheck(_ path: String) -> Bool {
    !transcriptSuffixes.contains { path.hasSuffix($0) }
  }

  /// Reads and parses a workspace file. With `checking`, a file whose name does not say it is
  /// a transcript (a `.txt`) must also read as one (`.notTranscript` otherwise).
  public static func transcript(at path: String, maximumBytes: Int, checking: Bool = true)
    -> Result<Transcript, SkipReason>
  {
    read(path: path, maximumBytes: maximumBytes).flatMap { bytes in
      let transcript = TranscriptParser.parse(TextBuffer(bytes))
      if checking, needsTranscriptCheck(path), !isTranscriptLike(transcript) {
        return .failure(.notTranscript)
      }
      return .success(transcript)
    }
  }

  /// A labelled turn, or a header with a title and a principal speaker or an event kind.
  public static func isTranscriptLike(_ transcript: Transcript) -> Bool {
    let header = transcript.header
    return transcript.turns.contains { $0.attribution == .label }
      || (header.title != nil && (header.principalSpeaker != nil || header.eventKind != nil))
  }

  /// NUL bytes, a UTF-16 byte-order mark, invalid UTF-8 or more than 10% control characters in
  /// the first 8 KiB. A UTF-8 byte-order mark is text.
  public static func looksBinary(_ bytes: some Collection<UInt8>) -> Bool {
    var head = Array(bytes.prefix(8192))
    if isUTF16(head) || head.contains(0) { return true }
    if bytes.count > head.count {
      // Cut at 8 KiB: drop a character the cut split.
      var start = head.count
      while start > head.count - 3, head[start - 1] & 0xC0 == 0x80 { start -= 1 }
      let lead = head[start - 1]
      let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
      if start - 1 + length > head.count { head.removeSubrange((start - 1)...) }
    }
    guard String(validating: head, as: UTF8.self) != nil else { return true }
    let controls = head.count(where: { ($0 < 0x20 && ![9, 10, 12, 13].contains($0)) || $0 == 0x7F })
    return controls * 10 > head.count
  }

  static func isUTF16(_ bytes: some Collection<UInt8>) -> Bool {
    bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
  }

  /// A file's bytes, refused when it is too large, binary or UTF-16; a UTF-8 byte-order mark is
  /// dropped (editors drop it too, so positions agree).
  public static func read(path: String, maximumBytes: Int) -> Result<[UInt8], SkipReason> {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return .failure(.unreadable(errorText())) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return .failure(.unreadable(errorText())) }
    guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.unreadable("not a file")) }
    guard Int(info.st_size) <= maximumBytes else {
      return .failure(.tooLarge(size: Int(info.st_size), maximum: maximumBytes))
    }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if count == 0 { break }
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(.unreadable(errorText()))
      }
      bytes += chunk[0..<count]
      // The file grew since fstat.
      if bytes.count > maximumBytes {
        return .failure(.tooLarge(size: bytes.count, maximum: maximumBytes))
      }
    }
    if isUTF16(bytes) { return .failure(.utf16) }
    if looksBinary(bytes) { return .failure(.binary) }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    return .success(bytes)
  }

  /// Walks every folder. Entries reached through a symbolic link are taken after all real ones,
  /// so a file is listed under its real path when it has one; a directory seen before (a link
  /// to a parent, or a second way in) is skipped with its reason.
  public func scan() -> Scan {
    var walk = Walk(rules: self)
    for folder in folders { walk.directory(folder, relative: [], identity: nil) }
    while !walk.links.isEmpty {
      let (path, relative) = walk.links.removeFirst()
      walk.link(path, relative: relative)
    }
    walk.scan.files.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    return walk.scan
  }

  private struct FileID: Hashable {
    var device: UInt64
    var inode: UInt64
    init(_ info: stat) {
      device = UInt64(info.st_dev)
      inode = UInt64(info.st_ino)
    }
  }

  private struct Walk {
    let rules: WorkspaceFiles
    var scan = Scan()
    var directories: [FileID: String] = [:]
    var seenFiles: [FileID: String] = [:]
    var links: [(String, [[Unicode.Scalar]])] = []

    mutating func directory(_ path: String, relative: [[Unicode.Scalar]], identity: FileID?) {
      var info = stat()
      if identity == nil, stat(path, &info) != 0 { return skip(path, .unreadable(errorText())) }
      let id = identity ?? FileID(info)
      if let seen = directories[id] {
        let loop = path.hasPrefix(seen == "/" ? "/" : seen + "/")
        return skip(path, loop ? .symlinkLoop(to: seen) : .alreadyScanned(as: seen))
      }
      directories[id] = path
      guard let handle = opendir(path) else { return skip(path, .unreadable(errorText())) }
      var names: [String] = []
      while let entry = readdir(handle) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        if name != ".", name != ".." { names.append(name) }
      }
      closedir(handle)
      for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
        let child = path == "/" ? "/" + name : path + "/" + name
        let childRelative = relative + [Array(name.unicodeScalars)]
        guard lstat(child, &info) == 0 else {
          skip(child, .unreadable(errorText()))
          continue
        }
        switch info.st_mode & S_IFMT {
        case S_IFLNK: links.append((child, childRelative))
        case S_IFDIR:
          if rules.enters(childRelative) {
            directory(child, relative: childRelative, identity: FileID(info))
          }
        case S_IFREG: file(child, relative: childRelative, info: info)
        default: break
        }
      }
    }

    mutating func link(_ path: String, relative: [[Unicode.Scalar]]) {
      var info = stat()
      guard stat(path, &info) == 0 else {
        let reason: SkipReason = errno == ENOENT ? .danglingSymlink : .unreadable(errorText())
        return rules.accepts(relative) ? skip(path, reason) : ()
      }
      switch info.st_mode & S_IFMT {
      case S_IFDIR:
        if rules.enters(relative) { directory(path, relative: relative, identity: FileID(info)) }
      case S_IFREG: file(path, relative: relative, info: info)
      default: break
      }
    }

    mutating func file(_ path: String, relative: [[Unicode.Scalar]], info: stat) {
      guard rules.accepts(relative) else { return }
      if let seen = seenFiles[FileID(info)] { return skip(path, .alreadyScanned(as: seen)) }
      seenFiles[FileID(info)] = path
      if Int(info.st_size) > rules.maximumFileSize {
        return skip(path, .tooLarge(size: Int(info.st_size), maximum: rules.maximumFileSize))
      }
      guard access(path, R_OK) == 0 else { return skip(path, .unreadable(errorText())) }
      scan.files.append(path)
    }

    mutating func skip(_ path: String, _ reason: SkipReason) {
      scan.skipped.append(Skipped(path: path, reason: reason))
    }
  }

  /// Whether the walk goes into a directory: not hidden (unless an include pattern names it)
  /// and not excluded: an exclude pattern that matches a folder (`drafts/**` matches `drafts`,
  /// `node_modules` matches any folder of that name) excludes everything under it, as in
  /// VS Code's `files.exclude`.
  private func enters(_ relative: [[Unicode.Scalar]]) -> Bool {
    guard let name = relative.last else { return true }
    if name.first == ".", !include.contains(where: { $0.admitsHiddenDirectory(name) }) {
      return false
    }
    return !exclude.contains { $0.matches(segments: relative) }
  }

  private func accepts(_ relative: [[Unicode.Scalar]]) -> Bool {
    include.contains { $0.matches(segments: relative) }
      && !exclude.contains { $0.matches(segments: relative) }
  }

  private static func normalised(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/") where part != "." {
      if part == ".." { _ = parts.popLast() } else { parts.append(part) }
    }
    return "/" + parts.joined(separator: "/")
  }
}

private func errorText() -> String { String(cString: strerror(errno)) }

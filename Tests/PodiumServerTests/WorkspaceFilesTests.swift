import PodiumCore
import Testing

@testable import PodiumServer

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct WorkspaceFilesTests {
  @Test(arguments: [
    ("**/*.vtt", "a.vtt", true), ("**/*.vtt", "a/b/c.vtt", true), ("**/*.vtt", "a/b.srt", false),
    ("*.vtt", "a/b/c.vtt", true), ("*.vtt", "c.vtt.bak", false), ("/*.vtt", "a/c.vtt", false),
    ("/*.vtt", "c.vtt", true), ("*.{srt,vtt}", "x/y.srt", true), ("*.{srt,vtt}", "y.txt", false),
    ("{**/*.html,docs/*.txt}", "docs/a.txt", true), ("{**/*.html,docs/*.txt}", "a/b.html", true),
    ("{**/*.html,docs/*.txt}", "x/docs/a.txt", false), ("*.{a,b{c,d}}", "f.bd", true),
    ("a/**/b/*.txt", "a/b/x.txt", true), ("a/**/b/*.txt", "a/x/y/b/z.txt", true),
    ("a/**/b/*.txt", "a/x/y/c/z.txt", false), ("a/**/b/*.txt", "q/a/b/x.txt", false),
    ("file?.srt", "file1.srt", true), ("file?.srt", "file12.srt", false),
    ("file?.srt", "fileé.srt", true), ("*", "a/b", true), ("a/*", "a/b/c", false),
    ("day[0-9].vtt", "day7.vtt", true), ("day[0-9].vtt", "dayx.vtt", false),
    ("day[!0-9].vtt", "dayx.vtt", true), ("day[!0-9].vtt", "day7.vtt", false),
    ("[a-cx].txt", "x.txt", true), ("[a-cx].txt", "d.txt", false), ("[]]", "]", true),
    ("[a-].txt", "-.txt", true), ("**", "any/thing", true), ("**/.git/**", "a/.git/b/c", true),
    ("**/.git/**", "a/.github/c", false), ("a**b", "axyb", true), ("a**b", "ax/yb", false),
  ])
  func globs(pattern: String, path: String, expected: Bool) throws {
    #expect(try GlobPattern(pattern).matches(path) == expected, "\(pattern) ~ \(path)")
  }

  @Test(arguments: ["[a-", "{a,b", "a}", "", "[z-a]", "x]", "[!"])
  func malformedGlobs(pattern: String) {
    #expect(throws: GlobPattern.SyntaxError.self) { try GlobPattern(pattern) }
  }

  @Test func globsDoNotBacktrackExponentially() throws {
    let path = Array(repeating: "a", count: 2000).joined(separator: "/") + "/y"
    let patterns = try ["**/**/**/x", "**/a*a*a*a*a*a*b/**/x", "**/a/**/a/**/y", "*a*a*a*a*a*a*b"]
      .map { try GlobPattern($0) }
    let elapsed = ContinuousClock().measure {
      #expect(!patterns[0].matches(path))
      #expect(!patterns[1].matches(path))
      #expect(patterns[2].matches(path))
      #expect(!patterns[3].matches(String(repeating: "a", count: 5000)))
    }
    #expect(elapsed < .seconds(2))
  }

  static let transcript = """
    Press conference by NATO Secretary General Mark Rutte

    Good afternoon.

    Lili Bayer, Reuters
    Secretary General, what about Ukraine?

    """

  @Test func transcriptLikeText() {
    #expect(WorkspaceFiles.isTranscriptLike(TranscriptParser.parse(Self.transcript)))
    let list = "Shopping list\n\nMilk\nEggs, a dozen\nBread\n\nRemember: the bakery shuts at six.\n"
    #expect(!WorkspaceFiles.isTranscriptLike(TranscriptParser.parse(list)))
    #expect(WorkspaceFiles.needsTranscriptCheck("/w/notes.txt"))
    #expect(!WorkspaceFiles.needsTranscriptCheck("/w/day.transcript.txt"))
    #expect(!WorkspaceFiles.needsTranscriptCheck("/w/day.vtt"))
  }

  @Test func binaryDetection() {
    #expect(!WorkspaceFiles.looksBinary(Array("Plain text\n\twith tabs\r\n".utf8)))
    #expect(!WorkspaceFiles.looksBinary([0xEF, 0xBB, 0xBF] + Array("BOM".utf8)))
    #expect(!WorkspaceFiles.looksBinary([UInt8]()))
    #expect(WorkspaceFiles.looksBinary(Array("a\0b".utf8)))
    #expect(WorkspaceFiles.looksBinary([0xFF, 0xFE, 0x41, 0x00]))
    #expect(WorkspaceFiles.looksBinary([0x41, 0xC3, 0x28]))  // invalid UTF-8
    #expect(WorkspaceFiles.looksBinary(Array(repeating: 0x1B, count: 10) + Array("abc".utf8)))
    // A character split by the 8 KiB cut is not invalid UTF-8; one within it is.
    let euro = Array("€".utf8)
    #expect(!WorkspaceFiles.looksBinary(Array(repeating: 0x61, count: 8191) + euro))
    #expect(
      WorkspaceFiles.looksBinary(Array(repeating: 0x61, count: 8000) + euro.prefix(2) + [0x61]))
  }

  /// A scratch directory, removed afterwards.
  final class Tree {
    let root: String

    init() {
      var template = Array("/tmp/podium-scan-XXXXXX".utf8CString)
      root = String(cString: mkdtemp(&template)!)
    }

    deinit {
      run("chmod", "-R", "u+rwx", root)
      run("rm", "-rf", root)
    }

    private func run(_ arguments: String...) {
      var pid = pid_t()
      var status: Int32 = 0
      let argv = arguments.map { strdup($0) } + [nil]
      defer { argv.forEach { free($0) } }
      if posix_spawnp(&pid, arguments[0], nil, nil, argv, environ) == 0 { waitpid(pid, &status, 0) }
    }

    func write(_ relative: String, _ bytes: [UInt8]) {
      let path = root + "/" + relative
      var parts = relative.split(separator: "/").dropLast()
      var dir = root
      while !parts.isEmpty {
        dir += "/" + parts.removeFirst()
        mkdir(dir, 0o755)
      }
      let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
      precondition(fd >= 0, "cannot create \(path)")
      _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
      close(fd)
    }

    func write(_ relative: String, _ text: String) { write(relative, Array(text.utf8)) }

    func link(_ relative: String, to target: String) { symlink(target, root + "/" + relative) }
  }

  func relative(_ paths: [String], _ tree: Tree) -> [String] {
    paths.map { String($0.dropFirst(tree.root.count + 1)) }
  }

  @Test func scanningATree() throws {
    let tree = Tree()
    tree.write("a.vtt", "WEBVTT\n")
    tree.write("b/c/d.srt", "1\n00:00:01,000 --> 00:00:02,000\nHello\n")
    tree.write("b/c/notes.md", "# not included\n")
    tree.write("b/day.transcript", Self.transcript)
    tree.write("b/.hidden/x.vtt", "WEBVTT\n")
    tree.write(".git/objects/y.txt", "text")
    tree.write("node_modules/pkg/readme.txt", "text")
    tree.write("sub/node_modules/z.vtt", "WEBVTT\n")
    tree.write(".build/debug/e.srt", "1\n")
    tree.write("drafts/old.vtt", "WEBVTT\n")
    tree.write("big.vtt", Array(repeating: UInt8(ascii: "a"), count: 2000))
    tree.write("secret.vtt", "WEBVTT\n")
    tree.write("locked/inside.vtt", "WEBVTT\n")
    tree.write("z/real.vtt", "WEBVTT\n")
    tree.link("b/c/loop", to: "..")  // a directory link to its grandparent
    tree.link("dangling.vtt", to: "nowhere.vtt")
    tree.link("link.vtt", to: "z/real.vtt")  // the real path wins though "link" sorts first
    tree.link("alias", to: "b/c")
    tree.link("z/more", to: "../b")
    chmod(tree.root + "/locked", 0)
    chmod(tree.root + "/secret.vtt", 0)

    let files = try WorkspaceFiles(
      folders: [tree.root + "/"], exclude: WorkspaceFiles.defaultExclude + ["drafts/**"],
      maximumFileSize: 1000)
    let scan = files.scan()
    let asRoot = geteuid() == 0
    var expected = ["a.vtt", "b/c/d.srt", "b/day.transcript", "z/real.vtt"]
    if asRoot { expected += ["locked/inside.vtt", "secret.vtt"] }
    #expect(relative(scan.files, tree) == expected.sorted())

    let reasons = Dictionary(
      scan.skipped.map { (String($0.path.dropFirst(tree.root.count + 1)), $0.reason) },
      uniquingKeysWith: { first, _ in first })
    #expect(reasons["big.vtt"] == .tooLarge(size: 2000, maximum: 1000))
    #expect(reasons["dangling.vtt"] == .danglingSymlink)
    #expect(reasons["b/c/loop"] == .symlinkLoop(to: tree.root + "/b"))
    #expect(reasons["link.vtt"] == .alreadyScanned(as: tree.root + "/z/real.vtt"))
    #expect(reasons["alias"] == .alreadyScanned(as: tree.root + "/b/c"))
    #expect(reasons["z/more"] == .alreadyScanned(as: tree.root + "/b"))
    if !asRoot {
      #expect(reasons["locked", default: .binary].description.hasPrefix("unreadable"))
      #expect(reasons["secret.vtt", default: .binary].description.hasPrefix("unreadable"))
    }
    #expect(scan.skipped.count == (asRoot ? 6 : 8), "\(scan.skipped)")
    #expect(files.scan() == scan)

    // The hidden folder is walked once an include pattern names it.
    let withHidden = try WorkspaceFiles(folders: [tree.root], include: ["**/.hidden/*.vtt"])
    #expect(relative(withHidden.scan().files, tree) == ["b/.hidden/x.vtt"])
  }

  @Test func linksAreFollowedWhenThereIsNoRealPath() throws {
    let tree = Tree()
    let outside = Tree()
    outside.write("shared/one.vtt", "WEBVTT\n")
    outside.write("two.srt", "1\n")
    tree.link("shared", to: outside.root + "/shared")
    tree.link("two.srt", to: outside.root + "/two.srt")
    let scan = try WorkspaceFiles(folders: [tree.root]).scan()
    #expect(relative(scan.files, tree) == ["shared/one.vtt", "two.srt"])
    #expect(scan.skipped.isEmpty)
  }

  @Test func readingFiles() throws {
    let tree = Tree()
    tree.write("ok.txt", [0xEF, 0xBB, 0xBF] + Array("Hello\n".utf8))
    tree.write("nul.srt", [0x31, 0x0A, 0x00, 0x00])
    tree.write("utf16.txt", [0xFF, 0xFE, 0x48, 0x00, 0x69, 0x00])
    tree.write("big.txt", Array(repeating: UInt8(ascii: "a"), count: 101))
    let read = { (name: String) in
      WorkspaceFiles.read(path: tree.root + "/" + name, maximumBytes: 100)
    }
    #expect(try read("ok.txt").get() == Array("Hello\n".utf8))
    #expect(read("nul.srt") == .failure(.binary))
    #expect(read("utf16.txt") == .failure(.utf16))
    #expect(read("big.txt") == .failure(.tooLarge(size: 101, maximum: 100)))
    #expect(read("missing.txt") == .failure(.unreadable("No such file or directory")))
    #expect(
      WorkspaceFiles.read(path: tree.root, maximumBytes: 100) == .failure(.unreadable("not a file"))
    )
  }

  @Test func containsFiltersFileEvents() throws {
    let files = try WorkspaceFiles(
      folders: ["/w/one", "/w/two/"], exclude: WorkspaceFiles.defaultExclude + ["drafts/**"])
    #expect(files.contains(path: "/w/one/a.vtt"))
    #expect(files.contains(path: "/w/two/x/y/z.transcript.txt"))
    #expect(files.contains(path: "/w/one/x/../b.srt"))
    #expect(!files.contains(path: "/w/three/a.vtt"))
    #expect(!files.contains(path: "/w/onex/a.vtt"))
    #expect(!files.contains(path: "/w/one/a.md"))
    #expect(!files.contains(path: "/w/one/.git/a.txt"))
    #expect(!files.contains(path: "/w/one/.podium/a.vtt"))
    #expect(!files.contains(path: "/w/one/src/node_modules/a.vtt"))
    #expect(!files.contains(path: "/w/one/drafts/a.vtt"))
    #expect(files.contains(path: "/w/one/x/drafts/a.vtt"))
    #expect(!files.contains(path: "/w/one"))
    let byName = try WorkspaceFiles(folders: ["/w"], exclude: ["archive", "*.bak"])
    #expect(!byName.contains(path: "/w/x/archive/y/a.vtt"))
    #expect(byName.contains(path: "/w/x/archive.vtt"))
    #expect(!byName.contains(path: "/w/old.bak/a.vtt"))
  }
}

import Dispatch
import Foundation
import PodiumAnalysis
import PodiumCore
import PodiumServer
import PodiumTestSupport
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// The workspace index at scale: a generated workspace of 1,000, 5,000 and 10,000 transcripts
/// (~30 KB each, ~300 MB at 10,000) written to disk and indexed the way the server does it
/// (scan, then read → parse → analyse on one worker a core, inserts behind a lock). Per size:
/// time to scan and index, resident memory the index keeps, index bytes per text byte. At the
/// largest size: `references` for a speaker, `links(of:)` for one document and re-indexing one
/// file. `PODIUM_BENCH_DOCS` overrides the largest size (a quick run: `PODIUM_BENCH_DOCS=1000`).
enum WorkspaceBenchmarks {
  static let sizes = [1_000, 5_000, 10_000]
  static let folderCount = 100

  static func run() {
    let clock = ContinuousClock()
    let started = clock.now
    var largest = sizes.last!
    if let value = ProcessInfo.processInfo.environment["PODIUM_BENCH_DOCS"],
      let n = Int(value.filter { $0 != "_" && $0 != "," }), n > 0
    {
      largest = n
    }
    let counts = sizes.filter { $0 < largest } + [largest]
    let corpus = Corpus(seed: 2025)
    report(
      "workspace.corpus",
      "\(corpus.words.count) words, \(corpus.stock.count) stock statements, "
        + "\(corpus.journalists.count) journalists, \(corpus.outlets.count) outlets "
        + "(\(corpus.outlets.count(where: { $0.spellings.count > 1 })) with two spellings), "
        + "\(corpus.principals.count) principals, \(corpus.places.count) places, "
        + "\(corpus.events.count) events over \(Corpus.days) days, \(corpus.acronyms.count) acronyms; "
        + "\(workers) workers")
    largeDocument()
    var ratios: [(documents: Int, ratio: Double)] = []
    for n in counts {
      ratios.append((n, runSize(n, corpus: corpus, queries: n == largest)))
    }
    if let first = ratios.first, let last = ratios.last, ratios.count > 1, first.ratio > 0 {
      report(
        "workspace.growth",
        ratios.map { "\($0.documents) docs \(fixed($0.ratio, 3))" }.joined(separator: ", ")
          + " index bytes/text byte; \(last.documents)/\(first.documents) docs: "
          + "\(fixed(last.ratio / first.ratio, 2))× the bytes per text byte "
          + "(≤ 1: the index grows no faster than the text)")
    }
    report("workspace.total", format(nanoseconds(clock.now - started)))
  }

  static var workers: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

  /// Generates, writes, scans and indexes `n` transcripts; returns the index bytes per text byte.
  /// One 10 MB transcript: its cross-references and its analysis (what the server does on the
  /// first request after an edit, and a code lens request then costs).
  static func largeDocument() {
    let transcript = TranscriptParser.parse(CoreBenchmarks.transcript(bytes: 10_000_000))
    var analysis: DocumentAnalysis?
    let analyse = seconds { analysis = DocumentAnalysis(transcript) }
    report(
      "workspace.10MB.analysis (entities + statement units)",
      "\(fixed(analyse, 2)) s = \(fixed(10 / analyse, 1)) MB/s, \(analysis!.units.count) units, "
        + "\(analysis!.entities.mentions.count) mentions")
    var index = WorkspaceIndex()
    index.update("big", transcript: transcript, analysis: analysis)
    var samples = Samples()
    var count = 0
    for _ in 0..<5 {
      let clock = ContinuousClock()
      samples.record(clock.measure { count = index.links(of: "big", transcript: transcript).count })
    }
    report(
      "workspace.10MB.links(of:) (\(transcript.turns.count) turns, \(count) links)", samples.summary
    )
    var within = Samples()
    var kinds: [String: Int] = [:]
    for _ in 0..<5 {
      let clock = ContinuousClock()
      var links: [CrossReference] = []
      within.record(clock.measure { links = WithinDocumentLinker.links(transcript) })
      kinds = Dictionary(grouping: links, by: \.kind.rawValue).mapValues(\.count)
    }
    report(
      "workspace.10MB.within-document links ("
        + kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        + ")", within.summary)
  }

  static func runSize(_ n: Int, corpus: Corpus, queries: Bool) -> Double {
    let root = "/tmp/podium-bench-workspace-\(n)"
    let tag = "workspace[\(n)]"
    try? FileManager.default.removeItem(atPath: root)
    defer { try? FileManager.default.removeItem(atPath: root) }

    let peakReset = Memory.resetPeak()
    let before = Memory.current()

    // 1. Generate and write; only a summary of who speaks where is kept.
    var summary = GenerationSummary(corpus: corpus)
    let generateSeconds = seconds { summary = generate(n, corpus: corpus, root: root) }
    report(
      "\(tag).generate",
      "\(mb(summary.textBytes)) in \(n) files under \(folderCount) folders "
        + "(avg \(fixed(Double(summary.textBytes) / Double(n) / 1000, 1)) KB), "
        + "\(fixed(generateSeconds, 2)) s")

    // 2–3. Scan and index, as the server's workspace indexer does.
    let built = buildIndex(root: root, expected: n)
    var index = built.index
    let build = built.build
    report(
      "\(tag).scan",
      "\(build.files) files, \(build.skipped) skipped, \(format(build.scanSeconds * 1e9))")
    let textMB = Double(summary.textBytes) / 1_000_000
    report(
      "\(tag).index",
      "\(fixed(build.indexSeconds, 2)) s = \(fixed(textMB / build.indexSeconds, 1)) MB/s "
        + "(\(workers) workers, \(build.failed) unreadable); worker time: "
        + "read \(fixed(build.phases.read, 2)) s, parse \(fixed(build.phases.parse, 2)) s, "
        + "analyse \(fixed(build.phases.analyse, 2)) s, "
        + "insert (with lock wait) \(fixed(build.phases.insert, 2)) s")

    // 4. Memory with the index alive and every transcript dropped.
    let after = Memory.current()
    let growth = after.rss - before.rss
    let ratio = Double(growth) / Double(max(1, summary.textBytes))
    report(
      "\(tag).memory",
      "VmRSS \(mb(before.rss)) before → \(mb(after.rss)) with the index "
        + "(+\(mb(growth)) for the index), "
        + "VmHWM \(mb(after.hwm))\(peakReset ? " (peak since this size began)" : " (process peak)")"
    )
    report("\(tag).index bytes per text byte", fixed(ratio, 3))
    report("\(tag).documentCount", "\(index.documentCount)")
    report("\(tag).byteCount", "\(index.byteCount) (\(mb(index.byteCount)))")

    if queries { runQueries(&index, tag: tag, root: root, summary: summary, corpus: corpus) }
    return ratio
  }

  // MARK: Generating the workspace

  static func path(root: String, document i: Int) -> String {
    let folder = i % folderCount
    return root + "/" + (folder < 10 ? "folder-0\(folder)" : "folder-\(folder)")
      + "/press-conference-\(i).transcript"
  }

  /// Writes `n` transcripts under `root`, in parallel; documents do not depend on `n`.
  static func generate(_ n: Int, corpus: Corpus, root: String) -> GenerationSummary {
    for folder in 0..<folderCount {
      let dir = URL(fileURLWithPath: path(root: root, document: folder)).deletingLastPathComponent()
      try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }
    let next = Atomic(0)
    let total = Mutex(GenerationSummary(corpus: corpus))
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      var local = GenerationSummary(corpus: corpus)
      while true {
        let i = next.add(1, ordering: .relaxed).oldValue
        guard i < n else { break }
        var writer = DocumentWriter(corpus: corpus, document: i)
        let text = writer.write()
        let bytes = Array(text.utf8)
        let file = path(root: root, document: i)
        guard FileManager.default.createFile(atPath: file, contents: Data(bytes)) else {
          fatalError("cannot write \(file)")
        }
        local.add(document: i, bytes: bytes.count, writer: writer)
      }
      total.withLock { $0.merge(local) }
    }
    return total.withLock { $0 }
  }

  // MARK: Indexing

  struct Phases {
    var read = 0.0, parse = 0.0, analyse = 0.0, insert = 0.0
  }

  struct Build {
    var files = 0, skipped = 0, failed = 0
    var scanSeconds = 0.0, indexSeconds = 0.0
    var phases = Phases()
  }

  /// `WorkspaceFiles.scan()`, then on one worker a core: read → parse → analyse, and insert
  /// into the shared index under its lock. Transcripts are dropped as soon as they are in.
  static func buildIndex(root: String, expected: Int) -> (index: WorkspaceIndex, build: Build) {
    var build = Build()
    let files = try! WorkspaceFiles(folders: [root])
    let scanStart = CoreBenchmarks.now()
    let scan = files.scan()
    build.scanSeconds = Double(CoreBenchmarks.now() - scanStart) / 1e9
    build.files = scan.files.count
    build.skipped = scan.skipped.count
    precondition(
      scan.files.count == expected, "scan found \(scan.files.count) of \(expected) files")
    let paths = scan.files
    let maximum = files.maximumFileSize
    let shared = Mutex(WorkspaceIndex())
    let next = Atomic(0)
    let failed = Atomic(0)
    let readNS = Atomic(0)
    let parseNS = Atomic(0)
    let analyseNS = Atomic(0)
    let insertNS = Atomic(0)
    build.indexSeconds = seconds {
      DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while true {
          let i = next.add(1, ordering: .relaxed).oldValue
          guard i < paths.count else { break }
          let path = paths[i]
          let t0 = CoreBenchmarks.now()
          guard case .success(let bytes) = WorkspaceFiles.read(path: path, maximumBytes: maximum)
          else {
            failed.add(1, ordering: .relaxed)
            continue
          }
          let t1 = CoreBenchmarks.now()
          let transcript = TranscriptParser.parse(TextBuffer(bytes))
          let t2 = CoreBenchmarks.now()
          let analysis = DocumentAnalysis(transcript)
          let t3 = CoreBenchmarks.now()
          let uri = TranscriptFile.uri(forPath: path)
          shared.withLock { $0.update(uri, transcript: transcript, analysis: analysis) }
          let t4 = CoreBenchmarks.now()
          readNS.add(Int(t1 - t0), ordering: .relaxed)
          parseNS.add(Int(t2 - t1), ordering: .relaxed)
          analyseNS.add(Int(t3 - t2), ordering: .relaxed)
          insertNS.add(Int(t4 - t3), ordering: .relaxed)
        }
      }
    }
    build.failed = failed.load(ordering: .relaxed)
    build.phases = Phases(
      read: Double(readNS.load(ordering: .relaxed)) / 1e9,
      parse: Double(parseNS.load(ordering: .relaxed)) / 1e9,
      analyse: Double(analyseNS.load(ordering: .relaxed)) / 1e9,
      insert: Double(insertNS.load(ordering: .relaxed)) / 1e9)
    // Take the index out of the lock, leaving it the only reference (no copy on write later).
    let index = shared.withLock { index in
      let out = index
      index = WorkspaceIndex()
      return out
    }
    return (index, build)
  }

  // MARK: Queries on the full index

  static func runQueries(
    _ index: inout WorkspaceIndex, tag: String, root: String, summary: GenerationSummary,
    corpus: Corpus
  ) {
    // (a) The principal who speaks in most documents.
    let principal = summary.principalDocuments.indices.max {
      summary.principalDocuments[$0] < summary.principalDocuments[$1]
    }!
    timeReferences(
      index, tag: tag, who: "principal \(corpus.principals[principal].name)",
      name: corpus.principals[principal].name, generatedIn: summary.principalDocuments[principal],
      uri: TranscriptFile.uri(
        forPath: path(root: root, document: summary.principalFirstDocument[principal])))

    // (b) A journalist who appears in a handful of documents (nearest to 5, at least 3).
    let journalist = summary.journalistDocuments.indices.min {
      func distance(_ j: Int) -> Int {
        let k = summary.journalistDocuments[j]
        return k < 3 ? 1_000_000 - k : abs(k - 5)
      }
      return (distance($0), $0) < (distance($1), $1)
    }!
    let j = corpus.journalists[journalist]
    let journalistURI = TranscriptFile.uri(
      forPath: path(root: root, document: summary.journalistFirstDocument[journalist]))
    timeReferences(
      index, tag: tag,
      who: "journalist \(j.name), \(corpus.outlets[j.outlet].spellings.joined(separator: "/"))",
      name: j.name, generatedIn: summary.journalistDocuments[journalist], uri: journalistURI)

    // The mentions of an acronym across the workspace (`references` on an entity).
    timeEntityReferences(index, tag: tag, uri: journalistURI)

    // `links(of:)`: every cross-reference of one document, and of one turn (a hover).
    let file = path(root: root, document: summary.journalistFirstDocument[journalist])
    guard case .success(let bytes) = WorkspaceFiles.read(path: file, maximumBytes: 50 << 20) else {
      report("\(tag).links", "cannot read \(file)")
      return
    }
    let transcript = TranscriptParser.parse(TextBuffer(bytes))
    var linkSamples = Samples()
    var links: [CrossReference] = []
    for _ in 0..<20 {
      let t0 = ContinuousClock.now
      links = index.links(of: journalistURI, transcript: transcript)
      linkSamples.record(ContinuousClock.now - t0)
    }
    var kinds: [CrossReferenceKind: Int] = [:]
    for link in links { kinds[link.kind, default: 0] += 1 }
    let kindList = CrossReferenceKind.allCases.compactMap { kind in
      kinds[kind].map { "\(kind.rawValue) \($0)" }
    }.joined(separator: ", ")
    report(
      "\(tag).links(of:) one document",
      "\(fixed(Double(bytes.count) / 1000, 1)) KB, \(transcript.turns.count) turns: \(links.count) links "
        + "(\(kindList.isEmpty ? "none" : kindList)); \(linkSamples.summary)")
    if !transcript.turns.isEmpty {
      let turn = transcript.turns[transcript.turns.count / 2]
      var turnSamples = Samples()
      var turnLinks = 0
      for _ in 0..<20 {
        let t0 = ContinuousClock.now
        turnLinks = index.links(of: journalistURI, transcript: transcript, in: turn.span).count
        turnSamples.record(ContinuousClock.now - t0)
      }
      report(
        "\(tag).links(of:in:) one turn",
        "turn \(turn.index) (\(turn.span.count) bytes): \(turnLinks) links; \(turnSamples.summary)")
    }
    report(
      "\(tag).cross-document links",
      "no separate public API: links(of:) above includes acronym, same-speaker, same-event and "
        + "repeated-statement links to other documents")

    // One document updated in the full index: with its analysis ready, and from its file.
    let analysis = DocumentAnalysis(transcript)
    var updateSamples = Samples()
    for _ in 0..<20 {
      let t0 = ContinuousClock.now
      index.update(journalistURI, transcript: transcript, analysis: analysis)
      updateSamples.record(ContinuousClock.now - t0)
    }
    report("\(tag).update one document (analysis ready)", updateSamples.summary)
    var reindexSamples = Samples()
    for _ in 0..<20 {
      let t0 = ContinuousClock.now
      guard case .success(let bytes) = WorkspaceFiles.read(path: file, maximumBytes: 50 << 20)
      else { break }
      let again = TranscriptParser.parse(TextBuffer(bytes))
      index.update(journalistURI, transcript: again, analysis: DocumentAnalysis(again))
      reindexSamples.record(ContinuousClock.now - t0)
    }
    report(
      "\(tag).re-index one file (read, parse, analyse, update)",
      "\(reindexSamples.summary); documentCount still \(index.documentCount)")
  }

  /// `textDocument/references` on a speaker, as the server answers it: the speaker in the
  /// asking document, then every turn of that person in the other documents.
  static func references(_ index: WorkspaceIndex, uri: String, speaker id: String)
    -> [ReferenceTarget]
  {
    guard let me = index.documents[uri]?.speakers.first(where: { $0.id == id }) else { return [] }
    return index.turns(of: me).filter { $0.document != uri }.flatMap { doc, other in
      other.turns.map { $0.target(in: doc) }
    }
  }

  static func timeReferences(
    _ index: WorkspaceIndex, tag: String, who: String, name: String, generatedIn: Int,
    uri: String
  ) {
    let personKey = "person:" + Speaker.slug(name)
    guard
      let speaker = index.documents[uri]?.speakers.first(where: {
        $0.name == name || $0.personKey == personKey
      })
    else {
      report("\(tag).references (\(who))", "speaker not found in \(uri)")
      return
    }
    let inIndex = speaker.personKey.map { index.documents(withPerson: $0).count } ?? 0
    var samples = Samples()
    var targets: [ReferenceTarget] = []
    for _ in 0..<100 {
      let t0 = ContinuousClock.now
      targets = references(index, uri: uri, speaker: speaker.id)
      samples.record(ContinuousClock.now - t0)
    }
    let documents = Set(targets.compactMap(\.document)).count
    report(
      "\(tag).references (\(who))",
      "generated in \(generatedIn) documents, index has the person in \(inIndex); "
        + "\(targets.count) locations in \(documents) other documents; \(samples.summary)")
  }

  /// `references` on an acronym: every mention of it in the workspace.
  static func timeEntityReferences(_ index: WorkspaceIndex, tag: String, uri: String) {
    guard let document = index.documents[uri],
      let mention = document.mentions.first(where: {
        index.entity($0.entity).key.hasPrefix("acronym:")
      })
    else {
      report(
        "\(tag).references (acronym)",
        "skipped: no acronym mention in the document (entity extractor stubbed?)")
      return
    }
    let key = index.entity(mention.entity).key
    var samples = Samples()
    var count = 0
    for _ in 0..<100 {
      let t0 = ContinuousClock.now
      count = index.mentions(ofEntity: key).reduce(0) { $0 + $1.places.count }
      samples.record(ContinuousClock.now - t0)
    }
    report("\(tag).references (\(key))", "\(count) mentions; \(samples.summary)")
  }

  // MARK: Formatting

  static func fixed(_ value: Double, _ digits: Int) -> String {
    String(format: "%.\(digits)f", value)
  }

  static func mb(_ bytes: Int) -> String { "\(fixed(Double(bytes) / 1_000_000, 1)) MB" }

  static func nanoseconds(_ duration: Duration) -> Double {
    let (s, atto) = duration.components
    return Double(s) * 1e9 + Double(atto) / 1e9
  }
}

// MARK: - Memory

/// VmRSS and VmHWM of this process, after giving freed heap back to the system.
enum Memory {
  static func current() -> (rss: Int, hwm: Int) {
    trim()
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
      return (0, 0)
    }
    func field(_ name: String) -> Int {
      guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") })
      else { return 0 }
      let kB = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
      return kB * 1024
    }
    return (field("VmRSS"), field("VmHWM"))
  }

  /// `malloc_trim(0)`: glibc gives freed heap pages back, so VmRSS counts what is in use.
  /// (Not in the Glibc module map; looked up at run time.)
  static func trim() {
    #if canImport(Glibc)
      typealias MallocTrim = @convention(c) (Int) -> Int32
      if let symbol = dlsym(nil, "malloc_trim") {
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
      }
    #endif
  }

  /// Resets VmHWM to the current VmRSS (Linux ≥ 4.0); false when it cannot.
  static func resetPeak() -> Bool {
    #if canImport(Glibc)
      let fd = open("/proc/self/clear_refs", O_WRONLY)
      guard fd >= 0 else { return false }
      defer { close(fd) }
      return write(fd, "5", 1) == 1
    #else
      return false
    #endif
  }
}

// MARK: - The generated corpus

/// Who speaks where in the generated workspace: enough to pick speakers to ask about.
struct GenerationSummary: Sendable {
  var textBytes = 0
  var principalDocuments: [Int]
  var principalFirstDocument: [Int]
  var journalistDocuments: [Int]
  var journalistFirstDocument: [Int]

  init(corpus: Corpus) {
    principalDocuments = Array(repeating: 0, count: corpus.principals.count)
    principalFirstDocument = Array(repeating: Int.max, count: corpus.principals.count)
    journalistDocuments = Array(repeating: 0, count: corpus.journalists.count)
    journalistFirstDocument = Array(repeating: Int.max, count: corpus.journalists.count)
  }

  mutating func add(document i: Int, bytes: Int, writer: DocumentWriter) {
    textBytes += bytes
    for p in writer.officials {
      principalDocuments[p] += 1
      principalFirstDocument[p] = min(principalFirstDocument[p], i)
    }
    for j in writer.journalists {
      journalistDocuments[j] += 1
      journalistFirstDocument[j] = min(journalistFirstDocument[j], i)
    }
  }

  mutating func merge(_ other: GenerationSummary) {
    textBytes += other.textBytes
    for p in principalDocuments.indices {
      principalDocuments[p] += other.principalDocuments[p]
      principalFirstDocument[p] = min(principalFirstDocument[p], other.principalFirstDocument[p])
    }
    for j in journalistDocuments.indices {
      journalistDocuments[j] += other.journalistDocuments[j]
      journalistFirstDocument[j] = min(journalistFirstDocument[j], other.journalistFirstDocument[j])
    }
  }
}

struct Journalist: Sendable {
  var name: String
  var outlet: Int
}

struct Outlet: Sendable {
  /// One or two spellings ("FAZ", "Frankfurter Allgemeine Zeitung").
  var spellings: [String]
}

struct Official: Sendable {
  var title: String
  var name: String
  var label: String { title + " " + name }
}

/// Weighted choice by binary search on cumulative weights.
struct Distribution: Sendable {
  var cumulative: [Double]

  init(_ weights: [Double]) {
    var sum = 0.0
    cumulative = weights.map {
      sum += $0
      return sum
    }
  }

  /// Zipf-like: the weight of rank k is 1 / (k + offset)^exponent.
  static func zipf(_ count: Int, offset: Double, exponent: Double = 1) -> Distribution {
    Distribution((0..<count).map { 1 / pow(Double($0) + offset, exponent) })
  }

  func sample(_ rng: inout SplitMix64) -> Int {
    let u = Double.random(in: 0..<cumulative.last!, using: &rng)
    var low = 0
    var high = cumulative.count - 1
    while low < high {
      let mid = (low + high) / 2
      if cumulative[mid] > u { high = mid } else { low = mid + 1 }
    }
    return low
  }
}

/// The pools the documents draw from: a vocabulary, stock statements that recur across
/// documents, journalists and their outlets, officials, moderators, places, events, acronyms.
struct Corpus: Sendable {
  static let days = 3 * 365
  var words: [String] = []
  var wordChoice: Distribution
  var stock: [String] = []
  var outlets: [Outlet] = []
  var journalists: [Journalist] = []
  var journalistChoice: Distribution
  var principals: [Official] = []
  var principalChoice: Distribution
  var moderators: [String] = []
  var places: [String] = []
  /// (day since 2023-01-02, place).
  var events: [(day: Int, place: Int)] = []
  var acronyms: [(acronym: String, expansion: String)] = []
  var acronymChoice = Distribution([1])
  /// Capitalised names said in speech: people, organisations, events.
  var names: [String] = []

  static let common = [
    "the", "of", "and", "to", "in", "we", "that", "is", "a", "for", "our", "on", "with", "this",
    "it", "are", "be", "have", "will", "allies", "defence", "security", "support", "more", "as",
    "not", "all", "by", "at", "from", "need", "also", "very", "important", "continue", "make",
    "sure", "today", "together", "alliance", "spending", "industry", "production", "deterrence",
    "capabilities", "partners", "peace", "war", "forces", "investment", "agreed", "discussed",
    "meeting", "ministers", "clear", "strong", "stronger", "can", "must", "should", "would",
    "do", "much", "faster", "ensure", "plans", "threats", "resilience", "cyber", "space",
    "air", "missile", "munitions", "ammunition", "training", "assistance", "commitment",
    "burden", "sharing", "new", "long", "term", "years", "people", "billion", "euros",
    "dollars", "percent", "target", "summit", "decisions", "implementation", "ready",
    "readiness", "troops", "eastern", "flank", "border", "region", "global", "challenges",
    "energy", "infrastructure", "critical", "undersea", "cables", "drones", "supply",
    "chains", "standards", "interoperability", "exercises", "command", "mission", "operations",
    "political", "military", "dialogue", "cooperation", "unity", "values", "freedom",
    "democracy", "prosperity", "there", "they", "what", "which", "when", "but", "so", "now",
    "been", "has", "had", "was", "were", "into", "over", "further", "across", "between",
  ]
  static let onsets = [
    "b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "st", "tr",
    "pl", "gr", "sh", "ch", "th", "dr", "fl", "sk", "w", "h", "j", "cr",
  ]
  static let vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "io", "y"]
  static let codas = ["", "", "", "n", "r", "s", "l", "m", "t", "nd", "st", "ck", "rt"]
  static let firstNames = [
    "Deborah", "Lili", "Milan", "Jonathan", "Petr", "Andrea", "Iulia", "Thomas", "Yury", "Maria",
    "Sachiyo", "Elizaveta", "Tanja", "Artiom", "Raf", "Sven", "Max", "Alexandra", "Dmytro",
    "Niels", "Olivier", "Binna", "Anna", "Jakob", "Ewa", "Pierre", "Sofia", "Lukas", "Ines",
    "Marek", "Helena", "Tomas", "Clara", "Jan", "Elena", "David", "Laura", "Mikkel", "Aylin",
    "Kenji", "Noor", "Rui", "Katarzyna", "Henrik", "Giulia", "Oskar", "Mette", "Ionut", "Vera",
    "Daniel",
  ]
  static let realOutlets: [[String]] = [
    ["FAZ", "Frankfurter Allgemeine Zeitung"], ["DW", "Deutsche Welle"],
    ["AFP", "Agence France-Presse"], ["AP", "Associated Press"],
    ["RFE/RL", "Radio Free Europe/Radio Liberty"], ["dpa", "Deutsche Presse-Agentur"],
    ["EFE", "Agencia EFE"], ["PAP", "Polish Press Agency"], ["ANSA", "Agenzia ANSA"],
    ["NOS", "Nederlandse Omroep Stichting"], ["Reuters"], ["BBC"], ["SKY News"], ["Bloomberg"],
    ["RAI"], ["NHK"], ["Yonhap News Agency"], ["Politico Europe"], ["Financial Times"],
    ["The Wall Street Journal"], ["Ukrinform"], ["Moscow Times"], ["Holod Media"],
    ["Journal TV"], ["RBC-Ukraine"], ["Le Monde"], ["El País"], ["Kyodo News"], ["Anadolu Agency"],
    ["CNN"],
  ]
  static let outletShapes = [
    "%@ Times", "%@ News", "Radio %@", "%@ TV", "%@ Post", "%@ Herald", "The %@ Daily",
    "%@ Press Agency", "%@ Public Broadcasting", "%@ Observer",
  ]
  static let realAcronyms: [(String, String)] = [
    ("UDCG", "Ukraine Defence Contact Group"),
    ("NSATU", "NATO Security Assistance and Training for Ukraine"),
    ("SACEUR", "Supreme Allied Commander Europe"), ("NAC", "North Atlantic Council"),
    ("NUC", "NATO-Ukraine Council"),
    ("DIANA", "Defence Innovation Accelerator for the North Atlantic"),
    ("JEF", "Joint Expeditionary Force"), ("CAP", "Comprehensive Assistance Package"),
    ("NRF", "NATO Response Force"), ("EDA", "European Defence Agency"),
    ("IAMD", "Integrated Air and Missile Defence"), ("HNS", "Host Nation Support"),
    ("NSPA", "NATO Support and Procurement Agency"), ("ACT", "Allied Command Transformation"),
    ("SHAPE", "Supreme Headquarters Allied Powers Europe"), ("MC", "Military Committee"),
    ("DPP", "Defence Production Plan"), ("CBRN", "Chemical Biological Radiological and Nuclear"),
    ("NIF", "NATO Innovation Fund"), ("EFP", "Enhanced Forward Presence"),
  ]
  static let acronymNouns = [
    "Initiative", "Programme", "Group", "Council", "Fund", "Centre", "Force", "Mission",
    "Command", "Partnership", "Agency", "Framework", "Plan", "Network", "Facility", "Board",
  ]
  static let titles = [
    "NATO Deputy Secretary General", "Chair of the NATO Military Committee Admiral",
    "Supreme Allied Commander Europe General", "NATO Assistant Secretary General",
    "Prime Minister", "President", "Minister of Foreign Affairs", "Minister of Defence",
    "Foreign Minister", "Defence Minister", "EU High Representative", "Deputy Prime Minister",
  ]
  static let placeNames = [
    "Brussels", "Washington", "The Hague", "Vilnius", "Madrid", "London", "Berlin", "Paris",
    "Warsaw", "Rome", "Ankara", "Oslo", "Tallinn", "Riga", "Bucharest", "Prague", "Helsinki",
    "Stockholm", "Ottawa", "Kyiv",
  ]

  init(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    func syllable() -> String {
      Self.onsets.randomElement(using: &rng)! + Self.vowels.randomElement(using: &rng)!
        + Self.codas.randomElement(using: &rng)!
    }
    func pseudo(_ syllables: ClosedRange<Int>) -> String {
      (0..<Int.random(in: syllables, using: &rng)).map { _ in syllable() }.joined()
    }
    func capitalised(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    // Vocabulary: common words first (the most frequent), then made-up words.
    var seen = Set(Self.common)
    words = Self.common
    while words.count < 5_000 {
      let w = pseudo(1...2)
      if w.count >= 3, seen.insert(w).inserted { words.append(w) }
    }
    wordChoice = .zipf(words.count, offset: 2.7)

    // Journalists' names and outlets.
    var lastNames: [String] = []
    var lastSeen = Set<String>()
    while lastNames.count < 300 {
      let w = capitalised(pseudo(2...3))
      if lastSeen.insert(w).inserted { lastNames.append(w) }
    }
    var firstNames = Self.firstNames
    while firstNames.count < 100 {
      let w = capitalised(pseudo(2...2))
      if lastSeen.insert(w).inserted { firstNames.append(w) }
    }
    outlets = Self.realOutlets.map { Outlet(spellings: $0) }
    var outletSeen = Set(outlets.flatMap(\.spellings))
    while outlets.count < 300 {
      let shape = Self.outletShapes.randomElement(using: &rng)!
      let name = shape.replacingOccurrences(of: "%@", with: capitalised(pseudo(2...3)))
      if outletSeen.insert(name).inserted { outlets.append(Outlet(spellings: [name])) }
    }
    var nameSeen = Set<String>()
    while journalists.count < 3_000 {
      let name =
        firstNames.randomElement(using: &rng)! + " " + lastNames.randomElement(using: &rng)!
      guard nameSeen.insert(name).inserted else { continue }
      // The big agencies have more reporters.
      let outlet =
        Bool.random(using: &rng)
        ? Int.random(in: 0..<30, using: &rng) : Int.random(in: 0..<300, using: &rng)
      journalists.append(Journalist(name: name, outlet: outlet))
    }
    // A press corps: a few regulars in many documents, a long tail in a handful.
    journalistChoice = .zipf(journalists.count, offset: 10)

    // Officials: the Secretary General, then 39 others.
    principals = [Official(title: "NATO Secretary General", name: "Mark Rutte")]
    while principals.count < 40 {
      let name =
        firstNames.randomElement(using: &rng)! + " " + lastNames.randomElement(using: &rng)!
      guard nameSeen.insert(name).inserted else { continue }
      principals.append(Official(title: Self.titles.randomElement(using: &rng)!, name: name))
    }
    principalChoice = Distribution([8] + (1..<40).map { 1 / Double($0) })
    moderators =
      [
        "NATO Acting Spokesperson Allison Hart", "NATO Spokesperson Farah Dakhlallah",
        "NATO Deputy Spokesperson Dylan White", "Moderator",
      ]
      + lastNames.prefix(6).enumerated().map {
        "NATO Spokesperson \(firstNames[$0.offset + 20]) \($0.element)"
      }
    places = Self.placeNames
    events = (0..<4_000).map { _ in
      (Int.random(in: 0..<Self.days, using: &rng), Distribution.zipf(20, offset: 1).sample(&rng))
    }

    // Acronyms: real ones, then made up ("the Kelvo Readiness Initiative (KRI)").
    acronyms = Self.realAcronyms
    var acronymSeen = Set(acronyms.map(\.acronym))
    while acronyms.count < 250 {
      let parts =
        (0..<Int.random(in: 2...3, using: &rng)).map { _ in capitalised(pseudo(2...3)) }
        + [Self.acronymNouns.randomElement(using: &rng)!]
      let acronym = String(parts.map { $0.first! })
      if acronymSeen.insert(acronym).inserted {
        acronyms.append((acronym, parts.joined(separator: " ")))
      }
    }

    // Names said in speech.
    names =
      [
        "President Zelenskyy", "President Putin", "President Trump", "Minister Umerov",
        "the European Union", "the United Nations", "the Washington Summit", "The Hague Summit",
        "General Cavoli", "Secretary Hegseth", "North Korea", "the Indo-Pacific", "the Black Sea",
        "the Baltic Sea", "the High North", "the Western Balkans", "the Middle East",
      ] + principals.map(\.name) + Self.placeNames
    while names.count < 200 {
      names.append("Minister " + lastNames.randomElement(using: &rng)!)
    }

    // Stock statements, written once, said again across documents.
    acronymChoice = .zipf(acronyms.count, offset: 5)
    var stockRNG = SplitMix64(seed: seed ^ 0x570C)
    for _ in 0..<2_000 { stock.append(sentence(&stockRNG, acronyms: [])) }
  }

  /// A made-up sentence of 8–22 words; sometimes with a name, a figure or an acronym.
  func sentence(_ rng: inout SplitMix64, acronyms: [String], end: String = ".") -> String {
    let n = Int.random(in: 8...22, using: &rng)
    var parts = (0..<n).map { _ in words[wordChoice.sample(&rng)] }
    let roll = Double.random(in: 0..<1, using: &rng)
    if roll < 0.15 {
      parts.insert(names.randomElement(using: &rng)!, at: Int.random(in: 1..<n, using: &rng))
    } else if roll < 0.22 {
      let figure =
        Bool.random(using: &rng)
        ? "\(Int.random(in: 2...900, using: &rng)) billion euros"
        : "\(Int.random(in: 1...5, using: &rng))% of GDP"
      parts.insert(figure, at: Int.random(in: 1..<n, using: &rng))
    } else if roll < 0.30, let acronym = acronyms.randomElement(using: &rng) {
      parts.insert("the " + acronym, at: Int.random(in: 1..<n, using: &rng))
    }
    parts[0] = parts[0].prefix(1).uppercased() + parts[0].dropFirst()
    return parts.joined(separator: " ") + end
  }
}

/// One generated transcript, in the layout of the NATO seeds: a header, an unlabelled opening
/// statement, then rounds of moderator call, question and answer. Either labels on their own
/// line ("Deborah Haynes, SKY News") or inline ("Olivier Baube (AFP): …"), one layout a
/// document.
struct DocumentWriter {
  let corpus: Corpus
  var rng: SplitMix64
  /// Indices into `corpus.principals` and `corpus.journalists` of who speaks here.
  var officials: [Int] = []
  var journalists: [Int] = []
  var acronyms: [String] = []
  var out = ""

  static let kinds = [
    "Press conference", "Press conference", "Press conference", "Joint press conference",
    "Pre-ministerial press conference", "Doorstep statement", "Press point",
  ]
  static let occasions = [
    "following the meetings of NATO Defence Ministers",
    "ahead of the meeting of NATO Foreign Ministers",
    "following the meeting of the North Atlantic Council", "at the NATO Summit",
    "following the NATO-Ukraine Council", "during the visit", "ahead of the NATO Summit",
    "following the meeting of the NATO-Ukraine Council",
  ]
  static let months = [
    "Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec.",
  ]

  init(corpus: Corpus, document: Int) {
    self.corpus = corpus
    rng = SplitMix64(seed: 0x0DD5_EED0 &+ UInt64(document) &* 0x9E37_79B9_7F4A_7C15)
  }

  static func date(_ day: Int) -> String {
    // Days since Monday 2 January 2023.
    var year = 2023
    var d = day + 1  // 1 January = day 0
    func length(_ y: Int) -> Int { y % 4 == 0 ? 366 : 365 }
    while d >= length(year) {
      d -= length(year)
      year += 1
    }
    let lengths = [31, year % 4 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    var month = 0
    while d >= lengths[month] {
      d -= lengths[month]
      month += 1
    }
    return "\(d + 1) \(months[month]) \(year)"
  }

  mutating func paragraph(_ sentences: ClosedRange<Int>) -> String {
    (0..<Int.random(in: sentences, using: &rng)).map { _ in
      Double.random(in: 0..<1, using: &rng) < 0.08
        ? corpus.stock.randomElement(using: &rng)!
        : corpus.sentence(&rng, acronyms: acronyms)
    }.joined(separator: " ")
  }

  mutating func write() -> String {
    out.reserveCapacity(36_000)
    let target = Int.random(in: 27_000...33_000, using: &rng)
    let eventIndex = Int.random(in: 0..<corpus.events.count, using: &rng)
    let event = corpus.events[eventIndex]
    let principal = corpus.principalChoice.sample(&rng)
    officials = [principal]
    // A joint press conference: a second official answers some questions.
    var second: Int?
    if Double.random(in: 0..<1, using: &rng) < 0.2 {
      let other = corpus.principalChoice.sample(&rng)
      if other != principal {
        second = other
        officials.append(other)
      }
    }
    let inline = Double.random(in: 0..<1, using: &rng) < 0.4
    let moderator = corpus.moderators.randomElement(using: &rng)!
    let lead = corpus.principals[principal]

    // Header.
    out += Self.kinds.randomElement(using: &rng)! + "\n\n"
    out +=
      "by \(lead.label) \(Self.occasions.randomElement(using: &rng)!) in \(corpus.places[event.place])\n\n"
    out += "  • \(Self.date(event.day)) -\n"
    out +=
      "  • Last updated: \(Self.date(event.day + 1)) 1\(Int.random(in: 0...9, using: &rng)):33\n\n"
    out += "(As delivered)\n\n"

    // Opening statement: the event's own passage (the same in every document of the event),
    // acronyms written out, then paragraphs.
    out +=
      ["Good afternoon.", "Good morning.", "Good evening, everyone.", "Thank you very much."]
      .randomElement(using: &rng)! + "\n\n"
    for _ in 0..<Int.random(in: 2...4, using: &rng) {
      let (acronym, expansion) = corpus.acronyms[corpus.acronymChoice.sample(&rng)]
      guard !acronyms.contains(acronym) else { continue }
      out +=
        "We also discussed the work of the \(expansion) (\(acronym)). " + paragraph(2...4) + "\n\n"
      acronyms.append(acronym)
    }
    let paragraphs = Int.random(in: 6...12, using: &rng)
    for p in 0..<paragraphs {
      if p == 1 {
        var eventRNG = SplitMix64(seed: 0xE7E7 &+ UInt64(eventIndex))
        out +=
          (0..<4).map { _ in corpus.sentence(&eventRNG, acronyms: []) }.joined(separator: " ")
          + "\n\n"
      }
      out += paragraph(2...6) + "\n\n"
    }

    // Questions and answers.
    var round = 0
    while out.utf8.count < target {
      var j = corpus.journalistChoice.sample(&rng)
      for _ in 0..<3 where journalists.contains(j) { j = corpus.journalistChoice.sample(&rng) }
      let journalist = corpus.journalists[j]
      let spellings = corpus.outlets[journalist.outlet].spellings
      let outlet =
        spellings.count > 1 && Double.random(in: 0..<1, using: &rng) < 0.4
        ? spellings[1] : spellings[0]
      let call = [
        "All right, we'll go to \(outlet).", "\(outlet), please.", "Next question, \(outlet).",
        "Okay, we'll take one from \(outlet) in the back.", "Let's go to \(outlet) next.",
      ].randomElement(using: &rng)!
      let anonymous = Double.random(in: 0..<1, using: &rng) < 0.05
      if !anonymous && !journalists.contains(j) { journalists.append(j) }
      let question =
        (anonymous ? "" : "Thank you. \(journalist.name) from \(outlet). ")
        + (0..<Int.random(in: 1...3, using: &rng)).map { _ in
          corpus.sentence(&rng, acronyms: acronyms)
        }.joined(separator: " ")
        + " " + corpus.sentence(&rng, acronyms: acronyms, end: "?")
      let answerer = second != nil && round % 3 == 2 ? corpus.principals[second!] : lead
      let answerParagraphs = Int.random(in: 1...3, using: &rng)
      if inline {
        out += "\(moderator): \(call)\n\n"
        out +=
          anonymous
          ? "Question: \(question)\n\n" : "\(journalist.name) (\(outlet)): \(question)\n\n"
        out += "\(answerer.label): \(paragraph(2...6))\n\n"
      } else {
        out += "\(moderator)\n\(call)\n\n"
        out +=
          anonymous ? "Question\n\(question)\n\n" : "\(journalist.name), \(outlet)\n\(question)\n\n"
        out += "\(answerer.label)\n\(paragraph(2...6))\n\n"
      }
      for _ in 1..<answerParagraphs { out += paragraph(2...6) + "\n\n" }
      round += 1
    }
    out += inline ? "\(moderator): " : "\(moderator)\n"
    out += "Thank you. That's all we have time for.\n"
    return out
  }
}

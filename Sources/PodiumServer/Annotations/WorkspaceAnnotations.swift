import Dispatch
import PodiumAnalysis
import PodiumCore
import PodiumJSON
import Synchronization

/// `podium annotate` over several files or a workspace folder: every transcript is parsed and
/// indexed together, so each one's annotations carry its references to the others.
public struct WorkspaceAnnotations: Sendable {
  public struct Entry: Sendable {
    public var path: String
    public var uri: String
    public var transcript: Transcript
  }

  public private(set) var entries: [Entry] = []
  public private(set) var index = WorkspaceIndex()
  /// Named files that could not be read, with why.
  public private(set) var failures: [String] = []
  /// Files found in a folder and left out (binary, not a transcript), with why.
  public private(set) var skipped: [String] = []

  /// Reads and parses the `named` files and those `found` in a folder (in parallel), then
  /// indexes them. A found file that cannot be read, or a found `.txt` that does not read as a
  /// transcript, is skipped; a named one that cannot be read is a failure.
  public init(named: [String], found: [String] = []) {
    let paths = named + found
    let check = paths.indices.map { $0 >= named.count }
    let slots = Mutex(
      [Result<Entry, WorkspaceFiles.SkipReason>?](repeating: nil, count: paths.count))
    DispatchQueue.concurrentPerform(iterations: paths.count) { i in
      let path = paths[i]
      let result = WorkspaceFiles.transcript(at: path, maximumBytes: .max, checking: check[i]).map {
        Entry(path: path, uri: TranscriptFile.uri(forPath: path), transcript: $0)
      }
      slots.withLock { $0[i] = result }
    }
    for (i, (path, slot)) in zip(paths, slots.withLock { $0 }).enumerated() {
      switch slot {
      case .success(let entry)?: entries.append(entry)
      case .failure(.notTranscript)?:
        skipped.append("\(path): \(WorkspaceFiles.SkipReason.notTranscript)")
      case .failure(let reason)? where check[i]: skipped.append("\(path): \(reason)")
      case .failure(let reason)?: failures.append("\(path): \(reason)")
      case nil: break
      }
    }
    for entry in entries { index.update(entry.uri, transcript: entry.transcript) }
  }

  /// The candidate files of a workspace folder, as the server would scan them, and what was
  /// skipped (symlink loops, unreadable or oversized files).
  public static func scan(folder: String) throws -> WorkspaceFiles.Scan {
    try WorkspaceFiles(folders: [folder]).scan()
  }

  public func references(of entry: Entry) -> [CrossReference] {
    index.links(of: entry.uri, transcript: entry.transcript)
  }

  /// The annotation object of one entry, its references included.
  public func json(_ entry: Entry, encoding: PositionEncoding) -> JSON {
    let texts = Dictionary(
      entries.map { ($0.uri, $0.transcript.text) }, uniquingKeysWith: { a, _ in a })
    return AnnotationEncoder.encode(
      entry.transcript, uri: entry.uri, encoding: encoding, references: references(of: entry),
      text: { texts[$0] })
  }

  /// The references of one entry as a readable table: line → target, kind, score, note.
  public func referencesTable(_ entry: Entry) -> String {
    let paths = Dictionary(entries.map { ($0.uri, $0.path) }, uniquingKeysWith: { a, _ in a })
    var out = "# references\n"
    for r in references(of: entry) {
      let from = entry.transcript.text.line(containing: r.from.lowerBound) + 1
      let target = r.target.document.map { paths[$0] ?? $0 }.map { "\($0):" } ?? "line "
      let score = r.score < 1 ? String(format2(r.score)) : "1"
      out +=
        "line \(from) → \(target)\(r.target.lines.lowerBound + 1)  \(r.kind.rawValue)  \(score)  \(r.note)\n"
    }
    return out
  }

  private func format2(_ x: Double) -> String {
    let hundredths = Int((x * 100).rounded())
    return "0.\(hundredths < 10 ? "0" : "")\(hundredths)"
  }
}

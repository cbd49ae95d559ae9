import Dispatch
import PodiumAnalysis
import PodiumCore
import PodiumJSON
import PodiumRPC
import Synchronization

/// Fills the workspace index from the workspace folders: a scan, then every file read, parsed
/// and analysed on background threads (one per core) with `$/progress` reports; later, single
/// files from file events. Open documents are never replaced by their files.
final class WorkspaceIndexer: Sendable {
  let state: WorkspaceState
  let files: WorkspaceFiles

  /// At most this many files are indexed from the folders.
  static let maximumFiles = 50_000

  init(state: WorkspaceState, files: WorkspaceFiles) {
    self.state = state
    self.files = files
  }

  /// Scans and indexes every folder in the background. `report(done, total)` is called from
  /// the building threads (at most every 100 ms, and at the end).
  func build(report: @escaping @Sendable (Int, Int, String?) -> Void) {
    let files = self.files
    let state = self.state
    DispatchQueue.global(qos: .utility).async {
      let started = ContinuousClock.now
      let scan = files.scan()
      for skipped in scan.skipped { Log.info("workspace: skipped \(skipped)") }
      // A folder like a home directory: index a bounded number of files, say so.
      if scan.files.count > Self.maximumFiles {
        Log.warning(
          "workspace: \(scan.files.count) candidate files; indexing the first \(Self.maximumFiles) "
            + "(narrow podium.workspace.include to index others)")
      }
      let paths = Array(scan.files.prefix(Self.maximumFiles))
      let total = paths.count
      report(0, total, nil)
      let next = Atomic(0)
      let done = Atomic(0)
      let indexed = Atomic(0)
      let lastReport = Mutex(ContinuousClock.now)
      let workers = max(1, min(total, System.activeProcessorCount))
      DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while true {
          let i = next.add(1, ordering: .relaxed).oldValue
          guard i < total else { break }
          let path = paths[i]
          if Self.index(path, into: state, maximumBytes: files.maximumFileSize) {
            indexed.add(1, ordering: .relaxed)
          }
          let finished = done.add(1, ordering: .relaxed).newValue
          let now = ContinuousClock.now
          let due = lastReport.withLock { last in
            guard now - last >= .milliseconds(100) else { return false }
            last = now
            return true
          }
          if due && finished < total { report(finished, total, path) }
        }
      }
      report(total, total, nil)
      let elapsed = (ContinuousClock.now - started).components
      let milliseconds = elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000
      let kept = indexed.load(ordering: .relaxed)
      Log.info(
        "workspace: indexed \(kept) transcripts in \(milliseconds) ms; \(total - kept) of \(total) "
          + "files left out, \(scan.skipped.count) skipped by the scan")
    }
  }

  /// Whether `uri` names a file the workspace folders' patterns take in.
  func covers(_ uri: String) -> Bool {
    TranscriptFile.path(fromURI: uri).map(files.contains(path:)) ?? false
  }

  /// A file event: the file is indexed again, or dropped when it is gone or no longer fits.
  func fileChanged(_ uri: String) {
    guard let path = TranscriptFile.path(fromURI: uri), files.contains(path: path) else { return }
    let state = self.state
    let maximum = files.maximumFileSize
    DispatchQueue.global(qos: .utility).async {
      if !Self.index(path, into: state, maximumBytes: maximum) { state.remove(uri) }
    }
  }

  /// Reads, checks, parses and analyses one file, then puts it in the index. False when the
  /// file is skipped (logged).
  @discardableResult
  static func index(_ path: String, into state: WorkspaceState, maximumBytes: Int) -> Bool {
    let uri = TranscriptFile.uri(forPath: path)
    guard !state.isOpen(uri) else { return true }
    switch WorkspaceFiles.transcript(at: path, maximumBytes: maximumBytes) {
    case .failure(.notTranscript):
      Log.debug("workspace: \(path) does not read as a transcript")
      return false
    case .failure(let reason):
      Log.info("workspace: skipped \(path): \(reason)")
      return false
    case .success(let transcript):
      state.indexFile(uri, transcript: transcript, analysis: DocumentAnalysis(transcript))
      return true
    }
  }
}

/// The number of processors to build on.
enum System {
  static var activeProcessorCount: Int {
    #if canImport(Glibc)
      return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    #else
      return 2
    #endif
  }
}

#if canImport(Glibc)
  import Glibc
#endif

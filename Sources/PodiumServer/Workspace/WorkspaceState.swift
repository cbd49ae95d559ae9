import PodiumAnalysis
import PodiumCore
import Synchronization

/// The workspace index as the server shares it: filled from files by a background build and by
/// file events, from open buffers by the editor, and read by request handlers. Analysis (the
/// costly part) happens before the lock is taken.
final class WorkspaceState: Sendable {
  private struct State {
    var index = WorkspaceIndex()
    /// Open documents and the version of their buffer that the index holds (nil: not yet
    /// indexed). While a document is open, its file on disk does not replace it.
    var open: [String: Int?] = [:]
  }
  private let state = Mutex(State())
  /// The last full list of each open document's cross-references, with the document version
  /// and index generation it was computed at (code lenses and links ask for it often).
  private let linkCache = Mutex<[String: (version: Int, generation: Int, links: [CrossReference])]>(
    [:])

  /// The cross-references of `document` if they were computed for this version and index
  /// generation; nil otherwise (nothing is computed).
  func cachedLinks(of document: Document) -> [CrossReference]? {
    guard isCurrent(document) else { return nil }
    let generation = read { $0.generation }
    guard let cached = linkCache.withLock({ $0[document.uri] }), cached.version == document.version,
      cached.generation == generation
    else { return nil }
    return cached.links
  }

  /// Every cross-reference of an open document, computed again only when the document or the
  /// index changed.
  func links(of document: Document) -> [CrossReference] {
    ensureCurrent(document)
    if let cached = cachedLinks(of: document) { return cached }
    let (links, at) = read { index in
      (index.links(of: document.uri, transcript: document.transcript), index.generation)
    }
    linkCache.withLock { $0[document.uri] = (document.version, at, links) }
    return links
  }

  /// Runs `body` with the index; keep it short, the background build waits meanwhile.
  func read<R: Sendable>(_ body: (borrowing WorkspaceIndex) -> R) -> R {
    state.withLock { body($0.index) }
  }

  var documentCount: Int { read { $0.documentCount } }

  // MARK: Open buffers

  func opened(_ uri: String) { state.withLock { $0.open[uri] = .some(nil) } }

  /// Stops preferring the buffer; the caller indexes the file again or removes the document.
  func closed(_ uri: String) {
    _ = state.withLock { $0.open.removeValue(forKey: uri) }
    _ = linkCache.withLock { $0.removeValue(forKey: uri) }
  }

  func isOpen(_ uri: String) -> Bool { state.withLock { $0.open[uri] != nil } }

  /// Whether the index holds `document` as the editor has it now.
  func isCurrent(_ document: Document) -> Bool {
    state.withLock { $0.open[document.uri] == .some(document.version) }
  }

  /// Makes the index hold `document` as the editor has it now (a no-op when it already does).
  /// Safe from any thread: an older version never replaces a newer one.
  func ensureCurrent(_ document: Document) {
    guard !isCurrent(document) else { return }
    let analysis = DocumentAnalysis(document.transcript)
    state.withLock { state in
      guard let indexed = state.open[document.uri] else { return }  // closed meanwhile
      if let version = indexed, version >= document.version { return }
      state.open[document.uri] = document.version
      state.index.update(document.uri, transcript: document.transcript, analysis: analysis)
    }
  }

  // MARK: Files

  /// Indexes a file's transcript unless the document is open in the editor.
  func indexFile(_ uri: String, transcript: Transcript, analysis: DocumentAnalysis) {
    state.withLock { state in
      guard state.open[uri] == nil else { return }
      state.index.update(uri, transcript: transcript, analysis: analysis)
    }
  }

  func remove(_ uri: String) {
    state.withLock { state in
      guard state.open[uri] == nil else { return }
      state.index.remove(uri)
    }
  }

  /// Drops every document read from a file (the files to index changed).
  func removeFiles() {
    state.withLock { state in
      for key in state.index.documents.keys where state.open[key] == nil { state.index.remove(key) }
    }
  }

  /// Drops every document whose URI starts with `prefix` (a removed workspace folder).
  func remove(under prefix: String) {
    state.withLock { state in
      for key in state.index.documents.keys where key.hasPrefix(prefix) && state.open[key] == nil {
        state.index.remove(key)
      }
    }
  }
}

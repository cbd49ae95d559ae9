import PodiumCore
import PodiumRPC

/// The open documents, updated by the text synchronisation notifications.
/// Snapshots are cheap: the text is a persistent structure, so a copy shares it.
public struct DocumentStore: Sendable {
  public private(set) var documents: [String: Document] = [:]

  public init() {}

  public subscript(uri: String) -> Document? { documents[uri] }

  public mutating func open(_ document: Document) {
    if documents[document.uri] != nil {
      Log.info("didOpen for \(document.uri), which is already open: replacing it")
    }
    documents[document.uri] = document
  }

  public mutating func close(_ uri: String) {
    if documents.removeValue(forKey: uri) == nil {
      Log.info("didClose for \(uri), which is not open")
    }
  }

  /// One content change of `didChange`: a replaced range, or the whole text.
  public enum Change: Sendable {
    case replace(start: TextPosition, end: TextPosition, text: String)
    case full(String)
  }

  /// Applies a `didChange`. A version not newer than the one held is stale: ignored and logged.
  /// Returns false when nothing was applied.
  @discardableResult
  public mutating func change(
    _ uri: String, version: Int?, changes: [Change], encoding: PositionEncoding
  ) -> Bool {
    guard var document = documents[uri] else {
      Log.warning("didChange for \(uri), which is not open: ignored")
      return false
    }
    if let version, version <= document.version {
      Log.warning(
        "stale didChange for \(uri): version \(version) is not newer than \(document.version); ignored"
      )
      return false
    }
    // Remove the entry while editing, so the text is uniquely referenced and edits in place.
    documents[uri] = nil
    for change in changes {
      switch change {
      case .full(let text):
        document.transcript = TranscriptParser.parse(TextBuffer(text))
      case .replace(let start, let end, let text):
        var from = document.text.offset(of: start, encoding: encoding)
        var to = document.text.offset(of: end, encoding: encoding)
        if to < from {
          Log.warning("didChange range ends before it starts in \(uri); using it reversed")
          swap(&from, &to)
        }
        // Re-parses only the turns the edit can affect.
        document.transcript = document.transcript.applying(
          TextEdit(range: from..<to, replacement: Array(text.utf8)))
      }
    }
    if let version { document.version = version }
    documents[uri] = document
    return true
  }
}

import PodiumJSON
import Synchronization

/// Ids of requests that are queued or running, and which of them the client cancelled.
final class CancellationRegistry: Sendable {
  private let state = Mutex<(pending: Set<JSON>, cancelled: Set<JSON>)>(([], []))

  func started(_ id: JSON) { state.withLock { _ = $0.pending.insert(id) } }

  func cancel(_ id: JSON) {
    state.withLock { state in
      if state.pending.contains(id) { state.cancelled.insert(id) }
    }
  }

  func isCancelled(_ id: JSON) -> Bool { state.withLock { $0.cancelled.contains(id) } }

  /// Forgets the request; says whether it was cancelled.
  func finished(_ id: JSON) -> Bool {
    state.withLock { state in
      state.pending.remove(id)
      return state.cancelled.remove(id) != nil
    }
  }
}

/// What a handler sees of its request's fate: poll it in long loops.
public struct CancellationToken: Sendable {
  private let check: @Sendable () -> Bool

  init(_ check: @escaping @Sendable () -> Bool) { self.check = check }

  public static let never = CancellationToken { false }

  public var isCancelled: Bool { check() }

  public func checkCancelled() throws(ResponseError) {
    if isCancelled { throw .requestCancelled }
  }
}

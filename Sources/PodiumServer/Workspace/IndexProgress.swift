import PodiumJSON
import PodiumRPC
import Synchronization

/// `$/progress` for the workspace build: one begin, reports with a percentage, one end. The
/// build does not wait for the client to accept the token: reports before that are held back,
/// and on acceptance the client hears where the build stands (begin, and end if it is over).
final class IndexProgress: Sendable {
  let token: JSON
  let connection: Connection
  private enum Stage { case idle, begun, ended }
  private struct State {
    var accepted = false
    var stage = Stage.idle
    /// The scan is over: `total` is known.
    var scanned = false
    var done = 0, total = 0
  }
  private let state = Mutex(State())

  init(token: JSON, connection: Connection) {
    self.token = token
    self.connection = connection
  }

  /// The client created the token: progress may be reported from now on.
  func accept() {
    let values = state.withLock { state -> [JSONObject] in
      state.accepted = true
      return Self.next(&state)
    }
    send(values)
  }

  func report(done: Int, total: Int, current: String?) {
    let values = state.withLock { state -> [JSONObject] in
      (state.done, state.total, state.scanned) = (done, total, true)
      return state.accepted ? Self.next(&state) : []
    }
    send(values)
  }

  /// What to send for the state as it is now.
  private static func next(_ state: inout State) -> [JSONObject] {
    let (done, total) = (state.done, state.total)
    let percentage = total == 0 ? 100 : done * 100 / total
    var out: [JSONObject] = []
    switch state.stage {
    case .ended: return out
    case .idle:
      out.append([
        "kind": "begin", "title": "Indexing transcripts", "cancellable": false,
        "message": .string(state.scanned ? "\(done)/\(total) files" : "scanning the folders"),
        "percentage": JSON(state.scanned ? percentage : 0),
      ])
      state.stage = .begun
    case .begun where done < total:
      out.append([
        "kind": "report", "message": .string("\(done)/\(total) files"),
        "percentage": JSON(percentage),
      ])
    case .begun: break
    }
    if state.scanned, done >= total {
      out.append(["kind": "end", "message": .string("\(total) files")])
      state.stage = .ended
    }
    return out
  }

  private func send(_ values: [JSONObject]) {
    for value in values {
      connection.sendNotification("$/progress", params: ["token": token, "value": .object(value)])
    }
  }
}

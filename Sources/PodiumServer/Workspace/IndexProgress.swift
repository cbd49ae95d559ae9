import PodiumJSON
import PodiumRPC
import Synchronization

/// `$/progress` for the workspace build: one begin, reports with a percentage, one end.
final class IndexProgress: Sendable {
  let token: JSON
  let connection: Connection
  private enum Stage { case idle, begun, ended }
  private let stage = Mutex(Stage.idle)

  init(token: JSON, connection: Connection) {
    self.token = token
    self.connection = connection
  }

  func report(done: Int, total: Int, current: String?) {
    let percentage = total == 0 ? 100 : done * 100 / total
    let values: [JSONObject] = stage.withLock { stage in
      var out: [JSONObject] = []
      if stage == .ended { return out }
      if stage == .idle {
        out.append([
          "kind": "begin", "title": "Indexing transcripts", "cancellable": false,
          "message": .string("\(done)/\(total) files"), "percentage": JSON(percentage),
        ])
        stage = .begun
      } else if done < total {
        out.append([
          "kind": "report", "message": .string("\(done)/\(total) files"),
          "percentage": JSON(percentage),
        ])
      }
      if done >= total {
        out.append(["kind": "end", "message": .string("\(total) files")])
        stage = .ended
      }
      return out
    }
    for value in values {
      connection.sendNotification("$/progress", params: ["token": token, "value": .object(value)])
    }
  }
}

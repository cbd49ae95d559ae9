import PodiumJSON
import PodiumRPC
import Synchronization

/// `$/progress` for the workspace build: begin, reports with a percentage, end.
final class IndexProgress: Sendable {
  let token: JSON
  let connection: Connection
  private let begun = Mutex(false)

  init(token: JSON, connection: Connection) {
    self.token = token
    self.connection = connection
  }

  func report(done: Int, total: Int, current: String?) {
    let percentage = total == 0 ? 100 : done * 100 / total
    let first = begun.withLock { begun in
      defer { begun = true }
      return !begun
    }
    var value: JSONObject
    if first {
      value = [
        "kind": "begin", "title": "Indexing transcripts", "cancellable": false,
        "percentage": JSON(percentage),
      ]
    } else if done >= total {
      value = ["kind": "end", "message": .string("\(total) files")]
    } else {
      value = ["kind": "report", "percentage": JSON(percentage)]
    }
    if !first || done < total {
      value["message"] = value["message"] ?? .string("\(done)/\(total) files")
    }
    connection.sendNotification("$/progress", params: ["token": token, "value": .object(value)])
    // A workspace with nothing to read: begin and end at once.
    if first, done >= total {
      connection.sendNotification(
        "$/progress", params: ["token": token, "value": ["kind": "end", "message": "0 files"]])
    }
  }
}

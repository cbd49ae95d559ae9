/// The `podium/…` requests scripts can send (advertised under `experimental.podium`).
enum CustomMethods {
  static var all: [String] {
    RequestHandlers.table.keys.filter { $0.hasPrefix("podium/") }.sorted()
  }
}

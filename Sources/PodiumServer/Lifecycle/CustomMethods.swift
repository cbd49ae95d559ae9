/// The `podium/…` requests scripts can send (advertised under `experimental.podium`).
enum CustomMethods {
  static let all: [String] = []
}

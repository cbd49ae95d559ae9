import PodiumCore
import PodiumJSON

extension PositionEncoding {
  /// LSP 3.17 `general.positionEncodings`: utf-8 when the client offers it (our offsets are
  /// UTF-8, so no conversion at all), else utf-16 (the default every client must support);
  /// utf-32 only when that is all it offers.
  static func negotiate(clientOffers offers: JSON?) -> PositionEncoding {
    let offered = (offers?.arrayValue ?? []).compactMap(\.stringValue)
    if offered.contains(PositionEncoding.utf8.rawValue) { return .utf8 }
    if offered.contains(PositionEncoding.utf16.rawValue) || offered.isEmpty { return .utf16 }
    if offered.contains(PositionEncoding.utf32.rawValue) { return .utf32 }
    return .utf16
  }
}

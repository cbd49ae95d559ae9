/// The text of a document as valid UTF-8 bytes, with its line index.
///
/// PROVISIONAL array-backed implementation: it fixes the API; the storage is to become a
/// persistent rope so that an edit costs O(edit + log n) and conversions O(log n).
/// Line breaks are "\n", "\r\n" and a lone "\r".
public struct TextBuffer: Sendable, Equatable {
  private var storage: [UInt8]

  public init(_ bytes: some Collection<UInt8>) {
    // Keep the invariant: always valid UTF-8 (invalid sequences become U+FFFD).
    let array = Array(bytes)
    if String(validating: array, as: UTF8.self) != nil {
      storage = array
    } else {
      storage = Array(String(decoding: array, as: UTF8.self).utf8)
    }
  }

  public init(_ string: String) { storage = Array(string.utf8) }

  public var utf8Count: Int { storage.count }
  public var allBytes: [UInt8] { storage }
  public var string: String { String(decoding: storage, as: UTF8.self) }
  public func bytes(in range: Range<Int>) -> [UInt8] { Array(storage[range]) }

  public mutating func replace(_ range: Range<Int>, with bytes: some Collection<UInt8>) {
    storage.replaceSubrange(range, with: bytes)
  }

  public mutating func apply(_ edit: TextEdit) { replace(edit.range, with: edit.replacement) }
}

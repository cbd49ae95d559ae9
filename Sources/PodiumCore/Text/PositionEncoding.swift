/// The unit in which a protocol position counts characters within a line (LSP `positionEncoding`).
public enum PositionEncoding: String, Sendable, Hashable, CaseIterable {
  case utf8 = "utf-8"
  case utf16 = "utf-16"
  case utf32 = "utf-32"
}

/// A zero-based line and character position, `character` counted in some `PositionEncoding`.
public struct TextPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var line: Int
  public var character: Int

  public init(line: Int, character: Int) {
    self.line = line
    self.character = character
  }

  public static func < (a: TextPosition, b: TextPosition) -> Bool {
    (a.line, a.character) < (b.line, b.character)
  }

  public var description: String { "\(line):\(character)" }
}

/// A replacement of `range` (UTF-8 offsets in the text before the edit) by `replacement`.
public struct TextEdit: Sendable, Hashable {
  public var range: Range<Int>
  public var replacement: [UInt8]

  public init(range: Range<Int>, replacement: [UInt8]) {
    self.range = range
    self.replacement = replacement
  }

  public init(range: Range<Int>, replacement: String) {
    self.init(range: range, replacement: Array(replacement.utf8))
  }
}

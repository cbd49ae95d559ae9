/// Something a careful reader would flag, later shown as a diagnostic.
public struct Finding: Sendable, Equatable {
  public var kind: FindingKind
  public var range: Range<Int>
  public var message: String
  /// Where the reference spelling stands (usually the speaker's label).
  public var related: Range<Int>?
  /// The replacement a quick fix would offer, when there is one.
  public var suggestion: String?

  public init(
    kind: FindingKind, range: Range<Int>, message: String, related: Range<Int>? = nil,
    suggestion: String? = nil
  ) {
    self.kind = kind
    self.range = range
    self.message = message
    self.related = related
    self.suggestion = suggestion
  }
}

public enum FindingKind: String, Sendable, Equatable, CaseIterable {
  case spellingVariant = "spelling-variant"
  case outletVariant = "outlet-variant"
  case inaudible
  case cutOff = "cut-off"
  case truncated
  case unresolvedLabel = "unresolved-label"
}

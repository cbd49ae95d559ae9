/// What a transcript says about itself before anyone speaks. Header lines are nobody's speech.
public struct Header: Sendable, Equatable {
  public var title: String?
  public var eventKind: EventKind?
  /// The id of the principal speaker ("by NATO Secretary General Mark Rutte …"), when named.
  public var principalSpeaker: String?
  public var date: PartialDate?
  public var place: String?
  public var asDelivered: Bool
  /// ISO 8601 ("2025-02-14T11:33"), as precise as the text says.
  public var lastUpdated: String?
  public var sourceURL: String?
  /// Where the speech is cut off ("Transcript continues: URL"), when it is.
  public var truncation: Truncation?
  /// The header's lines (zero-based, half-open) and bytes.
  public var lines: Range<Int>
  public var range: Range<Int>

  public init(
    title: String? = nil, eventKind: EventKind? = nil, principalSpeaker: String? = nil,
    date: PartialDate? = nil, place: String? = nil, asDelivered: Bool = false,
    lastUpdated: String? = nil, sourceURL: String? = nil, truncation: Truncation? = nil,
    lines: Range<Int> = 0..<0, range: Range<Int> = 0..<0
  ) {
    self.title = title
    self.eventKind = eventKind
    self.principalSpeaker = principalSpeaker
    self.date = date
    self.place = place
    self.asDelivered = asDelivered
    self.lastUpdated = lastUpdated
    self.sourceURL = sourceURL
    self.truncation = truncation
    self.lines = lines
    self.range = range
  }
}

public enum EventKind: String, Sendable, Equatable, CaseIterable {
  case pressConference = "press conference"
  case doorstep
  case briefing
  case interview
  case debate
  case speech
  case statement
  case hearing
  case parliamentary
  case other
}

/// A calendar date that may lack its year (or day): ISO 8601 "2025-02-13", or "--10-17".
public struct PartialDate: Sendable, Hashable {
  public var year: Int?
  public var month: Int
  public var day: Int?

  public init(year: Int?, month: Int, day: Int?) {
    self.year = year
    self.month = month
    self.day = day
  }

  public var iso8601: String {
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    switch (year, day) {
    case let (y?, d?): return "\(y)-\(two(month))-\(two(d))"
    case let (y?, nil): return "\(y)-\(two(month))"
    case let (nil, d?): return "--\(two(month))-\(two(d))"
    case (nil, nil): return "--\(two(month))"
    }
  }
}

/// The point where a transcript stops short ("Transcript continues: https://…").
public struct Truncation: Sendable, Equatable {
  /// The marker line's bytes; everything from here on is nobody's speech.
  public var range: Range<Int>
  public var continuationURL: String?

  public init(range: Range<Int>, continuationURL: String?) {
    self.range = range
    self.continuationURL = continuationURL
  }
}

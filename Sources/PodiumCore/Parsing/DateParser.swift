/// Finds calendar dates in header text: `13 Feb. 2025`, `13 February 2025`, `13 FEB 2025`,
/// `February 13, 2025`, `2025-02-13`, and partial ones such as `on 17 and 18 October`.
enum DateParser {
  struct Found: Equatable {
    var date: PartialDate
    /// "11:33" when a time of day follows the date.
    var time: String?
  }

  private enum Token: Equatable {
    case number(Int, digits: Int)
    case month(Int)
    case word(String)
    case time(String)
    case iso(Int, Int, Int)
  }

  static func firstDate(in text: String) -> Found? {
    let tokens = tokenize(text)
    var i = 0
    while i < tokens.count {
      if case .iso(let y, let m, let d) = tokens[i], (1...12).contains(m), (1...31).contains(d) {
        return Found(date: PartialDate(year: y, month: m, day: d), time: time(after: i, tokens))
      }
      // Day [and Day]* Month [Year]
      if case .number(let day, let digits) = tokens[i], digits <= 2, (1...31).contains(day) {
        var j = i + 1
        while j + 1 < tokens.count, tokens[j] == .word("and") || tokens[j] == .word("to"),
          case .number(_, let d2) = tokens[j + 1], d2 <= 2
        {
          j += 2
        }
        if j < tokens.count, case .month(let m) = tokens[j] {
          var year: Int?
          if j + 1 < tokens.count, case .number(let y, 4) = tokens[j + 1] { year = y }
          let end = year == nil ? j : j + 1
          return Found(
            date: PartialDate(year: year, month: m, day: day), time: time(after: end, tokens))
        }
      }
      // Month Day[,] Year
      if case .month(let m) = tokens[i], i + 1 < tokens.count,
        case .number(let day, let digits) = tokens[i + 1], digits <= 2, (1...31).contains(day)
      {
        var year: Int?
        if i + 2 < tokens.count, case .number(let y, 4) = tokens[i + 2] { year = y }
        let end = year == nil ? i + 1 : i + 2
        return Found(
          date: PartialDate(year: year, month: m, day: day), time: time(after: end, tokens))
      }
      // Month Year
      if case .month(let m) = tokens[i], i + 1 < tokens.count,
        case .number(let y, 4) = tokens[i + 1]
      {
        return Found(date: PartialDate(year: y, month: m, day: nil), time: nil)
      }
      i += 1
    }
    return nil
  }

  private static func time(after i: Int, _ tokens: [Token]) -> String? {
    if i + 1 < tokens.count, case .time(let t) = tokens[i + 1] { return t }
    return nil
  }

  private static func tokenize(_ text: String) -> [Token] {
    var tokens: [Token] = []
    var current = ""
    func flush() {
      defer { current = "" }
      if current.isEmpty { return }
      let lower = current.lowercased()
      if current.allSatisfy(\.isASCII), current.allSatisfy(\.isNumber), let n = Int(current) {
        tokens.append(.number(n, digits: current.count))
      } else if let m = Vocabulary.months[lower],
        lower != "may" || current.first?.isUppercase == true
      {
        tokens.append(.month(m))
      } else if let t = parseTime(current) {
        tokens.append(.time(t))
      } else if let iso = parseISO(current) {
        tokens.append(.iso(iso.0, iso.1, iso.2))
      } else {
        tokens.append(.word(lower))
      }
    }
    for ch in text {
      if ch.isLetter || ch.isNumber || ch == ":" || (ch == "-" && current.first?.isNumber == true) {
        current.append(ch)
      } else {
        flush()
      }
    }
    flush()
    return tokens
  }

  /// "11:33" → "11:33"; "9:05" → "09:05".
  private static func parseTime(_ s: String) -> String? {
    let parts = s.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2 || parts.count == 3,
      parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy(\.isNumber) }),
      let h = Int(parts[0]), let m = Int(parts[1]), h < 24, m < 60
    else { return nil }
    return (h < 10 ? "0\(h)" : "\(h)") + ":" + String(parts[1])
  }

  private static func parseISO(_ s: String) -> (Int, Int, Int)? {
    let parts = s.split(separator: "-")
    guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]),
      let d = Int(parts[2])
    else { return nil }
    return (y, m, d)
  }
}

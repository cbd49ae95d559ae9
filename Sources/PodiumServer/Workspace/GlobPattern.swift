/// An LSP 3.17 `GlobPattern` matched against a path relative to a workspace folder:
/// `*` (within a segment), `**` (any number of segments, as a whole segment), `?`, `{a,b}`
/// (may nest, may hold `/`), `[a-z]` and `[!a-z]`. A pattern without `/` matches the file name
/// in any folder (`*.vtt` matches `a/b/c.vtt`), as editors' file watchers do; a leading `/`
/// anchors to the folder. Matching is case-sensitive, by Unicode scalar, with no exponential
/// backtracking.
public struct GlobPattern: Sendable, Hashable, CustomStringConvertible {
  public struct SyntaxError: Error, Equatable, CustomStringConvertible {
    public var pattern: String
    public var message: String
    public var description: String { "invalid glob pattern \"\(pattern)\": \(message)" }
  }

  enum Token: Hashable {
    case scalar(Unicode.Scalar)
    case any
    case star
    case set([ClosedRange<Unicode.Scalar>], negated: Bool)

    func matches(_ c: Unicode.Scalar) -> Bool {
      switch self {
      case .scalar(let s): return s == c
      case .any: return true
      case .star: return false
      case .set(let ranges, let negated): return ranges.contains { $0.contains(c) } != negated
      }
    }
  }

  enum Segment: Hashable {
    case globstar
    case tokens([Token])
  }

  public let description: String
  /// One segment list per alternative of the brace expansion.
  let alternatives: [[Segment]]

  static let maximumAlternatives = 1024

  public init(_ pattern: String) throws(SyntaxError) {
    description = pattern
    let fail = { (message: String) in SyntaxError(pattern: pattern, message: message) }
    guard !pattern.isEmpty else { throw fail("empty pattern") }
    let expanded = try Self.expand(Array(pattern.unicodeScalars)[...], fail)
    alternatives = try expanded.map { alternative throws(SyntaxError) in
      var segments: [Segment] = []
      for part in alternative.split(separator: "/") {
        if part.elementsEqual("**".unicodeScalars) {
          if segments.last != .globstar { segments.append(.globstar) }
        } else {
          segments.append(.tokens(try Self.tokens(part, fail)))
        }
      }
      guard !segments.isEmpty else { throw fail("no path segment") }
      if !alternative.contains("/"), segments != [.globstar] { segments.insert(.globstar, at: 0) }
      return segments
    }
  }

  public func matches(_ relativePath: String) -> Bool {
    matches(segments: Self.segments(of: relativePath))
  }

  /// Whether the pattern names a hidden directory such as `.podium` explicitly (a folder segment
  /// beginning with a literal "."), so that the walk enters it.
  func admitsHiddenDirectory(_ name: [Unicode.Scalar]) -> Bool {
    alternatives.contains { segments in
      segments.dropLast().contains { segment in
        guard case .tokens(let tokens) = segment, tokens.first == .scalar(".") else { return false }
        return Self.match(segment, name)
      }
    }
  }

  func matches(segments path: [[Unicode.Scalar]]) -> Bool {
    alternatives.contains {
      Self.wildcard($0, path, isStar: { $0 == .globstar }, match: Self.match)
    }
  }

  static func segments(of path: String) -> [[Unicode.Scalar]] {
    path.unicodeScalars.split(separator: "/").map(Array.init)
  }

  private static func match(_ segment: Segment, _ name: [Unicode.Scalar]) -> Bool {
    switch segment {
    case .globstar: return true
    case .tokens(let tokens):
      return wildcard(tokens, name, isStar: { $0 == .star }, match: { $0.matches($1) })
    }
  }

  /// Wildcard matching where each non-star element matches exactly one item: greedy, going back
  /// only to the last star, so O(pattern × items) at worst.
  private static func wildcard<P, I>(
    _ pattern: [P], _ items: [I], isStar: (P) -> Bool, match: (P, I) -> Bool
  ) -> Bool {
    var p = 0
    var i = 0
    var star: (p: Int, i: Int)?
    while i < items.count {
      if p < pattern.count, isStar(pattern[p]) {
        star = (p, i)
        p += 1
      } else if p < pattern.count, match(pattern[p], items[i]) {
        p += 1
        i += 1
      } else if let last = star {
        star = (last.p, last.i + 1)
        p = last.p + 1
        i = last.i + 1
      } else {
        return false
      }
    }
    while p < pattern.count, isStar(pattern[p]) { p += 1 }
    return p == pattern.count
  }

  /// Brace expansion: `a{b,c{d,e}}f` → abf, acdf, acef. Brackets are copied through untouched.
  private static func expand(
    _ input: ArraySlice<Unicode.Scalar>, _ fail: (String) -> SyntaxError
  ) throws(SyntaxError) -> [[Unicode.Scalar]] {
    var results: [[Unicode.Scalar]] = [[]]
    var index = input.startIndex
    while index < input.endIndex {
      let c = input[index]
      if c == "[", let close = closingBracket(input, from: index) {
        results = results.map { $0 + input[index...close] }
        index = close + 1
      } else if c == "{" {
        var depth = 0
        var commas: [Int] = []
        var end: Int?
        var j = index
        scan: while j < input.endIndex {
          switch input[j] {
          case "[": if let close = closingBracket(input, from: j) { j = close }
          case "{": depth += 1
          case "}":
            depth -= 1
            if depth == 0 {
              end = j
              break scan
            }
          case "," where depth == 1: commas.append(j)
          default: break
          }
          j += 1
        }
        guard let end else { throw fail("unclosed \"{\"") }
        let bounds = [index] + commas + [end]
        var options: [[Unicode.Scalar]] = []
        for k in 0..<(bounds.count - 1) {
          options += try expand(input[(bounds[k] + 1)..<bounds[k + 1]], fail)
        }
        results = results.flatMap { head in options.map { head + $0 } }
        guard results.count <= maximumAlternatives else { throw fail("too many alternatives") }
        index = end + 1
      } else if c == "}" {
        throw fail("unmatched \"}\"")
      } else {
        for k in results.indices { results[k].append(c) }
        index += 1
      }
    }
    return results
  }

  /// The index of the `]` closing the bracket expression at `start`; a `]` right after `[` or
  /// `[!` is a member.
  private static func closingBracket(_ s: ArraySlice<Unicode.Scalar>, from start: Int) -> Int? {
    var j = start + 1
    if j < s.endIndex, s[j] == "!" { j += 1 }
    if j < s.endIndex, s[j] == "]" { j += 1 }
    return s[j...].firstIndex(of: "]")
  }

  private static func tokens(
    _ part: ArraySlice<Unicode.Scalar>, _ fail: (String) -> SyntaxError
  ) throws(SyntaxError) -> [Token] {
    var tokens: [Token] = []
    var index = part.startIndex
    while index < part.endIndex {
      switch part[index] {
      case "*":
        if tokens.last != .star { tokens.append(.star) }
      case "?": tokens.append(.any)
      case "]": throw fail("unmatched \"]\"")
      case "[":
        guard let close = closingBracket(part, from: index) else { throw fail("unclosed \"[\"") }
        var j = index + 1
        let negated = part[j] == "!"
        if negated { j += 1 }
        var ranges: [ClosedRange<Unicode.Scalar>] = []
        while j < close {
          let low = part[j]
          if j + 2 < close, part[j + 1] == "-" {
            let high = part[j + 2]
            guard low <= high else { throw fail("range \(low)-\(high) is out of order") }
            ranges.append(low...high)
            j += 3
          } else {
            ranges.append(low...low)
            j += 1
          }
        }
        guard !ranges.isEmpty else { throw fail("empty \"[]\"") }
        tokens.append(.set(ranges, negated: negated))
        index = close
      default: tokens.append(.scalar(part[index]))
      }
      index += 1
    }
    return tokens
  }
}

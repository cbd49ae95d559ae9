import PodiumCore
import PodiumJSON
import PodiumRPC
import Synchronization

/// `textDocument/semanticTokens/full`, `/full/delta` and `/range`: label parts (decoration,
/// role, organisation, name, outlet, colon), anonymous labels, the text of questions and stage
/// markers such as `[inaudible]`. Tokens never span lines; positions are in the negotiated
/// encoding.
enum SemanticTokens {
  static let fullMethod = "textDocument/semanticTokens/full"
  static let deltaMethod = "textDocument/semanticTokens/full/delta"
  static let rangeMethod = "textDocument/semanticTokens/range"

  enum TokenType: Int, CaseIterable {
    /// An organisation or an outlet ("NATO", "Reuters").
    case namespace
    /// A role ("Secretary General").
    case type
    /// A speaker's name in a label.
    case `class`
    /// An anonymous voice's label ("Question").
    case keyword
    /// Label decoration ("🗣 |") and the colon.
    case decorator
    /// The text of a question.
    case string
    /// A stage marker ("[inaudible]").
    case comment
  }

  enum Modifier: Int, CaseIterable {
    case question, answer, official, moderator, journalist, anonymous
    var bit: Int { 1 << rawValue }
  }

  static var legend: JSON {
    [
      "tokenTypes": .array(TokenType.allCases.map { .string("\($0)") }),
      "tokenModifiers": .array(Modifier.allCases.map { .string("\($0)") }),
    ]
  }

  static var capability: JSON {
    ["legend": legend, "range": true, "full": ["delta": true]]
  }

  struct Token: Equatable {
    /// Absolute byte range, on one line.
    var range: Range<Int>
    var type: TokenType
    var modifiers: Int
  }

  // MARK: Handlers

  static func full(_ snapshot: Snapshot, _ params: Params, _ cancel: CancellationToken)
    throws(ResponseError) -> JSON
  {
    let document = try snapshot.document(try params.string("textDocument.uri"))
    let data = try encode(
      document.transcript, lines: 0..<Int.max, bytes: nil, snapshot.encoding, cancel)
    let id = cache.store(uri: document.uri, data: data)
    return ["resultId": .string(id), "data": .array(data.map { JSON($0) })]
  }

  static func delta(_ snapshot: Snapshot, _ params: Params, _ cancel: CancellationToken)
    throws(ResponseError) -> JSON
  {
    let document = try snapshot.document(try params.string("textDocument.uri"))
    let previousID = try params.string("previousResultId")
    let data = try encode(
      document.transcript, lines: 0..<Int.max, bytes: nil, snapshot.encoding, cancel)
    let previous = cache.data(uri: document.uri, resultID: previousID)
    let id = cache.store(uri: document.uri, data: data)
    guard let previous else {
      // Unknown or superseded result: answer in full, which the protocol allows.
      return ["resultId": .string(id), "data": .array(data.map { JSON($0) })]
    }
    return ["resultId": .string(id), "edits": .array(edits(from: previous, to: data))]
  }

  static func range(_ snapshot: Snapshot, _ params: Params, _ cancel: CancellationToken)
    throws(ResponseError) -> JSON
  {
    let document = try snapshot.document(try params.string("textDocument.uri"))
    let (start, end) = try params.range("range")
    let lines = max(0, start.line)..<max(max(0, start.line), end.line) + 1
    let window = TextWindow(text: document.text, encoding: snapshot.encoding, lines: lines)
    let from = window.offset(start)
    let to = max(from, window.offset(end))
    let data = try encode(
      document.transcript, window: window, bytes: from..<to, snapshot.encoding, cancel)
    return ["data": .array(data.map { JSON($0) })]
  }

  /// One edit: the common prefix and suffix of the two arrays are kept.
  static func edits(from old: [Int], to new: [Int]) -> [JSON] {
    var prefix = 0
    while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < old.count - prefix, suffix < new.count - prefix,
      old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
    {
      suffix += 1
    }
    if prefix == old.count, prefix == new.count { return [] }
    return [
      [
        "start": JSON(prefix), "deleteCount": JSON(old.count - prefix - suffix),
        "data": .array(new[prefix..<(new.count - suffix)].map { JSON($0) }),
      ]
    ]
  }

  // MARK: Tokens

  /// The LSP integer encoding of the tokens of `lines` (clamped), restricted to `bytes` if given.
  static func encode(
    _ transcript: Transcript, lines: Range<Int>, bytes: Range<Int>?, _ encoding: PositionEncoding,
    _ cancel: CancellationToken = .never
  ) throws(ResponseError) -> [Int] {
    try encode(
      transcript, window: TextWindow(text: transcript.text, encoding: encoding, lines: lines),
      bytes: bytes, encoding, cancel)
  }

  static func encode(
    _ transcript: Transcript, window: TextWindow, bytes: Range<Int>?, _ encoding: PositionEncoding,
    _ cancel: CancellationToken = .never
  ) throws(ResponseError) -> [Int] {
    var tokens = try self.tokens(transcript, window: window, cancel)
    if let bytes {
      tokens.removeAll {
        !($0.range.overlaps(bytes) || (bytes.isEmpty && $0.range.contains(bytes.lowerBound)))
      }
    }
    var data: [Int] = []
    data.reserveCapacity(tokens.count * 5)
    var previousLine = 0
    var previousCharacter = 0
    for token in tokens {
      let index = window.lineIndex(of: token.range.lowerBound)
      let lineStart = window.lineStarts[index]
      let start = token.range.lowerBound - window.base
      let character = window.units(lineStart..<start)
      let length = window.units(start..<(token.range.upperBound - window.base))
      guard length > 0 else { continue }
      let line = window.firstLine + index
      data += [
        line - previousLine, line == previousLine ? character - previousCharacter : character,
        length,
        token.type.rawValue, token.modifiers,
      ]
      previousLine = line
      previousCharacter = character
    }
    return data
  }

  /// The tokens of the window's lines, sorted, non-overlapping, each on one line.
  static func tokens(
    _ transcript: Transcript, window: TextWindow, _ cancel: CancellationToken = .never
  )
    throws(ResponseError) -> [Token]
  {
    var labelTokens: [Token] = []
    var speechTokens: [Token] = []
    let lines = window.lines
    var turnIndex = transcript.firstTurn(endingAfter: lines.lowerBound)
    var speakersByID: [String: Speaker] = [:]
    while turnIndex < transcript.turns.count,
      transcript.turns[turnIndex].lines.lowerBound < lines.upperBound
    {
      if turnIndex % 1024 == 0 { try cancel.checkCancelled() }
      let turn = transcript.turns[turnIndex]
      turnIndex += 1
      if speakersByID[turn.speaker] == nil, let speaker = transcript.speaker(id: turn.speaker) {
        speakersByID[turn.speaker] = speaker
      }
      let speaker = speakersByID[turn.speaker]
      var modifiers = 0
      switch speaker?.kind {
      case .official?: modifiers |= Modifier.official.bit
      case .moderator?: modifiers |= Modifier.moderator.bit
      case .journalist?: modifiers |= Modifier.journalist.bit
      case .anonymous?: modifiers |= Modifier.anonymous.bit
      default: break
      }
      if turn.kind == .question { modifiers |= Modifier.question.bit }
      if turn.kind == .answer { modifiers |= Modifier.answer.bit }

      if let label = turn.label, window.contains(label.lowerBound), label.lowerBound < window.end,
        let anatomy = LabelAnatomy(turn: turn, speaker: speaker, text: transcript.text)
      {
        for part in anatomy.parts {
          let type: TokenType
          switch part.kind {
          case .decoration, .colon: type = .decorator
          case .name: type = .class
          case .role: type = .type
          case .organization, .outlet: type = .namespace
          case .anonymous: type = .keyword
          }
          labelTokens.append(Token(range: part.range, type: type, modifiers: modifiers))
        }
      }
      if turn.kind == .question, !turn.body.isEmpty {
        // The question's text, line by line, trimmed.
        let from = max(turn.body.lowerBound, window.base)
        let to = min(turn.body.upperBound, window.end)
        guard from < to else { continue }
        var index = window.lineIndex(of: from)
        while index < window.lineStarts.count, window.lineStarts[index] + window.base < to {
          let line = window.lineRange(index)
          var a = max(line.lowerBound, from - window.base)
          var b = min(line.upperBound, to - window.base)
          while a < b, LabelAnatomy.isSpace(window.bytes[a]) { a += 1 }
          while b > a, LabelAnatomy.isSpace(window.bytes[b - 1]) { b -= 1 }
          if a < b {
            speechTokens.append(
              Token(
                range: (a + window.base)..<(b + window.base), type: .string, modifiers: modifiers))
          }
          index += 1
        }
      }
    }
    try cancel.checkCancelled()
    let markers = StageMarkers.find(in: window.bytes, 0..<window.bytes.count).map {
      Token(
        range: ($0.lowerBound + window.base)..<($0.upperBound + window.base), type: .comment,
        modifiers: 0)
    }
    // Markers and labels win over question text: cut the text around them.
    let holes = (markers + labelTokens).sorted { $0.range.lowerBound < $1.range.lowerBound }
    var result = holes
    for token in speechTokens {
      result += carve(token, around: holes).compactMap { piece in
        // Trim the spaces a cut leaves.
        var a = piece.range.lowerBound - window.base
        var b = piece.range.upperBound - window.base
        while a < b, LabelAnatomy.isSpace(window.bytes[a]) { a += 1 }
        while b > a, LabelAnatomy.isSpace(window.bytes[b - 1]) { b -= 1 }
        guard a < b else { return nil }
        return Token(
          range: (a + window.base)..<(b + window.base), type: piece.type, modifiers: piece.modifiers
        )
      }
    }
    result.sort { $0.range.lowerBound < $1.range.lowerBound }
    // Never overlap (a marker inside a label, say): the earlier token wins.
    var cleaned: [Token] = []
    cleaned.reserveCapacity(result.count)
    for token in result {
      if let last = cleaned.last, last.range.upperBound > token.range.lowerBound { continue }
      cleaned.append(token)
    }
    return cleaned
  }

  /// `token` minus the ranges of `holes` (sorted), in pieces, spaces trimmed at the cuts.
  static func carve(_ token: Token, around holes: [Token]) -> [Token] {
    var pieces: [Token] = []
    var cursor = token.range.lowerBound
    // Binary search the first hole that ends after the token starts.
    var low = 0
    var high = holes.count
    while low < high {
      let mid = (low + high) / 2
      if holes[mid].range.upperBound <= token.range.lowerBound { low = mid + 1 } else { high = mid }
    }
    var index = low
    while index < holes.count, holes[index].range.lowerBound < token.range.upperBound {
      let hole = holes[index].range
      if hole.lowerBound > cursor {
        pieces.append(
          Token(range: cursor..<hole.lowerBound, type: token.type, modifiers: token.modifiers))
      }
      cursor = max(cursor, hole.upperBound)
      index += 1
    }
    if cursor < token.range.upperBound {
      pieces.append(
        Token(range: cursor..<token.range.upperBound, type: token.type, modifiers: token.modifiers))
    }
    return pieces
  }

  // MARK: Previous results, for deltas

  static let cache = ResultCache()

  final class ResultCache: Sendable {
    private let state = Mutex<(next: Int, entries: [String: (id: String, data: [Int])])>((1, [:]))

    func store(uri: String, data: [Int]) -> String {
      state.withLock { state in
        let id = "\(state.next)"
        state.next += 1
        state.entries[uri] = (id, data)
        return id
      }
    }

    func data(uri: String, resultID: String) -> [Int]? {
      state.withLock { state in
        guard let entry = state.entries[uri], entry.id == resultID else { return nil }
        return entry.data
      }
    }
  }
}

import PodiumCore
import PodiumJSON
import PodiumRPC

/// `textDocument/inlayHint`: the speaker's name ("Mark Rutte:") before each unlabelled
/// paragraph that carries on a turn, before a turn attributed by continuation and before an
/// opening statement attributed from the header — so the reader never scrolls up to learn who
/// is talking. Only the requested range is looked at.
///
/// A paragraph starts after a blank line; in a turn written one paragraph a line (no blank
/// lines and long lines, as in "🗣 | NATO Secretary General:" transcripts) each line is one.
enum InlayHints {
  static let method = "textDocument/inlayHint"

  static var capability: JSON { ["resolveProvider": false] }

  /// Lines averaging at least this many bytes, with no blank line between, are paragraphs.
  static let paragraphLineLength = 100

  static func handle(_ snapshot: Snapshot, _ params: Params, _ cancel: CancellationToken)
    throws(ResponseError) -> JSON
  {
    let document = try snapshot.document(try params.string("textDocument.uri"))
    let (start, end) = try params.range("range")
    let settings = snapshot.configuration.inlayHints
    guard settings.enabled, settings.continuations || settings.openingStatement else { return [] }
    let transcript = document.transcript
    let text = transcript.text
    let firstLine = max(0, start.line)
    let window = TextWindow(
      text: text, encoding: snapshot.encoding, lines: firstLine..<(max(firstLine, end.line) + 1))
    let from = window.offset(start)
    let to = max(from, window.offset(end))
    return .array(
      try hints(transcript, window: window, bytes: from..<to, settings: settings, cancel).map {
        hint in
        [
          "position": window.positionJSON(hint.offset),
          "label": .string(hint.label),
          "paddingRight": true,
          "tooltip": .string(hint.tooltip),
        ]
      })
  }

  struct Hint: Equatable {
    var offset: Int
    var label: String
    var tooltip: String
  }

  static func hints(
    _ transcript: Transcript, window: TextWindow, bytes: Range<Int>,
    settings: ServerConfiguration.InlayHints, _ cancel: CancellationToken = .never
  ) throws(ResponseError) -> [Hint] {
    var result: [Hint] = []
    let text = transcript.text
    var turnIndex = transcript.firstTurn(endingAfter: window.lines.lowerBound)
    while turnIndex < transcript.turns.count,
      transcript.turns[turnIndex].lines.lowerBound < window.lines.upperBound
    {
      if turnIndex % 256 == 0 { try cancel.checkCancelled() }
      let turn = transcript.turns[turnIndex]
      turnIndex += 1
      guard !turn.body.isEmpty, let speaker = transcript.speaker(id: turn.speaker) else { continue }
      let label = speaker.name + ":"
      func add(_ offset: Int, _ why: String) {
        guard offset >= bytes.lowerBound,
          offset < bytes.upperBound || bytes.isEmpty && offset == bytes.lowerBound
        else { return }
        result.append(Hint(offset: offset, label: label, tooltip: tooltip(speaker, turn, why)))
      }
      switch turn.attribution {
      case .header where settings.openingStatement:
        add(turn.body.lowerBound, "opening statement, attributed from the header")
      case .continuation where settings.continuations:
        add(turn.body.lowerBound, "continues the turn")
      default: break
      }
      guard settings.continuations else { continue }
      for offset in paragraphStarts(turn, window: window, text: text) {
        add(offset, "continues the turn")
      }
    }
    return result
  }

  /// Where each paragraph of the turn after its first starts, within the window.
  static func paragraphStarts(_ turn: Turn, window: TextWindow, text: TextBuffer) -> [Int] {
    let from = max(turn.body.lowerBound, window.base)
    let to = min(turn.body.upperBound, window.end)
    guard from < to else { return [] }
    let linePerParagraph = isOneParagraphPerLine(turn, text: text)
    var result: [Int] = []
    var index = window.lineIndex(of: from)
    // The line before the window's first body line decides whether that line starts a paragraph.
    var previousBlank: Bool
    if window.lineStarts[index] + window.base <= turn.body.lowerBound {
      previousBlank = false  // the body's first line: the turn's first paragraph
    } else if index > 0 {
      previousBlank = window.isBlank(line: index - 1)
    } else {
      let line = window.firstLine - 1
      let start = text.lineStart(line)
      previousBlank = text.bytes(in: start..<text.lineEnd(line)).allSatisfy {
        $0 == 0x20 || $0 == 0x09
      }
    }
    var first = window.lineStarts[index] + window.base <= turn.body.lowerBound
    while index < window.lineStarts.count, window.lineStarts[index] + window.base < to {
      let line = window.lineRange(index)
      let blank = window.isBlank(line: index)
      if !blank, !first, previousBlank || linePerParagraph {
        var start = line.lowerBound
        while start < line.upperBound, window.bytes[start] == 0x20 || window.bytes[start] == 0x09 {
          start += 1
        }
        result.append(start + window.base)
      }
      if !blank { first = false }
      previousBlank = blank
      index += 1
    }
    return result
  }

  /// No blank line in the body and long lines: each line is a paragraph.
  static func isOneParagraphPerLine(_ turn: Turn, text: TextBuffer) -> Bool {
    let body = text.bytes(in: turn.body)
    var lines = 1
    var previousBreak = -1
    var index = 0
    while index < body.count {
      let byte = body[index]
      if byte == 0x0A || byte == 0x0D {
        if byte == 0x0D, index + 1 < body.count, body[index + 1] == 0x0A { index += 1 }
        let between = body[(previousBreak + 1)..<max(previousBreak + 1, index)]
        if between.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }) {
          return false
        }
        previousBreak = index
        lines += 1
      }
      index += 1
    }
    return lines > 1 && body.count / lines >= paragraphLineLength
  }

  static func tooltip(_ speaker: Speaker, _ turn: Turn, _ why: String) -> String {
    let about = [speaker.role, speaker.organization ?? speaker.affiliation].compactMap { $0 }
    return speaker.name + (about.isEmpty ? "" : " (\(about.joined(separator: ", ")))")
      + " — turn \(turn.index + 1), \(why)"
  }
}

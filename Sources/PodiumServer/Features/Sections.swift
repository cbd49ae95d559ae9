import PodiumCore

/// The shape a reader sees in a transcript: the header, then turns that stand alone (opening
/// statement, moderation) and exchanges (a question with the turns that answer it).
/// Outline, folding and selection ranges all use this one grouping.
enum Section: Equatable {
  case turn(Int)
  /// The question's index and every turn up to the next question or standalone statement.
  case exchange(question: Int, turns: Range<Int>)

  var turns: Range<Int> {
    switch self {
    case .turn(let index): return index..<(index + 1)
    case .exchange(_, let turns): return turns
    }
  }

  static func sections(of transcript: Transcript) -> [Section] {
    var sections: [Section] = []
    var index = 0
    let turns = transcript.turns
    while index < turns.count {
      guard turns[index].kind == .question else {
        sections.append(.turn(index))
        index += 1
        continue
      }
      var end = index + 1
      while end < turns.count,
        turns[end].kind == .answer
          || (turns[end].kind == .moderation && end + 1 < turns.count
            && turns[end + 1].kind == .answer)
      {
        end += 1
      }
      // A question answered by nobody is still an exchange of one.
      sections.append(.exchange(question: index, turns: index..<end))
      index = end
    }
    return sections
  }
}

extension Transcript {
  /// The lines a group of turns spans.
  func lines(of turns: Range<Int>) -> Range<Int> {
    self.turns[turns.lowerBound].lines
      .lowerBound..<self.turns[turns.upperBound - 1].lines.upperBound
  }

  /// The bytes from the first label (or body) to the end of the last body.
  func bytes(of turns: Range<Int>) -> Range<Int> {
    let first = self.turns[turns.lowerBound]
    let start = first.label?.lowerBound ?? first.body.lowerBound
    return start..<max(start, self.turns[turns.upperBound - 1].body.upperBound)
  }

  /// A speaker's display: "Mark Rutte (Secretary General, NATO)".
  func displayName(of speakerID: String) -> String {
    guard let speaker = speaker(id: speakerID) else { return speakerID }
    let details = [speaker.role, speaker.organization ?? speaker.affiliation].compactMap { $0 }
    return details.isEmpty ? speaker.name : "\(speaker.name) (\(details.joined(separator: ", ")))"
  }

  /// The first words of a turn's speech, for hovers and lenses.
  func excerpt(of turn: Turn, words: Int = 12) -> String {
    let end = min(turn.body.upperBound, turn.body.lowerBound + 400)
    let text = String(decoding: self.text.bytes(in: turn.body.lowerBound..<end), as: UTF8.self)
    let split = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" })
    let taken = split.prefix(words).joined(separator: " ")
    return split.count > words || end < turn.body.upperBound ? taken + "…" : taken
  }
}

import PodiumCore

/// Which speaker the cursor points at: a label, or a mention of a speaker's name in the text.
enum SpeakerAtCursor {
  static func speaker(at offset: Int, in transcript: Transcript) -> String? {
    if let index = transcript.turnIndex(atOffset: offset),
      let label = transcript.turns[index].label,
      label.lowerBound <= offset, offset <= label.upperBound
    {
      return transcript.turns[index].speaker
    }
    guard let word = word(at: offset, in: transcript.text), let first = word.first,
      first.isUppercase
    else { return nil }
    let candidates = transcript.speakers.filter { speaker in
      speaker.kind != .anonymous
        && speaker.name.split(separator: " ").contains { $0 == word }
    }
    if candidates.count == 1 { return candidates[0].id }
    // Several share the word (a surname): take the one whose full name stands around it.
    let window = max(0, offset - 60)..<min(transcript.text.utf8Count, offset + 60)
    let around = String(decoding: transcript.text.bytes(in: window), as: UTF8.self)
    let named = candidates.filter { around.contains($0.name) }
    return named.count == 1 ? named[0].id : nil
  }

  /// The word under `offset`: letters (any script), apostrophes and hyphens.
  static func word(at offset: Int, in text: TextBuffer) -> Substring? {
    let line = text.line(containing: offset)
    let start = text.lineStart(line)
    let lineText = String(decoding: text.bytes(in: start..<text.lineEnd(line)), as: UTF8.self)
    let column = offset - start
    var index = lineText.utf8.startIndex
    var consumed = 0
    var wordStart: String.Index? = nil
    for character in lineText {
      let width = character.utf8.count
      let inWord = character.isLetter || character == "'" || character == "’" || character == "-"
      if inWord {
        if wordStart == nil { wordStart = index }
      } else {
        if let wordStart, consumed >= column { return lineText[wordStart..<index] }
        wordStart = nil
      }
      if !inWord && consumed >= column { return nil }
      consumed += width
      index = lineText.index(after: index)
    }
    if let wordStart, consumed >= column { return lineText[wordStart...] }
    return nil
  }

  /// Where a speaker is first fully labelled: the first label naming them in full.
  static func definition(of speakerID: String, in transcript: Transcript) -> Range<Int>? {
    let turns = transcript.turns.filter { $0.speaker == speakerID }
    let name = transcript.speaker(id: speakerID)?.name ?? ""
    let labels = turns.compactMap(\.label)
    if let full = labels.first(where: {
      String(decoding: transcript.text.bytes(in: $0), as: UTF8.self).contains(name)
    }) {
      return full
    }
    if let first = labels.first { return first }
    return turns.first.map { DocumentSymbols.selection(of: $0, transcript) }
  }

  /// Every label of the speaker, and the first line of each unlabelled turn of theirs.
  static func occurrences(of speakerID: String, in transcript: Transcript) -> [(
    Range<Int>, isLabel: Bool
  )] {
    transcript.turns.filter { $0.speaker == speakerID }.map { turn in
      if let label = turn.label { return (label, true) }
      return (DocumentSymbols.selection(of: turn, transcript), false)
    }
  }
}

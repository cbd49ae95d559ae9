import PodiumCore

/// A statement that can be repeated elsewhere: one sentence of a turn, or a few short ones.
public struct StatementUnit: Sendable, Hashable {
  /// Index of the turn in the transcript.
  public var turn: Int
  /// UTF-8 bytes of the sentence(s).
  public var range: Range<Int>
  public var signature: MinHashSignature

  public init(turn: Int, range: Range<Int>, signature: MinHashSignature) {
    self.turn = turn
    self.range = range
    self.signature = signature
  }
}

/// Cuts turns into statement units. A unit is a sentence with at least `minContentWords`
/// content words; a shorter sentence ("Thank you.", "A lot has happened.") is joined to the
/// next one, and a short remainder at the end of a turn is dropped. A run-on passage without
/// punctuation is cut every `maxContentWords` content words.
public enum StatementUnits {
  static let minContentWords = 6
  static let maxContentWords = 64

  /// The statement units of every turn (in text order), for an index or a comparison.
  public static func units(of transcript: Transcript) -> [StatementUnit] {
    var out: [StatementUnit] = []
    for turn in transcript.turns where !turn.body.isEmpty {
      transcript.text.withContiguousBytes(in: turn.body) { p in
        collect(p, base: turn.body.lowerBound, turn: turn.index, into: &out)
      }
    }
    return out
  }

  /// Units of one byte slice (e.g. one turn's body), offsets relative to `base`.
  public static func units(bytes: some Collection<UInt8>, base: Int, turn: Int) -> [StatementUnit] {
    var out: [StatementUnit] = []
    let done: Void? = bytes.withContiguousStorageIfAvailable {
      collect($0, base: base, turn: turn, into: &out)
    }
    if done == nil {
      Array(bytes).withUnsafeBufferPointer { collect($0, base: base, turn: turn, into: &out) }
    }
    return out
  }

  static func collect(
    _ p: UnsafeBufferPointer<UInt8>, base: Int, turn: Int, into out: inout [StatementUnit]
  ) {
    var words: [ContentWord] = []
    var start: Int? = nil
    func emit(_ end: Int) {
      out.append(
        StatementUnit(
          turn: turn, range: (base + start!)..<(base + end),
          signature: MinHash.signature(of: words[...])))
      words.removeAll(keepingCapacity: true)
      start = nil
    }
    for sentence in SentenceSplitter.sentences(p) {
      if start == nil { start = sentence.lowerBound }
      ContentWords.scan(UnsafeBufferPointer(rebasing: p[sentence])) { w in
        let r =
          (w.range.lowerBound + sentence.lowerBound)..<(w.range.upperBound + sentence.lowerBound)
        if start == nil { start = r.lowerBound }  // after a cut inside this sentence
        words.append(ContentWord(stem: w.stem, hasLetter: w.hasLetter, range: r))
        if words.count == maxContentWords { emit(r.upperBound) }
      }
      if words.count >= minContentWords { emit(sentence.upperBound) }
    }
  }
}

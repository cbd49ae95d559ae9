import PodiumCore
import Synchronization

/// Per-document lookups that requests need in O(1) or O(log n): the turns of each speaker and
/// the answers to each question. Built on the first request after an edit (O(turns)), so typing
/// does not pay for it.
struct TurnIndex: Sendable {
  let turnsBySpeaker: [String: [Int]]
  let answersByQuestion: [Int: [Int]]
  let speakerByID: [String: Int]

  init(_ transcript: Transcript) {
    var bySpeaker: [String: [Int]] = [:]
    var answers: [Int: [Int]] = [:]
    for turn in transcript.turns {
      bySpeaker[turn.speaker, default: []].append(turn.index)
      if let question = turn.replyTo { answers[question, default: []].append(turn.index) }
    }
    turnsBySpeaker = bySpeaker
    answersByQuestion = answers
    var byID: [String: Int] = [:]
    for (index, speaker) in transcript.speakers.enumerated() where byID[speaker.id] == nil {
      byID[speaker.id] = index
    }
    speakerByID = byID
  }

  /// Whether two transcripts have the same speakers in the same turns answering the same
  /// questions, so that one index serves both.
  static func sameShape(_ a: Transcript, _ b: Transcript) -> Bool {
    guard a.turns.count == b.turns.count, a.speakers == b.speakers else { return false }
    for (x, y) in zip(a.turns, b.turns) where x.speaker != y.speaker || x.replyTo != y.replyTo {
      return false
    }
    return true
  }

  /// The position (1-based) of `turn` among its speaker's turns, and their count.
  func ordinal(of turn: Turn) -> (Int, of: Int) {
    let own = turnsBySpeaker[turn.speaker] ?? []
    var low = 0
    var high = own.count
    while low < high {
      let mid = (low + high) / 2
      if own[mid] < turn.index { low = mid + 1 } else { high = mid }
    }
    return (low + 1, own.count)
  }

  /// At most `limit` turns of the speaker, the nearest to turn index `around`.
  func turns(of speaker: String, nearest around: Int, limit: Int) -> ArraySlice<Int> {
    let own = turnsBySpeaker[speaker] ?? []
    guard own.count > limit else { return own[...] }
    var low = 0
    var high = own.count
    while low < high {
      let mid = (low + high) / 2
      if own[mid] < around { low = mid + 1 } else { high = mid }
    }
    let start = max(0, min(low - limit / 2, own.count - limit))
    return own[start..<(start + limit)]
  }
}

/// Holds a document's `TurnIndex` once built; a new box comes with every new transcript.
final class TurnIndexBox: Sendable {
  private let value = Mutex<TurnIndex?>(nil)

  func get(_ transcript: Transcript) -> TurnIndex {
    value.withLock { cached in
      if let cached { return cached }
      let index = TurnIndex(transcript)
      cached = index
      return index
    }
  }
}

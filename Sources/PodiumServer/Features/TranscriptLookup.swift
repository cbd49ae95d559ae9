import PodiumCore

/// Finding things in a transcript by position, in O(log n): the basis of every feature that
/// answers "what is under the cursor".
extension Transcript {
  /// The turn whose lines contain `line` (label line included), if any.
  func turnIndex(atLine line: Int) -> Int? {
    var low = 0
    var high = turns.count
    while low < high {
      let mid = (low + high) / 2
      if turns[mid].lines.upperBound <= line { low = mid + 1 } else { high = mid }
    }
    guard low < turns.count, turns[low].lines.contains(line) else { return nil }
    return low
  }

  /// The turn under a byte offset: the turn of its line.
  func turnIndex(atOffset offset: Int) -> Int? {
    turnIndex(atLine: text.line(containing: offset))
  }

  func speaker(id: String) -> Speaker? {
    speakers.first { $0.id == id }
  }

  /// The indices of the turns of one speaker, in order.
  func turnIndices(of speakerID: String) -> [Int] {
    turns.indices.filter { turns[$0].speaker == speakerID }
  }
}

/// The protocol edge: LSP positions in the negotiated encoding ↔ byte offsets.
extension Snapshot {
  func offset(_ position: TextPosition, in document: Document) -> Int {
    document.text.offset(of: position, encoding: encoding)
  }

  /// Converts the document's byte ranges to LSP ranges (`.range(r)`, `.position(o)`).
  func ranges(in document: Document) -> RangeEncoder {
    RangeEncoder(text: document.text, encoding: encoding)
  }
}

import PodiumCore
import PodiumJSON
import PodiumRPC

/// `textDocument/prepareRename` and `textDocument/rename` of a speaker, from any of their
/// labels: the name part of every label of that speaker changes; role, outlet, decoration,
/// colon and layout stay. Short forms follow: renaming "Mark Rutte" to "Mark Rutter" turns
/// "NATO Secretary General Rutte:" into "NATO Secretary General Rutter:".
enum Rename {
  static let prepareMethod = "textDocument/prepareRename"
  static let method = "textDocument/rename"

  static var capability: JSON { ["prepareProvider": true] }

  /// The label under `offset` and the part of it that renames.
  struct Target: Equatable {
    var turn: Int
    var speaker: String
    var range: Range<Int>
  }

  static func target(_ transcript: Transcript, at offset: Int) -> Target? {
    guard let index = transcript.turnIndex(atOffset: offset),
      let anatomy = transcript.labelAnatomy(ofTurn: index),
      anatomy.range.lowerBound <= offset, offset <= anatomy.range.upperBound
    else { return nil }
    guard let part = anatomy.name ?? anatomy.parts.first(where: { $0.kind == .anonymous })?.range
    else {
      return nil
    }
    return Target(turn: index, speaker: transcript.turns[index].speaker, range: part)
  }

  static func prepare(_ snapshot: Snapshot, _ params: Params, _ cancel: CancellationToken)
    throws(ResponseError) -> JSON
  {
    let document = try snapshot.document(try params.string("textDocument.uri"))
    let position = try params.position("position")
    guard let target = target(document.transcript, at: try offset(position, snapshot, document))
    else {
      return .null
    }
    let ranges = snapshot.ranges(in: document)
    return ["range": ranges.range(target.range), "placeholder": .string(ranges.text(target.range))]
  }

  static func handle(_ snapshot: Snapshot, _ params: Params, _ cancel: CancellationToken)
    throws(ResponseError) -> JSON
  {
    let document = try snapshot.document(try params.string("textDocument.uri"))
    let position = try params.position("position")
    let newName = try params.string("newName").trimmingSpaces()
    guard !newName.isEmpty, !newName.contains(where: { $0.isNewline }) else {
      throw .invalidParams("newName must be a non-empty name on one line")
    }
    guard let target = target(document.transcript, at: try offset(position, snapshot, document))
    else {
      throw ResponseError(
        code: ErrorCode.requestFailed,
        message: "Nothing to rename at \(position): put the cursor on a speaker's label")
    }
    let edits = self.edits(document.transcript, target: target, newName: newName)
    return WorkspaceEdits.edit(snapshot, document, edits)
  }

  static func offset(_ position: TextPosition, _ snapshot: Snapshot, _ document: Document)
    throws(ResponseError) -> Int
  {
    guard position.line >= 0, position.character >= 0, position.line < document.text.lineCount
    else {
      throw .invalidParams("position \(position) is outside the document")
    }
    return snapshot.offset(position, in: document)
  }

  /// The replacement of the name part in each label of the target's speaker.
  static func edits(_ transcript: Transcript, target: Target, newName: String) -> [TextEdit] {
    let text = transcript.text
    let old = String(decoding: text.bytes(in: target.range), as: UTF8.self)
    let oldWords = old.split(separator: " ")
    let newWords = newName.split(separator: " ")
    var edits: [TextEdit] = []
    for index in transcript.turnIndices(of: target.speaker) {
      guard let anatomy = transcript.labelAnatomy(ofTurn: index) else { continue }
      let part =
        index == target.turn
        ? target.range
        : anatomy.name ?? anatomy.parts.first(where: { $0.kind == .anonymous })?.range
      guard let part else { continue }
      let current = String(decoding: text.bytes(in: part), as: UTF8.self)
      let words = current.split(separator: " ")
      let replacement: String
      if current.lowercased() == old.lowercased() {
        replacement = newName
      } else if words.count < oldWords.count,
        oldWords.suffix(words.count).map({ $0.lowercased() }) == words.map({ $0.lowercased() }),
        newWords.count >= words.count
      {
        // A short form ("Rutte") of the old name: the same number of words from the new one.
        replacement = newWords.suffix(words.count).joined(separator: " ")
      } else if let range = LabelAnatomy.search(
        Array(old.utf8), in: Array(current.utf8), where: { _ in true })
      {
        // A longer form ("Mark Rutte" when "Rutte" was renamed): replace the short form inside.
        var bytes = Array(current.utf8)
        bytes.replaceSubrange(range, with: Array(newName.utf8))
        replacement = String(decoding: bytes, as: UTF8.self)
      } else {
        replacement = newName
      }
      if replacement != current { edits.append(TextEdit(range: part, replacement: replacement)) }
    }
    return edits
  }
}

extension String {
  func trimmingSpaces() -> String {
    var slice = Substring(self)
    while slice.first?.isWhitespace == true { slice.removeFirst() }
    while slice.last?.isWhitespace == true { slice.removeLast() }
    return String(slice)
  }
}

/// `WorkspaceEdit`s on one document: `documentChanges` with the document's version when the
/// client supports them (`workspace.workspaceEdit.documentChanges`), else `changes`.
enum WorkspaceEdits {
  static func edit(_ snapshot: Snapshot, _ document: Document, _ edits: [TextEdit]) -> JSON {
    let ranges = snapshot.ranges(in: document)
    let textEdits: JSON = .array(
      edits.sorted { $0.range.lowerBound < $1.range.lowerBound }.map { edit in
        [
          "range": ranges.range(edit.range),
          "newText": .string(String(decoding: edit.replacement, as: UTF8.self)),
        ]
      })
    let documentChanges =
      snapshot.clientCapabilities["workspace"]?["workspaceEdit"]?["documentChanges"]?.boolValue
      ?? false
    if documentChanges {
      return [
        "documentChanges": [
          [
            "textDocument": ["uri": .string(document.uri), "version": JSON(document.version)],
            "edits": textEdits,
          ]
        ]
      ]
    }
    return ["changes": .object(JSONObject([(document.uri, textEdits)]))]
  }
}

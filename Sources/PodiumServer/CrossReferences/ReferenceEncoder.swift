import PodiumAnalysis
import PodiumCore
import PodiumJSON

/// Cross-references → JSON: `{kind, range, target: {uri, range}, score, note}`, the shape of
/// the annotation JSON's `references` and of `podium/crossReferences` (Schemas/).
struct ReferenceEncoder {
  /// The document the references start from.
  let source: RangeEncoder
  let sourceURI: String
  /// The text of another document when it is at hand (open in the editor, or read by the CLI);
  /// without it a target is given by whole lines, exact in every position encoding.
  let text: (String) -> TextBuffer?

  func encode(_ reference: CrossReference) -> JSON {
    [
      "kind": .string(reference.kind.rawValue),
      "range": source.range(reference.from),
      "target": location(reference.target),
      "score": .double(reference.score),
      "note": .string(reference.note),
    ]
  }

  /// An LSP `Location` for a target.
  func location(_ target: ReferenceTarget) -> JSON {
    guard let uri = target.document, uri != sourceURI else {
      return ["uri": .string(sourceURI), "range": source.range(target.range)]
    }
    if let text = text(uri) {
      return [
        "uri": .string(uri),
        "range": RangeEncoder(text: text, encoding: source.encoding).range(target.range),
      ]
    }
    return ["uri": .string(uri), "range": Self.lines(target.lines)]
  }

  /// Whole lines: from the start of the first to the start of the line after the last.
  static func lines(_ lines: Range<Int>) -> JSON {
    [
      "start": ["line": JSON(lines.lowerBound), "character": 0],
      "end": ["line": JSON(lines.upperBound), "character": 0],
    ]
  }
}

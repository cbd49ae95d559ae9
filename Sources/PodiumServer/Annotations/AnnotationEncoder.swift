import PodiumAnalysis
import PodiumCore
import PodiumJSON

/// The one encoder of a transcript's annotations: `podium annotate --format json` prints these
/// bytes and `podium/annotations` returns them (Schemas/annotation.schema.json).
public enum AnnotationEncoder {
  /// `topics`: the document's topic tags when already computed (an open document keeps them);
  /// tagged here otherwise. `references`: its cross-references, with `text` giving the text of
  /// the other documents they point to when at hand (exact ranges; whole lines otherwise).
  public static func encode(
    _ transcript: Transcript, uri: String, encoding: PositionEncoding,
    topics: TranscriptTopics? = nil, references: [CrossReference] = [],
    text: @escaping (String) -> TextBuffer? = { _ in nil }
  ) -> JSON {
    let ranges = RangeEncoder(text: transcript.text, encoding: encoding)
    let topics = topics ?? TopicTagger.shared.tag(transcript)
    let referenceEncoder = ReferenceEncoder(source: ranges, sourceURI: uri, text: text)
    return [
      "uri": .string(uri),
      "positionEncoding": .string(encoding.rawValue),
      "header": header(transcript.header, ranges),
      "speakers": .array(transcript.speakers.map(speaker)),
      "turns": .array(transcript.turns.map { turn($0, ranges) }),
      "findings": .array(transcript.findings.map { finding($0, ranges) }),
      "topics": TopicEncoder.encode(topics, ranges),
      "references": .array(references.map(referenceEncoder.encode)),
    ]
  }

  static func header(_ header: Header, _ ranges: RangeEncoder) -> JSON {
    [
      "title": JSON(header.title),
      "eventKind": JSON(header.eventKind?.rawValue),
      "principalSpeaker": JSON(header.principalSpeaker),
      "date": JSON(header.date?.iso8601),
      "place": JSON(header.place),
      "asDelivered": .bool(header.asDelivered),
      "lastUpdated": JSON(header.lastUpdated),
      "sourceUrl": JSON(header.sourceURL),
      "truncation": header.truncation.map { truncation in
        [
          "range": ranges.range(truncation.range),
          "continuationUrl": JSON(truncation.continuationURL),
        ]
      } ?? .null,
      "range": ranges.range(header.range),
    ]
  }

  static func speaker(_ speaker: Speaker) -> JSON {
    [
      "id": .string(speaker.id),
      "name": .string(speaker.name),
      "role": JSON(speaker.role),
      "organization": JSON(speaker.organization),
      "affiliation": JSON(speaker.affiliation),
      "kind": .string(speaker.kind.rawValue),
      "aliases": .array(speaker.aliases.map { .string($0) }),
    ]
  }

  static func turn(_ turn: Turn, _ ranges: RangeEncoder) -> JSON {
    [
      "index": JSON(turn.index),
      "speaker": .string(turn.speaker),
      "kind": .string(turn.kind.rawValue),
      "attribution": .string(turn.attribution.rawValue),
      "range": ranges.range(turn.body),
      "lines": ["start": JSON(turn.lines.lowerBound), "end": JSON(turn.lines.upperBound)],
      "label": turn.label.map { label in
        ["range": ranges.range(label), "text": .string(ranges.text(label))]
      } ?? .null,
      "replyTo": JSON(turn.replyTo),
    ]
  }

  static func finding(_ finding: Finding, _ ranges: RangeEncoder) -> JSON {
    [
      "kind": .string(finding.kind.rawValue),
      "message": .string(finding.message),
      "range": ranges.range(finding.range),
      "related": finding.related.map { ranges.range($0) } ?? .null,
      "suggestion": JSON(finding.suggestion),
    ]
  }
}

/// UTF-8 byte ranges → LSP ranges in the negotiated encoding.
struct RangeEncoder {
  let text: TextBuffer
  let encoding: PositionEncoding

  func position(_ offset: Int) -> JSON {
    let position = text.position(of: offset, encoding: encoding)
    return ["line": JSON(position.line), "character": JSON(position.character)]
  }

  func range(_ range: Range<Int>) -> JSON {
    ["start": position(range.lowerBound), "end": position(range.upperBound)]
  }

  func text(_ range: Range<Int>) -> String {
    String(decoding: text.bytes(in: range), as: UTF8.self)
  }
}

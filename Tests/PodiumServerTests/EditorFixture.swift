import PodiumCore
import PodiumJSON
import PodiumRPC

@testable import PodiumServer

/// A transcript built by hand from marked-up text, so editor features can be tested without
/// the parser:
/// - `‸` marks cursors (removed; their byte offsets are kept in order);
/// - the first `headerLines` lines are the header;
/// - a line equal to a key of `labels` (an optional trailing colon aside) is an own-line label;
///   a line starting with `key: ` is an inline label;
/// - a line like `[00:12:03]` starts a continuation turn of the current speaker;
/// - speech before any label belongs to `principal`, attributed from the header.
/// Journalists and anonymous voices ask questions; an official's turns after a question answer it.
struct EditorFixture {
  var uri = "file:///fixture.transcript"
  let text: String
  let cursors: [Int]
  let transcript: Transcript

  init(
    _ marked: String, headerLines: Int = 0, principal: Speaker? = nil, labels: [String: Speaker],
    findings: [(FindingKind, String, String?)] = []
  ) {
    var bytes: [UInt8] = []
    var cursors: [Int] = []
    for scalar in marked.unicodeScalars {
      if scalar == "‸" { cursors.append(bytes.count) } else { bytes += Array(String(scalar).utf8) }
    }
    let string = String(decoding: bytes, as: UTF8.self)
    text = string
    self.cursors = cursors
    let buffer = TextBuffer(string)

    // Lines: (start, end without break).
    var lines: [(start: Int, end: Int)] = []
    var start = 0
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0x0A || bytes[index] == 0x0D {
        let end = index
        if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
        lines.append((start, end))
        start = index + 1
      }
      index += 1
    }
    lines.append((start, bytes.count))
    func lineText(_ n: Int) -> String {
      String(decoding: bytes[lines[n].start..<lines[n].end], as: UTF8.self)
    }
    func isBlank(_ n: Int) -> Bool { lineText(n).allSatisfy { $0 == " " || $0 == "\t" } }

    var speakers: [Speaker] = []
    func note(_ speaker: Speaker, alias: String?) {
      if let i = speakers.firstIndex(where: { $0.id == speaker.id }) {
        if let alias, !speakers[i].aliases.contains(alias) { speakers[i].aliases.append(alias) }
      } else {
        var speaker = speaker
        if let alias { speaker.aliases = [alias] }
        speakers.append(speaker)
      }
    }

    struct Open {
      var speaker: Speaker
      var label: Range<Int>?
      var firstLine: Int
      var attribution: Attribution
      var bodyStart: Int?
      var lastSpeechLine: Int?
    }
    var turns: [Turn] = []
    var open: Open?
    var lastQuestion: Int?
    func close() {
      guard let current = open else { return }
      open = nil
      let lastLine = current.lastSpeechLine ?? current.firstLine
      let bodyStart = current.bodyStart ?? lines[lastLine].end
      let body = bodyStart..<max(bodyStart, lines[lastLine].end)
      let kind: TurnKind
      var replyTo: Int?
      switch current.speaker.kind {
      case .journalist, .anonymous: kind = .question
      case .moderator: kind = .moderation
      default:
        if let lastQuestion {
          kind = .answer
          replyTo = lastQuestion
        } else {
          kind = .statement
        }
      }
      if kind == .question { lastQuestion = turns.count }
      turns.append(
        Turn(
          index: turns.count, speaker: current.speaker.id, label: current.label, body: body,
          lines: current.firstLine..<(lastLine + 1), attribution: current.attribution, kind: kind,
          replyTo: replyTo))
    }

    for n in headerLines..<lines.count {
      let line = lineText(n)
      var trimmed = Substring(line)
      while trimmed.last == " " { trimmed.removeLast() }
      if trimmed.last == ":" { trimmed.removeLast() }
      if let speaker = labels[String(trimmed)] {
        close()
        note(speaker, alias: String(trimmed))
        open = Open(
          speaker: speaker, label: lines[n].start..<lines[n].end, firstLine: n, attribution: .label)
        continue
      }
      if let (key, speaker) = labels.first(where: { line.hasPrefix($0.key + ": ") }) {
        close()
        note(speaker, alias: key)
        let labelEnd = lines[n].start + key.utf8.count + 1
        open = Open(
          speaker: speaker, label: lines[n].start..<labelEnd, firstLine: n, attribution: .label,
          bodyStart: labelEnd + 1, lastSpeechLine: n)
        continue
      }
      if line.hasPrefix("[00:"), line.hasSuffix("]"), let speaker = open?.speaker ?? principal {
        close()
        open = Open(speaker: speaker, label: nil, firstLine: n, attribution: .continuation)
        continue
      }
      if isBlank(n) { continue }
      if open == nil, let principal {
        note(principal, alias: nil)
        open = Open(speaker: principal, label: nil, firstLine: n, attribution: .header)
      }
      guard open != nil else { continue }
      if open?.bodyStart == nil {
        let leading = line.utf8.prefix { $0 == 0x20 }.count
        open?.bodyStart = lines[n].start + leading
      }
      open?.lastSpeechLine = n
    }
    close()

    let header = Header(
      title: headerLines > 0 ? lineText(0) : nil, principalSpeaker: principal?.id,
      lines: 0..<headerLines, range: 0..<(headerLines > 0 ? lines[headerLines - 1].end : 0))
    let findingValues = findings.map { kind, needle, suggestion in
      let found = EditorFixture.find(needle, in: bytes)
      return Finding(
        kind: kind, range: found, message: "\(kind.rawValue): \(needle)", suggestion: suggestion)
    }
    transcript = Transcript(
      text: buffer, header: header, speakers: speakers, turns: turns, findings: findingValues)
  }

  static func find(_ needle: String, in bytes: [UInt8], after: Int = 0) -> Range<Int> {
    let target = Array(needle.utf8)
    guard target.count <= bytes.count else { return 0..<0 }
    for start in after...(bytes.count - target.count)
    where Array(bytes[start..<(start + target.count)]) == target {
      return start..<(start + target.count)
    }
    fatalError("\(needle) is not in the fixture")
  }

  /// The byte range of the first `needle` (at or after `after`).
  func range(of needle: String, after: Int = 0) -> Range<Int> {
    Self.find(needle, in: Array(text.utf8), after: after)
  }

  func snapshot(
    encoding: PositionEncoding, configuration: ServerConfiguration = ServerConfiguration(),
    capabilities: JSON = [:], version: Int = 7
  ) -> Snapshot {
    var document = Document(
      uri: uri, languageID: "transcript", version: version, text: transcript.text)
    document.transcript = transcript
    var store = DocumentStore()
    store.open(document)
    return Snapshot(
      documents: store, encoding: encoding, workspaceFolders: [], configuration: configuration,
      clientCapabilities: capabilities)
  }

  func position(_ offset: Int, _ encoding: PositionEncoding) -> JSON {
    let position = transcript.text.position(of: offset, encoding: encoding)
    return ["line": JSON(position.line), "character": JSON(position.character)]
  }

  func lspRange(_ range: Range<Int>, _ encoding: PositionEncoding) -> JSON {
    ["start": position(range.lowerBound, encoding), "end": position(range.upperBound, encoding)]
  }

  /// The text an LSP range covers, read back through the encoding.
  func text(of range: JSON?, _ encoding: PositionEncoding) -> String? {
    guard let range, let start = offset(range["start"], encoding),
      let end = offset(range["end"], encoding)
    else { return nil }
    return String(decoding: transcript.text.bytes(in: start..<max(start, end)), as: UTF8.self)
  }

  func offset(_ position: JSON?, _ encoding: PositionEncoding) -> Int? {
    guard let line = position?["line"]?.intValue, let character = position?["character"]?.intValue
    else {
      return nil
    }
    return transcript.text.offset(
      of: TextPosition(line: line, character: character), encoding: encoding)
  }

  var textDocument: JSON { ["uri": .string(uri)] }
}

/// Calls a handler the way the server does: through `RequestHandlers.table`.
func call(_ method: String, _ snapshot: Snapshot, _ params: JSON) -> Result<JSON, ResponseError> {
  guard let handler = RequestHandlers.table[method] else {
    return .failure(.methodNotFound(method))
  }
  do throws(ResponseError) {
    return .success(try handler(snapshot, Params(params), .never))
  } catch {
    return .failure(error)
  }
}

/// A press conference in own-line label style: header, an opening statement attributed from
/// the header, a moderator, a question with stage markers, its answer, a continuation after a
/// time cue and a 🗣 label.
enum Briefing {
  static let rutte = Speaker(
    id: "mark-rutte", name: "Mark Rutte", role: "Secretary General", organization: "NATO",
    kind: .official)
  static let hart = Speaker(
    id: "allison-hart", name: "Allison Hart", role: "Acting Spokesperson", organization: "NATO",
    kind: .moderator)
  static let bayer = Speaker(
    id: "lili-bayer", name: "Lili Bayer", affiliation: "Reuters", kind: .journalist)

  static let labels: [String: Speaker] = [
    "NATO Secretary General Mark Rutte": rutte,
    "🗣 | NATO Secretary General": rutte,
    "NATO Acting Spokesperson Allison Hart": hart,
    "Lili Bayer, Reuters": bayer,
  ]

  static let text = """
    Press conference by NATO Secretary General Mark Rutte

    Good afternoon, 🗣 everyone.

    We met today [inaudible] in Brussels.

    NATO Acting Spokesperson Allison Hart
    We'll go to Reuters.

    Lili Bayer, Reuters
    Secretary General, what about Ukraine? [crosstalk] And defence?

    NATO Secretary General Mark Rutte
    We will see.

    [00:12:03]

    More on that later.

    🗣 | NATO Secretary General:
    Thank you.
    """

  static func fixture(_ marked: String = text, findings: [(FindingKind, String, String?)] = [])
    -> EditorFixture
  {
    EditorFixture(marked, headerLines: 1, principal: rutte, labels: labels, findings: findings)
  }
}

extension Result where Success == JSON, Failure == ResponseError {
  var value: JSON? { try? get() }
}

let encodings: [PositionEncoding] = [.utf8, .utf16]

import PodiumCore
import Testing

/// The other publishers' layouts, on short fixtures with their traps.
@Suite struct LayoutTests {
  /// Speaker id of every turn, in order.
  static func speakers(_ name: String) -> [String] {
    TranscriptParser.parse(Fixtures.layout(name)).turns.map(\.speaker)
  }

  @Test func briefingAllCapsLabels() {
    let t = TranscriptParser.parse(Fixtures.layout("briefing_allcaps.txt"))
    #expect(
      t.turns.map(\.speaker) == [
        "karine-jean-pierre", "mr-kirby", "question-1", "mr-kirby", "question-2", "mr-kirby",
        "question-3", "karine-jean-pierre", "question-4", "karine-jean-pierre",
      ])
    #expect(t.header.eventKind == .briefing)
    #expect(t.header.principalSpeaker == "karine-jean-pierre")
    // "So the message is clear: …" and "Note: …" stay speech; "END 2:14 P.M. EDT" is nobody's.
    let last = t.turns.last!
    let body = String(decoding: t.text.bytes(in: last.body), as: UTF8.self)
    #expect(body.hasSuffix("last week."))
    #expect(t.turns[3].kind == .answer && t.turns[3].replyTo == 2)
    #expect(t.speakers.first { $0.id == "question-2" }?.kind == .anonymous)
  }

  @Test func interviewQA() {
    let t = TranscriptParser.parse(Fixtures.layout("interview_qa.txt"))
    #expect(t.header.eventKind == .interview)
    #expect(t.header.principalSpeaker == "jane-holloway")
    #expect(
      t.turns.map(\.speaker) == ["question-1", "jane-holloway", "question-2", "jane-holloway"])
    #expect(t.turns.map(\.kind) == [.question, .answer, .question, .answer])
    #expect(t.turns[3].replyTo == 2)
  }

  /// An interviewer labelled by the outlet's name (no role, no outlet in brackets) asks.
  @Test func interviewerLabelledByOutlet() {
    let t = TranscriptParser.parse(Fixtures.layout("interview_outlet.txt"))
    #expect(t.header.principalSpeaker == "olaf-scholz")
    #expect(t.speakers.first { $0.id == "zeit" }?.kind == .journalist)
    #expect(t.turns.map(\.kind) == [.question, .answer, .question, .answer, .question])
    #expect(t.turns[3].replyTo == 2)
  }

  /// Debate moderators are named without a role; candidates keep "Former President" as a role.
  @Test func debateModeratorsAndCandidates() {
    let t = TranscriptParser.parse(Fixtures.layout("debate_caps.txt"))
    #expect(t.header.eventKind == .debate)
    let kinds = Dictionary(uniqueKeysWithValues: t.speakers.map { ($0.id, $0.kind) })
    #expect(kinds["david-muir"] == .moderator)
    #expect(kinds["linsey-davis"] == .moderator)
    #expect(kinds["donald-trump"] == .official)
    let trump = t.speakers.first { $0.id == "donald-trump" }
    #expect(trump?.role == "Former President")
    #expect(trump?.organization == nil)
    #expect(
      t.turns.map(\.speaker) == [
        "david-muir", "linsey-davis", "kamala-harris", "david-muir", "donald-trump",
        "kamala-harris", "donald-trump",
      ])
  }

  /// `Q.` / `A.` with full stops, the A only because the document has more of them.
  @Test func questionAndAnswerWithFullStops() {
    let t = TranscriptParser.parse(
      "Transcript of an interview with Foreign Minister Anna Berg, 2 May 2023\n\n"
        + "Q. Minister, what is your priority?\n\nA. Security, first and foremost.\n\n"
        + "Q. And the economy?\n\nA. It comes right after.\n")
    #expect(t.turns.map(\.kind) == [.question, .answer, .question, .answer])
    #expect(t.turns[1].speaker == t.header.principalSpeaker)
    let single = TranscriptParser.parse("Opening words here.\n\nA. Smith said it was fine.\n")
    #expect(single.turns.allSatisfy { $0.label == nil })
  }

  /// A briefer's byline, place and time under the title are header, not a turn; the
  /// spokesperson answers the questions.
  @Test func bylineBlockInTheHeader() {
    let t = TranscriptParser.parse(Fixtures.layout("state_briefing.txt"))
    #expect(t.header.lines == 0..<5)
    #expect(t.header.principalSpeaker == "matthew-miller")
    #expect(t.header.place == "Washington, D.C.")
    #expect(t.header.date?.iso8601 == "2024-03-04")
    #expect(t.turns.first?.speaker == "matthew-miller")
    #expect(t.turns.map(\.kind) == [.statement, .question, .answer, .question, .answer])
  }

  /// Hearings: `Chairman REED.`, `Senator WICKER.` — an office, a surname in capitals, a stop.
  @Test func hearingLabelsWithOffices() {
    let t = TranscriptParser.parse(Fixtures.layout("senate_hearing.txt"))
    #expect(t.turns.map(\.speaker) == ["reed", "wicker", "reed", "cavoli", "shaheen", "cavoli"])
    #expect(t.speakers.first { $0.id == "cavoli" }?.role == "General")
    #expect(t.header.lines == 0..<3)
  }

  /// Court records: `THE COURT:`, `THE WITNESS:`, and `Q.`/`A.` (one `A.` is enough after a `Q.`).
  @Test func courtRecord() {
    let t = TranscriptParser.parse(Fixtures.layout("court_record.txt"))
    #expect(t.turns.prefix(4).map(\.speaker) == ["court", "mr-jones", "clerk", "witness"])
    #expect(t.turns.suffix(2).map(\.kind) == [.question, .answer])
  }

  /// Own-line names in capitals: once the document names two speakers that way, a name seen
  /// only once (`PIERRE DUBOIS`) is a label too.
  @Test func capitalisedOwnLineNames() {
    let t = TranscriptParser.parse(Fixtures.layout("caps_own_line.txt"))
    #expect(
      t.turns.map(\.speaker) == [
        "moderator", "anna-schmidt", "pierre-dubois", "moderator", "anna-schmidt",
      ])
  }

  @Test func timestampedExports() {
    let t = TranscriptParser.parse(Fixtures.layout("timestamped_rev.txt"))
    #expect(
      t.turns.map(\.speaker) == [
        "speaker-1", "maria-lopez", "speaker-1", "speaker-1", "maria-lopez", "tom-baker",
        "maria-lopez",
      ])
    #expect(t.turns[3].attribution == .continuation)
    #expect(t.turns[3].label == nil)
    #expect(t.speakers.first { $0.id == "maria-lopez" }?.aliases == ["Maria Lopez"])
    let otter = TranscriptParser.parse(Fixtures.layout("otter.txt"))
    #expect(otter.turns.map(\.speaker) == ["anna-schmidt", "ben-okafor", "anna-schmidt"])
  }

  @Test func webVTTAndSRT() {
    let vtt = TranscriptParser.parse(Fixtures.layout("webvtt.vtt.txt"))
    #expect(vtt.header.lines == 0..<1)
    #expect(vtt.turns.map(\.speaker) == ["lester-holt", "lester-holt", "ann-reyes"])
    // A cue without a voice carries on; timing lines are not speech.
    #expect(vtt.turns[2].lines.upperBound == 19)
    #expect(vtt.speakers.first { $0.id == "ann-reyes" }?.role == "Governor")
    let srt = TranscriptParser.parse(Fixtures.layout("srt.srt.txt"))
    #expect(srt.turns.map(\.speaker) == ["john", "mary", "john"])
    #expect(srt.turns[0].lines == 0..<4)
    let firstBody = String(decoding: srt.text.bytes(in: srt.turns[0].body), as: UTF8.self)
    #expect(firstBody == "Are you coming tonight?")
  }

  @Test func markdownLabels() {
    let t = TranscriptParser.parse(Fixtures.layout("markdown.md.txt"))
    #expect(t.turns.map(\.speaker) == ["host", "priya-natarajan", "host", "priya-natarajan"])
    #expect(t.speakers.first { $0.id == "host" }?.kind == .moderator)
    #expect(t.header.title == "Podcast episode 42: The future of cities")
  }

  @Test func parliamentaryLabels() {
    let t = TranscriptParser.parse(Fixtures.layout("parliament.txt"))
    #expect(
      t.turns.map(\.speaker) == [
        "speaker", "daniel-smith", "helen-carter", "daniel-smith", "speaker",
      ])
    let smith = t.speakers.first { $0.id == "daniel-smith" }
    #expect(smith?.organization == "Lab")
    #expect(t.header.date?.iso8601 == "2024-03-12")
    #expect(t.header.eventKind == .parliamentary)
    let cr = TranscriptParser.parse(Fixtures.layout("congressional.txt"))
    #expect(
      cr.turns.map(\.speaker) == ["mr-boehner", "speaker-pro-tempore", "ms-pelosi", "mr-boehner"])
    // "Mr. Speaker, this is a sad day." is speech, not a label.
    #expect(cr.turns[2].lines == 5..<7)
  }

  @Test func liveCaptions() {
    let t = TranscriptParser.parse(Fixtures.layout("captions.txt"))
    #expect(t.turns.map(\.speaker) == ["unidentified-1", "unidentified-2", "lester-holt", "jones"])
    #expect(t.turns[1].lines == 1..<3)
  }

  @Test func bareNamesNeedTheDocumentsConfirmation() {
    let t = TranscriptParser.parse(Fixtures.layout("bare_names.txt"))
    #expect(
      t.turns.map(\.speaker) == [
        "moderator", "clara-hoffmann", "moderator", "henri-dubois", "clara-hoffmann",
        "henri-dubois",
      ])
    // "The destination was Kyiv." and the moderator-like line stay Henri's speech.
    #expect(t.turns.last!.lines == 17..<23)  // the empty line after the final break included
  }

  @Test func tvTranscriptWithCapitalisedRoles() {
    let t = TranscriptParser.parse(Fixtures.layout("cnn_caps_roles.txt"))
    #expect(
      t.turns.map(\.speaker) == [
        "wolf-blitzer", "john-kirby", "wolf-blitzer", "john-kirby", "wolf-blitzer",
      ])
    let blitzer = t.speakers.first { $0.id == "wolf-blitzer" }
    #expect(
      blitzer?.role == "Anchor" && blitzer?.organization == "CNN" && blitzer?.kind == .moderator)
    // "(COMMERCIAL BREAK)" is a stage direction, not Blitzer's speech.
    let body = String(decoding: t.text.bytes(in: t.turns.last!.body), as: UTF8.self)
    #expect(body == "Thank you.")
  }

  @Test func shortSpeechLinesAreNoLabels() {
    let t = TranscriptParser.parse(Fixtures.layout("speech_short_lines.txt"))
    #expect(t.turns.count == 1)
    #expect(t.turns[0].attribution == .header)
    #expect(t.header.eventKind == .speech)
    #expect(t.header.date?.iso8601 == "2024-02-16")
  }

  @Test func unBriefingRoleLabels() {
    let t = TranscriptParser.parse(Fixtures.layout("un_briefing.txt"))
    #expect(
      t.turns.map(\.speaker) == [
        "spokesperson", "question-1", "spokesperson", "correspondent", "spokesperson",
      ])
    // The spokesman answers the questions put to him.
    #expect(t.turns.map(\.kind) == [.moderation, .question, .answer, .question, .answer])
    #expect(t.turns[2].replyTo == 1)
  }
}

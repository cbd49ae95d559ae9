import PodiumCore
import Testing

/// Header, aliases and findings on the seed transcripts.
@Suite struct SeedTests {
  @Test func headerOf000() {
    let h = Fixtures.parseSeed(prefix: "000").header
    #expect(h.title == "Press conference")
    #expect(h.eventKind == .pressConference)
    #expect(h.principalSpeaker == "mark-rutte")
    #expect(h.date?.iso8601 == "2025-02-13")
    #expect(h.place == "Brussels")
    #expect(h.asDelivered)
    #expect(h.lastUpdated == "2025-02-14T11:33")
    #expect(h.lines == 0..<9)
    #expect(h.truncation == nil)
  }

  @Test func headerOf001And002And004() {
    let h1 = Fixtures.parseSeed(prefix: "001").header
    #expect(h1.date?.iso8601 == "2025-02-13")
    #expect(h1.principalSpeaker == "mark-rutte")
    #expect(
      h1.truncation?.continuationURL == "https://www.nato.int/cps/en/natohq/opinions_232958.htm")
    let h2 = Fixtures.parseSeed(prefix: "002").header
    #expect(h2.eventKind == .doorstep)
    #expect(h2.lastUpdated == "2025-02-13T10:22")
    let h4 = Fixtures.parseSeed(prefix: "004").header
    #expect(h4.date == PartialDate(year: nil, month: 10, day: 17))
    #expect(h4.date?.iso8601 == "--10-17")
    #expect(h4.place == "Brussels")
    #expect(h4.asDelivered)
  }

  @Test func dates() {
    let cases: [(String, String)] = [
      ("13 Feb. 2025", "2025-02-13"), ("13 February 2025", "2025-02-13"),
      ("13 FEB 2025", "2025-02-13"), ("04 Jun. 2025", "2025-06-04"),
      ("February 13, 2025", "2025-02-13"), ("2025-02-13", "2025-02-13"),
      ("in Brussels on 17 and 18 October", "--10-17"), ("March 2024", "2024-03"),
    ]
    for (text, iso) in cases {
      let parsed = TranscriptParser.parse("Press conference\n\(text)\n\nGood morning.\n").header
        .date
      #expect(parsed?.iso8601 == iso, "\(text)")
    }
  }

  @Test func aliasesResolveToOneSpeaker() {
    let t0 = Fixtures.parseSeed(prefix: "000")
    let beale = t0.speakers.first { $0.id == "jonathan-beale" }!
    #expect(beale.aliases == ["Jonathan Beale, BBC", "Jonathan Beale"])
    #expect(beale.affiliation == "BBC" && beale.kind == .journalist)
    #expect(t0.speakers.filter { $0.kind == .anonymous }.map(\.id) == ["question-1"])
    let t1 = Fixtures.parseSeed(prefix: "001")
    #expect(t1.turns.first?.speaker == "mark-rutte")
    #expect(t1.speakers.first?.aliases == ["NATO Secretary General"])
    let t2 = Fixtures.parseSeed(prefix: "002")
    #expect(t2.speakers.map(\.id) == ["mark-rutte"] + (1...5).map { "question-\($0)" })
    let t3 = Fixtures.parseSeed(prefix: "003")
    let hart = t3.speakers.first { $0.id == "allison-hart" }!
    #expect(
      hart.aliases == [
        "NATO Acting Spokesperson Allison Hart", "Allison Hart, Acting NATO Spokesperson",
      ])
    #expect(
      hart.kind == .moderator && hart.role == "Acting Spokesperson" && hart.organization == "NATO")
  }

  @Test func turnsOf000() {
    let t = Fixtures.parseSeed(prefix: "000")
    #expect(t.turns[0].attribution == .header && t.turns[0].speaker == "mark-rutte")
    #expect(t.turns[0].label == nil)
    #expect(t.turns[2].kind == .question && t.turns[3].kind == .answer && t.turns[3].replyTo == 2)
    #expect(t.turns[1].kind == .moderation)
    // Every turn's body is inside its span; spans tile the body of the document.
    for (a, b) in zip(t.turns, t.turns.dropFirst()) {
      #expect(a.span.upperBound == b.span.lowerBound)
    }
    for turn in t.turns { #expect(turn.span.contains(turn.body.lowerBound) || turn.body.isEmpty) }
  }

  static func findings(_ prefix: String, _ kind: FindingKind) -> [(String, Finding)] {
    let t = Fixtures.parseSeed(prefix: prefix)
    return t.findings.filter { $0.kind == kind }.map {
      (String(decoding: t.text.bytes(in: $0.range), as: UTF8.self), $0)
    }
  }

  @Test func spellingVariants() {
    let v = Self.findings("000", .spellingVariant)
    #expect(v.map(\.0) == ["Artoim Bsedin", "Raf Sanches"])
    #expect(v.map(\.1.suggestion) == ["Artiom Besedin", "Raf Sanchez"])
    let t = Fixtures.parseSeed(prefix: "000")
    let related = v[0].1.related.map { String(decoding: t.text.bytes(in: $0), as: UTF8.self) }
    #expect(related == "Artiom Besedin, Ekho")
    let o = Self.findings("000", .outletVariant)
    #expect(o.map(\.0) == ["Frankfurter Algemeiner Zeitung"])
    #expect(o.first?.1.suggestion == "Frankfurter Allgemeine Zeitung")
  }

  @Test func marksInTheText() {
    #expect(
      Self.findings("003", .inaudible).map(\.0) == ["[inaudible]", "[inaudible]", "[inaudible]"])
    #expect(Self.findings("003", .cutOff).map(\.0) == ["–", "–"])
    #expect(Self.findings("004", .cutOff).count == 1)
    #expect(Self.findings("001", .truncated).count == 1)
    #expect(Self.findings("000", .truncated).isEmpty)
    for prefix in ["000", "001", "002", "003", "004"] {
      #expect(Self.findings(prefix, .unresolvedLabel).isEmpty)
    }
  }

  @Test func unresolvedLabel() {
    let text =
      "Press conference\n\nNATO Deputy Secretary General:\nGood morning.\n\nJane Doe, Reuters\nA question.\n"
    let t = TranscriptParser.parse(text)
    #expect(t.findings.map(\.kind) == [.unresolvedLabel])
  }
}

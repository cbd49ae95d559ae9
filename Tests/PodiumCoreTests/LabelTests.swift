import Testing

@testable import PodiumCore

/// Label classification: what is a label, and what is not, line by line.
@Suite struct LabelTests {
  /// The class of line `index` in `text`.
  static func classify(_ text: String, line index: Int) -> LineClass {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { p in
      let lines = LineScanner.lines(p)
      return LineClassifier(p: p, lines: lines, base: 0).classify(index)
    }
  }

  static func label(_ line: String, followedBy next: String = "Thank you very much.")
    -> LabelCandidate?
  {
    if case .label(let c) = classify("\n" + line + "\n" + next + "\n", line: 1) { return c }
    return nil
  }

  @Test(arguments: [
    "NATO Secretary General Mark Rutte", "Deborah Haynes, SKY News", "Question",
    "NATO Secretary General Mark Rutte\u{00A0} ", "Question:", "NATO Secretary General Rutte:",
    "🗣 | NATO Secretary General:", "Olivier Baube (AFP)", "Allison Hart, Acting NATO Spokesperson",
    "Xenia Polska, Deutsche Welle Ukrainian and Russian", "Speaker 1  00:03", "Moderator",
  ])
  func strongLabelLines(_ line: String) {
    let c = Self.label(line)
    #expect(c?.strength == .strong, "\(line)")
  }

  @Test(arguments: [
    "NATO Spokesperson Farah Dakhlallah: Thank you. We'll take some questions now.",
    "Iryna Somer (Interfax Ukraine): Iryna Somer, News Agency Interfax Ukraine.",
    "Alexandra von Nahmen (Deutsche Welle) : Thank you very much, Secretary General.",
    "MR. KIRBY: Thanks, Karine.", "MS. JEAN-PIERRE: Good afternoon.", "Q: And a follow-up?",
    "A: No new taxes.", "Q    Karine, on the border?", "Jane Doe (00:01:23): Hello there.",
    "[00:01:23] Jane Doe: Hello there.", "**Jane Doe:** Hello there.", "The Speaker: Order.",
    "Mr Smith (Town) (Party): What steps?", "Mr. BOEHNER. Mr. Speaker, I rise today.",
    "<v Jane Doe>Hello there.",
  ])
  func inlineLabels(_ line: String) {
    guard let c = Self.label(line) else {
      Issue.record("no label in \(line)")
      return
    }
    #expect(c.strength == .strong)
    #expect(c.bodyStart != nil)
  }

  @Test(arguments: [
    "Defence spending is already growing.", "- bolstering our deterrence and defence,",
    "All right, the gentleman in the gray jacket and glasses",
    "So the message is clear: NATO is delivering for Ukraine, and we will continue to do so.",
    "Connect with NATO online:", "Visit the Official NATO Homepage: https://bit.ly/NATOhomepage",
    "(As delivered)", "Good afternoon, ", "The destination was Kyiv.", "Firm orders,",
    "And in the Middle East,", "Thank you so much", "Note: the bill passed last week.",
    "Secretary General, I have two questions. The first one: more than two years ago",
    "Find NATO on FACEBOOK: https://bit.ly/NATOfacebook", "Questions and Answers",
    "A lot has happened.", "House of Commons Hansard, 12 March 2024",
  ])
  func notLabels(_ line: String) {
    if let c = Self.label(line) {
      #expect(c.strength == .weak, "\(line) is a strong label")
    }
  }

  @Test func bareNameIsWeakUntilConfirmed() {
    let c = Self.label("Jonathan Beale", followedBy: "That's exactly what he said.")
    #expect(c?.strength == .weak)
    var memory = LabelMemory()
    #expect(!memory.accepts(c!))
    memory.learn(strong: LabelAnatomy.parse("Jonathan Beale, BBC")!)
    #expect(memory.accepts(c!))
  }

  @Test func labelWithoutSpeechAfterItIsNoLabel() {
    #expect(Self.classify("\nDeborah Haynes, SKY News\n", line: 1) == .text)
  }

  @Test func anatomySplitsNameRoleOrganisationOutlet() {
    let a = LabelAnatomy.parse("NATO Acting Spokesperson Allison Hart")!
    #expect(a.name == "Allison Hart" && a.role == "Acting Spokesperson" && a.organization == "NATO")
    #expect(a.kind == .moderator)
    let b = LabelAnatomy.parse("Allison Hart, Acting NATO Spokesperson")!
    #expect(b.name == "Allison Hart" && b.role == "Acting Spokesperson" && b.organization == "NATO")
    let c = LabelAnatomy.parse("Deborah Haynes, SKY News")!
    #expect(c.name == "Deborah Haynes" && c.outlet == "SKY News" && c.kind == .journalist)
    let d = LabelAnatomy.parse("NATO Secretary General Mark Rutte")!
    #expect(d.name == "Mark Rutte" && d.role == "Secretary General" && d.kind == .official)
    let e = LabelAnatomy.parse("Iryna Somer (Interfax Ukraine)")!
    #expect(e.outlet == "Interfax Ukraine")
    let f = LabelAnatomy.parse("MS. JEAN-PIERRE")!
    #expect(f.name == "Ms. Jean-Pierre" && f.nameTokens == ["jean pierre"])
    #expect(LabelAnatomy.parse("Question")?.special == .question)
    #expect(
      LabelAnatomy.parse("Alexandra von Nahmen")?.nameTokens == ["alexandra", "von", "nahmen"])
  }
}

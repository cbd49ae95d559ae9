import PodiumCore
import PodiumJSON
import Testing

@testable import PodiumServer

@Suite struct TopicHoverTests {
  /// The topic line closes the description of the turn; its cross-references follow.
  @Test func hoverShowsTheTurnsTopTagsThenItsCrossReferences() throws {
    let session = SeedSession(seed: "000")
    let text = try #require(
      session.hoverText(at: session.position(of: "last night, the air space of the Republic")))
    let lines = text.split(separator: "\n")
    let topics = try #require(lines.firstIndex { $0.hasPrefix("Topics: **Moldova** (Moldova") })
    let references = try #require(lines.firstIndex { $0 == "**Cross-references**" })
    #expect(topics < references)
    #expect(lines[references + 1].hasPrefix("- called on by Allison Hart"))
  }

  @Test func moderationTurnHasNoTopicLine() throws {
    let session = SeedSession(seed: "000")
    let text = try #require(
      session.hoverText(at: session.position(of: "we will start with SKY News")))
    #expect(!text.contains("Topics:"))
  }
}

@Suite struct TopicLensTests {
  @Test func lensesShowATurnsTopTopicsAndCanBeTurnedOff() throws {
    let session = SeedSession(seed: "002")
    let lenses = try #require(try session.request("textDocument/codeLens").get().arrayValue)
    let titles = lenses.compactMap { $0["command"]?["title"]?.stringValue }
    #expect(titles.contains { $0.hasPrefix("Topics: ") && $0.contains("Peace negotiations") })
    session.harness.notify(
      "workspace/didChangeConfiguration", ["settings": ["podium": ["topicLens": false]]])
    let without = try #require(try session.request("textDocument/codeLens").get().arrayValue)
    #expect(
      !without.contains { $0["command"]?["title"]?.stringValue?.hasPrefix("Topics: ") == true })
    #expect(!without.isEmpty)  // the speaker lenses stay
  }
}

@Suite struct TopicHighlightTests {
  @Test(arguments: [PositionEncoding.utf16, .utf8])
  func onAnEvidenceWordEveryWordOfThatTopicIsHighlighted(_ encoding: PositionEncoding) throws {
    let session = SeedSession(seed: "002", encoding: encoding)
    let annotations = try session.request("podium/annotations").get()
    let turn = try #require(annotations["topics"]?["turns"]?[0])
    let tag = try #require(turn["tags"]?[0])
    let first = try #require(tag["evidence"]?[0]?["start"])
    let highlights = try #require(
      session.request("textDocument/documentHighlight", at: first)?.arrayValue)
    let evidence = Set(
      (annotations["topics"]?["turns"]?.arrayValue ?? []).flatMap { turn in
        (turn["tags"]?.arrayValue ?? []).filter { $0["topic"] == tag["topic"] }
          .flatMap { $0["evidence"]?.arrayValue ?? [] }
      })
    #expect(!highlights.isEmpty)
    #expect(highlights.allSatisfy { $0["kind"] == 1 && evidence.contains($0["range"]!) })
  }
}

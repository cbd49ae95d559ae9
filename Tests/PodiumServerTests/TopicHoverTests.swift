import PodiumCore
import PodiumJSON
import Testing

@testable import PodiumServer

@Suite struct TopicHoverTests {
  @Test func hoverEndsWithTheTurnsTopTagsAndTheirEvidence() throws {
    let session = SeedSession(seed: "000")
    let text = try #require(
      session.hoverText(at: session.position(of: "last night, the air space of the Republic")))
    let last = try #require(text.split(separator: "\n").last)
    #expect(last.hasPrefix("Topics: **Moldova** (Moldova"))
  }

  @Test func moderationTurnHasNoTopicLine() throws {
    let session = SeedSession(seed: "000")
    let text = try #require(
      session.hoverText(at: session.position(of: "we will start with SKY News")))
    #expect(!text.contains("Topics:"))
  }
}

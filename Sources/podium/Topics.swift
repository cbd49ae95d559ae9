import ArgumentParser
import PodiumAnalysis
import PodiumServer

struct Topics: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the built-in topic taxonomy as JSON (Schemas/topics.schema.json).",
    discussion: "A starting point for a workspace's .podium/topics.json: keep the topics to change."
  )

  func run() throws {
    print(TaxonomyJSON.encode(.default).serializedString(pretty: true))
  }
}

import Foundation
import PodiumCore

/// Locates the fixtures next to this test target.
enum Fixtures {
  static let testsDirectory: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
  static let root = testsDirectory.appendingPathComponent("Fixtures")

  static let seedNames: [String] = {
    let dir = root.appendingPathComponent("seeds")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    return names.filter { $0.hasSuffix(".txt") }.sorted()
  }()

  static func seed(_ name: String) -> String { read("seeds/" + name) }

  static func seedNamed(prefix: String) -> String {
    seed(seedNames.first { $0.hasPrefix(prefix) }!)
  }

  static func layout(_ name: String) -> String { read("layouts/" + name) }

  static func read(_ relative: String) -> String {
    let data = try! Data(contentsOf: root.appendingPathComponent(relative))
    return String(decoding: data, as: UTF8.self)
  }

  static func parseSeed(prefix: String) -> Transcript {
    TranscriptParser.parse(seedNamed(prefix: prefix))
  }
}

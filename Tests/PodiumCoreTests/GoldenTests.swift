import Foundation
import PodiumCore
import Testing

/// `attributionTable()` of every seed against `Tests/Fixtures/golden/<seed>.txt`.
/// Set PODIUM_UPDATE_GOLDEN=1 to rewrite the golden files (then review them line by line).
@Suite struct GoldenTests {
  @Test(arguments: Fixtures.seedNames)
  func seedMatchesGolden(_ name: String) throws {
    let table = TranscriptParser.parse(Fixtures.seed(name)).attributionTable()
    let base = (name as NSString).deletingPathExtension
    let url = Fixtures.root.appendingPathComponent("golden/\(base).txt")
    if ProcessInfo.processInfo.environment["PODIUM_UPDATE_GOLDEN"] == "1" {
      try table.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(table == expected, "golden mismatch for \(name); rerun with PODIUM_UPDATE_GOLDEN=1")
  }
}

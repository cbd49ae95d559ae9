import Foundation
import PodiumCore
import Testing

/// `PODIUM_DUMP=1 swift test --filter dumpLayouts` prints every layout fixture's table.
@Test func dumpLayouts() throws {
  guard ProcessInfo.processInfo.environment["PODIUM_DUMP"] == "1" else { return }
  let dir = Fixtures.root.appendingPathComponent("layouts")
  for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() {
    print("===== \(name)")
    print(TranscriptParser.parse(Fixtures.layout(name)).attributionTable())
  }
}

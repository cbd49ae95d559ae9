import PodiumAnalysis
import PodiumCore
import PodiumTestSupport
import Testing

@Suite struct WorkspaceIndexTests {
  static let seeds: [(String, Transcript)] = Fixtures.seedNames.map {
    (String($0.prefix(3)), TranscriptParser.parse(Fixtures.read("seeds/" + $0)))
  }

  static func links(_ index: WorkspaceIndex) -> [String: [CrossReference]] {
    var out: [String: [CrossReference]] = [:]
    for (key, t) in seeds where index.documents[key] != nil {
      out[key] = index.links(of: key, transcript: t)
    }
    return out
  }

  /// Random updates and removals leave the index answering exactly as one built from scratch
  /// of the documents that remain.
  @Test func updatesAndRemovalsEqualAFreshBuild() {
    var rng = SplitMix64(seed: 7)
    var index = WorkspaceIndex()
    var present = Set<String>()
    for _ in 0..<60 {
      let (key, t) = Self.seeds[Int(rng.next() % UInt64(Self.seeds.count))]
      if rng.next() % 3 == 0 {
        index.remove(key)
        present.remove(key)
      } else {
        index.update(key, transcript: t)
        present.insert(key)
      }
    }
    var fresh = WorkspaceIndex()
    for (key, t) in Self.seeds where present.contains(key) { fresh.update(key, transcript: t) }
    #expect(index.documentCount == present.count)
    #expect(index.byteCount == fresh.byteCount)
    #expect(Self.links(index) == Self.links(fresh))
    for (key, _) in Self.seeds { index.remove(key) }
    #expect(index.documentCount == 0 && index.byteCount == 0)
    #expect(index.documents(withPerson: "person:mark-rutte").isEmpty)
  }

  @Test func samePersonAcrossOutletSpellings() {
    var index = WorkspaceIndex()
    for (key, t) in Self.seeds { index.update(key, transcript: t) }
    let gutschker = index.documents["004"]!.speakers.first { $0.name == "Thomas Gutschker" }!
    #expect(index.turns(of: gutschker).map(\.document).sorted() == ["000", "004"])
    let nahmen = index.documents["004"]!.speakers.first { $0.name == "Alexandra von Nahmen" }!
    #expect(index.turns(of: nahmen).map(\.document).sorted() == ["003", "004"])
    // Anonymous questioners are nobody in particular across documents.
    #expect(index.documents["002"]!.speakers.filter { $0.personKey == nil }.count == 5)
  }

  @Test func linksInARangeAreThoseOfTheWholeDocumentThatStartThere() {
    var index = WorkspaceIndex()
    for (key, t) in Self.seeds { index.update(key, transcript: t) }
    for (key, t) in Self.seeds {
      let all = index.links(of: key, transcript: t)
      for turn in t.turns.prefix(12) {
        let some = index.links(of: key, transcript: t, in: turn.span)
        let expected = all.filter { $0.from.overlaps(turn.span) }
        // Repeated passages are merged runs of sentences: within a range, the run is cut to it.
        func exact(_ refs: [CrossReference]) -> Set<CrossReference> {
          Set(refs.filter { $0.kind != .repeats })
        }
        #expect(exact(some).isSubset(of: exact(all)))
        #expect(exact(expected).isSubset(of: exact(some)), "\(key) turn \(turn.index)")
        let repeatedIn = Set(some.filter { $0.kind == .repeats }.compactMap(\.target.document))
        #expect(
          Set(expected.filter { $0.kind == .repeats }.compactMap(\.target.document))
            .isSubset(of: repeatedIn))
      }
    }
  }
}

import PodiumCore
import PodiumJSON
import Testing

@testable import PodiumServer

@Suite struct OutlineTests {
  @Test func outlineHasHeaderOpeningStatementAndExchanges() throws {
    let session = SeedSession(seed: "000")
    let symbols = try #require(try session.request("textDocument/documentSymbol").get().arrayValue)
    #expect(symbols[0]["name"] == "Press conference")
    #expect(symbols[1]["name"] == "Mark Rutte")
    #expect(symbols[1]["detail"] == "opening statement")
    let bayer = try #require(
      symbols.first { $0["name"]?.stringValue?.hasPrefix("Lili Bayer") == true })
    #expect(bayer["name"] == "Lili Bayer → Mark Rutte")
    #expect(bayer["children"]?.arrayValue?.map { $0["name"] } == ["Lili Bayer", "Mark Rutte"])
    // Each selection range lies inside its range.
    for symbol in symbols {
      let range = try #require(symbol["range"]), selection = try #require(symbol["selectionRange"])
      #expect(position(range["start"]) <= position(selection["start"]))
      #expect(position(selection["end"]) <= position(range["end"]))
    }
  }

  @Test func flatSymbolsForClientsWithoutHierarchy() throws {
    let session = SeedSession(seed: "004")
    session.harness.server.handle(
      .init(
        method: "textDocument/didClose", params: ["textDocument": ["uri": .string(session.uri)]]),
      context: session.harness.context)
    let plain = ServerHarness()
    plain.initialize()
    plain.open("file:///x", SeedSession.seedText("004"))
    let symbols = try #require(
      try plain.request("textDocument/documentSymbol", ["textDocument": ["uri": "file:///x"]]).get()
        .arrayValue)
    #expect(symbols.allSatisfy { $0["location"]?["uri"] == "file:///x" })
    #expect(symbols.contains { $0["name"] == "Farah Dakhlallah" })
  }

  @Test func workspaceSymbolsFindSpeakersByAnyAlias() throws {
    let session = SeedSession(seed: "003")
    session.harness.open("file:///other.txt", SeedSession.seedText("000"))
    let found = try #require(
      try session.harness.request("workspace/symbol", ["query": "hart"]).get().arrayValue)
    #expect(
      Set(found.compactMap { $0["location"]?["uri"]?.stringValue }) == [
        session.uri, "file:///other.txt",
      ])
    #expect(found.allSatisfy { $0["name"] == "Allison Hart" })
  }

  @Test func foldingCoversHeaderTurnsAndExchanges() throws {
    let session = SeedSession(seed: "000")
    let folds = try #require(try session.request("textDocument/foldingRange").get().arrayValue)
    #expect(folds.first?["kind"] == "comment")
    #expect(folds.contains { $0["kind"] == "region" })
    #expect(folds.allSatisfy { ($0["startLine"]?.intValue ?? 0) < ($0["endLine"]?.intValue ?? 0) })
  }

  @Test func selectionGrowsFromParagraphToDocument() throws {
    let session = SeedSession(seed: "000")
    let ranges = try #require(
      try session.request(
        "textDocument/selectionRange", ["positions": [session.position(of: "you have said repeat")]]
      ).get()
        .arrayValue)
    var depth = 0
    var node: JSON? = ranges.first
    var previous: (Int, Int, Int, Int)? = nil
    while let current = node, current != .null {
      let range = try #require(current["range"])
      let bounds = (
        position(range["start"]).0, position(range["start"]).1, position(range["end"]).0,
        position(range["end"]).1
      )
      if let previous {
        #expect((bounds.0, bounds.1) <= (previous.0, previous.1))
        #expect((bounds.2, bounds.3) >= (previous.2, previous.3))
      }
      previous = bounds
      node = current["parent"]
      depth += 1
    }
    #expect(depth >= 4)  // cursor, paragraph, turn, exchange, document
  }
}

@Suite struct SpeakerNavigationTests {
  @Test func definitionOfAShortLabelIsTheFirstFullLabel() throws {
    let session = SeedSession(seed: "000")
    let target = try #require(
      session.request(
        "textDocument/definition", at: session.position(of: "Jonathan Beale\n", occurrence: 0)))
    let full = session.position(of: "Jonathan Beale, BBC\n")
    #expect(target["range"]?["start"] == full)
  }

  @Test func definitionOfANameInTheText() throws {
    let session = SeedSession(seed: "003")
    // "Allison Hart" as a word inside speech → her first full label.
    let mention = session.request(
      "textDocument/definition",
      at: session.position(of: "NATO Acting Spokesperson Allison Hart", plus: 27))
    #expect(mention?["range"]?["start"]?["line"] != nil)
  }

  @Test func referencesListEveryTurnOfTheSpeaker() throws {
    let session = SeedSession(seed: "000")
    let at = session.position(of: "Lili Bayer, Reuters", plus: 1)
    let all = try #require(
      session.request("textDocument/references", at: at, ["context": ["includeDeclaration": true]])?
        .arrayValue)
    let withoutDeclaration = try #require(
      session.request(
        "textDocument/references", at: at, ["context": ["includeDeclaration": false]])?.arrayValue)
    #expect(all.count == withoutDeclaration.count + 1)
    let rutte = try #require(
      session.request(
        "textDocument/references",
        at: session.position(of: "NATO Secretary General Mark Rutte\n", plus: 30),
        ["context": ["includeDeclaration": true]])?.arrayValue)
    #expect(rutte.count > 10)
  }

  @Test func highlightMarksEveryTurnOfTheSpeakerUnderTheCursor() throws {
    let session = SeedSession(seed: "000")
    let highlights = try #require(
      session.request(
        "textDocument/documentHighlight", at: session.position(of: "All right, we'll go to Reuters")
      )?.arrayValue)
    let lines = highlights.compactMap { $0["range"]?["start"]?["line"]?.intValue }
    #expect(lines.count > 5)
    #expect(highlights.allSatisfy { $0["kind"] == 3 })  // every moderator turn here is labelled
  }
}

@Suite struct DiagnosticsTests {
  @Test func findingsBecomeDiagnosticsWithRelatedLabels() throws {
    let session = SeedSession(seed: "000")
    let report = try session.request("textDocument/diagnostic").get()
    #expect(report["kind"] == "full")
    let items = try #require(report["items"]?.arrayValue)
    let spelling = try #require(items.first { $0["code"] == "spelling-variant" })
    #expect(spelling["severity"] == 2)
    #expect(spelling["source"] == "podium")
    #expect(spelling["relatedInformation"]?[0]?["location"]?["uri"] == .string(session.uri))
    #expect(items.contains { $0["code"] == "outlet-variant" })
    // Unchanged when the client already has this version's report.
    let again = try session.request(
      "textDocument/diagnostic", ["previousResultId": report["resultId"]!]
    ).get()
    #expect(again["kind"] == "unchanged")
  }

  @Test func severitiesFollowTheConfiguration() throws {
    let session = SeedSession(seed: "003")
    session.harness.notify(
      "workspace/didChangeConfiguration",
      ["settings": ["podium": ["diagnostics": ["inaudible": "off", "cut-off": "error"]]]])
    let items = try #require(
      try session.request("textDocument/diagnostic").get()["items"]?.arrayValue)
    #expect(!items.contains { $0["code"] == "inaudible" })
    #expect(items.contains { $0["code"] == "cut-off" && $0["severity"] == 1 })
  }

  @Test func pushedAfterEditsWhenTheServerIsIdle() throws {
    let harness = ServerHarness()
    harness.initialize()
    harness.open("file:///t", SeedSession.seedText("003"))
    harness.server.idle(context: harness.context)
    let pushed = String(decoding: harness.sink.bytes, as: UTF8.self)
    #expect(pushed.contains("textDocument/publishDiagnostics"))
    #expect(pushed.contains("inaudible"))
  }
}

private func position(_ json: JSON?) -> (Int, Int) {
  (json?["line"]?.intValue ?? -1, json?["character"]?.intValue ?? -1)
}

@Suite struct TopicSymbolTests {
  @Test func hashQueriesFindPassagesByTopic() throws {
    let session = SeedSession(seed: "000")
    let found = try #require(
      try session.harness.request("workspace/symbol", ["query": "#defence spend"]).get().arrayValue)
    #expect(!found.isEmpty)
    #expect(found.allSatisfy { $0["name"]?.stringValue?.hasPrefix("Defence spending") == true })
    let none = try session.harness.request("workspace/symbol", ["query": "#zzzz"]).get()
    #expect(none == [])
  }
}

import PodiumCore
import PodiumJSON
import PodiumRPC
import PodiumServer

/// Per-request latency (p50/p99) on a ~10 MB generated inline-label press conference, through
/// the server's request path (in process, no framing): hover, highlight, definition at
/// positions spread over the document, and inlay hints and semantic tokens for a screenful.
enum EditorBenchmarks {
  static let exchange = """
    Allison Hart (NATO Acting Spokesperson): We'll go to Reuters, then Bloomberg.

    Lili Bayer (Reuters): Secretary General, you have said repeatedly that Ukraine needs to be put in a position of strength. What does that mean now? [inaudible]

    Mark Rutte (NATO Secretary General): Thank you. First of all, we all agree that we need a durable and lasting peace, not a Minsk three. 🗣 We cannot allow President Putin to win.

    And that means continued support, more defence spending and more production across the Alliance.

    Andrea Palasciano (Bloomberg): President Trump has said that negotiations are effectively under way [crosstalk] — is Europe at the table?

    Mark Rutte (NATO Secretary General): Europe will be involved, and Ukraine will be involved. That is clear.


    """

  static func run() {
    let header =
      "Press conference by NATO Secretary General Mark Rutte, Brussels, 13 February 2025\n\n"
    let target = 10 * 1024 * 1024
    var text = header
    text.reserveCapacity(target + exchange.utf8.count)
    while text.utf8.count < target { text += exchange }
    let lines = text.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }

    let server = LanguageServer()
    let connection = Connection(sink: MemorySink())
    let context = RequestContext(connection: connection)
    _ = try? server.handle(
      Request(id: 0, method: "initialize", params: ["capabilities": [:], "processId": nil]),
      context: context)
    server.handle(Notification(method: "initialized", params: [:]), context: context)
    let uri = "file:///bench.transcript"
    let open = seconds {
      server.handle(
        Notification(
          method: "textDocument/didOpen",
          params: [
            "textDocument": [
              "uri": .string(uri), "languageId": "transcript", "version": 1, "text": .string(text),
            ]
          ]), context: context)
    }
    report(
      "editor.didOpen (\(text.utf8.count / 1024 / 1024) MB, \(lines) lines)", format(open * 1e9))

    let rounds = 200
    var id: Int64 = 1
    let clock = ContinuousClock()
    for method in [
      "textDocument/hover", "textDocument/documentHighlight", "textDocument/definition",
    ] {
      var samples = Samples()
      for round in 0..<rounds {
        let line = (lines - 1) * round / rounds
        let params: JSON = [
          "textDocument": ["uri": .string(uri)], "position": ["line": JSON(line), "character": 10],
        ]
        id += 1
        let request = Request(id: .int(id), method: method, params: params)
        // The first request after opening builds the document's turn index: time it apart.
        if round == 0 {
          report(
            "editor.first request after open (\(method))",
            format(seconds { _ = try? server.handle(request, context: context) } * 1e9))
          continue
        }
        samples.record(clock.measure { _ = try? server.handle(request, context: context) })
      }
      report("editor.\(method) (10 MB)", samples.summary)
    }
    for method in ["textDocument/inlayHint", "textDocument/semanticTokens/range"] {
      var samples = Samples()
      for round in 0..<rounds {
        // Screens spread over the document.
        let first = (lines - 60) * round / rounds
        let params: JSON = [
          "textDocument": ["uri": .string(uri)],
          "range": [
            "start": ["line": JSON(first), "character": 0],
            "end": ["line": JSON(first + 60), "character": 0],
          ],
        ]
        id += 1
        let request = Request(id: .int(id), method: method, params: params)
        samples.record(clock.measure { _ = try? server.handle(request, context: context) })
      }
      report("editor.\(method) (60 lines of \(text.utf8.count / 1024 / 1024) MB)", samples.summary)
    }
    /// A didChange inserting `text` at character 3 of `line`.
    func insertion(_ text: String, line: Int, version: Int) -> JSON {
      let at: JSON = ["line": JSON(line), "character": 3]
      return [
        "textDocument": ["uri": .string(uri), "version": JSON(version)],
        "contentChanges": [["range": ["start": at, "end": at], "text": .string(text)]],
      ]
    }
    var typing = Samples()
    for round in 0..<rounds {
      let line = (lines - 1) * round / rounds
      let change = insertion("x", line: line, version: round + 2)
      typing.record(
        clock.measure {
          server.handle(
            Notification(method: "textDocument/didChange", params: change), context: context)
        })
    }
    report("editor.didChange one character (10 MB)", typing.summary)
    // A hover right after each edit: nothing cached may make it wait for the whole document.
    var hoverAfterEdit = Samples()
    for round in 0..<rounds {
      let line = (lines - 1) * round / rounds
      let change = insertion("y", line: line, version: rounds + round + 2)
      server.handle(
        Notification(method: "textDocument/didChange", params: change), context: context)
      id += 1
      let hover = Request(
        id: .int(id), method: "textDocument/hover",
        params: [
          "textDocument": ["uri": .string(uri)], "position": ["line": JSON(line), "character": 10],
        ])
      hoverAfterEdit.record(clock.measure { _ = try? server.handle(hover, context: context) })
    }
    report("editor.textDocument/hover right after an edit (10 MB)", hoverAfterEdit.summary)
  }
}

import PodiumJSON
import PodiumRPC
import PodiumServer

/// JSON through jansson, and the whole JSON-RPC path (framing → parse → dispatch → serialise).
enum RPCBenchmarks {
  static func run() {
    let message =
      #"{"jsonrpc":"2.0","id":42,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///tmp/briefing.transcript"},"position":{"line":120,"character":17}}}"#
    let bytes = Array(message.utf8)
    let rounds = 200_000
    var total = 0
    let elapsed = seconds {
      for _ in 0..<rounds { total &+= (try! JSON.parse(bytes)).serialized().count }
    }
    report(
      "json.parse+serialise (\(bytes.count)-byte message)",
      "\(format(elapsed / Double(rounds) * 1e9)) each, \(rounded(Double(bytes.count * rounds) / elapsed / 1e6)) MB/s"
    )

    for framing in [Framing.contentLength, .newlineDelimited] {
      let count = 10_000
      var input = framing.frame(
        Array(#"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{}}}"#.utf8))
      for id in 1...count {
        input += framing.frame(
          Array(#"{"jsonrpc":"2.0","id":\#(id),"method":"shutdown-not-yet/\#(id % 7)"}"#.utf8))
      }
      let sink = MemorySink()
      let time = seconds {
        let connection = Connection(sink: sink)
        _ = connection.run(
          reader: FrameReader(source: ScriptedSource([input])), handler: LanguageServer())
      }
      report(
        "rpc.pipelined \(count) requests (\(framing.rawValue), in process)",
        "\(Int(Double(count) / time)) requests/s")
    }
  }
}

import ArgumentParser
import PodiumRPC
import PodiumServer

#if canImport(Glibc)
  import Glibc
#endif

struct Podium: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "podium",
    abstract: "A language server for transcripts: who speaks, about what, and where it connects.",
    version: PodiumVersion.current,
    subcommands: [LSP.self, Annotate.self, Topics.self]
  )
}

struct LogOptions: ParsableArguments {
  @Option(help: "error, warning, info, debug or trace (to stderr).")
  var logLevel: String = "warning"

  func apply() throws {
    guard let level = LogLevel(name: logLevel) else {
      throw ValidationError("unknown log level \(logLevel)")
    }
    Log.level = level
  }
}

struct LSP: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run the language server on stdin/stdout (LSP framing, or JSON lines for scripts).")

  @Flag(help: "Accepted and ignored: stdio is the only transport.")
  var stdio = false

  @Option(help: "The largest message accepted, in bytes.")
  var maxMessageBytes: Int = 64 << 20

  @OptionGroup var log: LogOptions

  func run() throws {
    try log.apply()
    let code = StdioServer.run(maxMessageBytes: maxMessageBytes)
    throw ExitCode(code)
  }
}

Podium.main()

import ArgumentParser
import PodiumCore
import PodiumServer

#if canImport(Glibc)
  import Glibc
#endif

struct Annotate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Print who speaks where in each transcript: JSON Lines (one object per file) or a table.",
    discussion:
      "The JSON is what the podium/annotations request returns (Schemas/annotation.schema.json).")

  enum Format: String, ExpressibleByArgument, CaseIterable { case json, text }

  @Option(help: "json (one object per file per line) or text (a readable table).")
  var format: Format = .json

  @Option(help: "How range characters are counted: utf-16 (LSP's default), utf-8 or utf-32.")
  var positionEncoding: String = "utf-16"

  @Argument(help: "Transcript files.")
  var files: [String]

  @OptionGroup var log: LogOptions

  func validate() throws {
    guard PositionEncoding(rawValue: positionEncoding) != nil else {
      throw ValidationError("--position-encoding must be utf-8, utf-16 or utf-32")
    }
    if files.isEmpty { throw ValidationError("name at least one transcript file") }
  }

  func run() throws {
    try log.apply()
    let encoding = PositionEncoding(rawValue: positionEncoding)!
    var failed = false
    for path in files {
      let bytes: [UInt8]
      do {
        bytes = try TranscriptFile.read(path)
      } catch {
        printError("podium annotate: \(error)")
        failed = true
        continue
      }
      let transcript = TranscriptParser.parse(TextBuffer(bytes))
      switch format {
      case .json:
        let json = AnnotationEncoder.encode(
          transcript, uri: TranscriptFile.uri(forPath: path), encoding: encoding)
        print(json.serializedString())
      case .text:
        if files.count > 1 { print("== \(path)") }
        print(transcript.attributionTable())
      }
    }
    if failed { throw ExitCode(1) }
  }
}

func printError(_ message: String) {
  var line = Array((message + "\n").utf8)
  _ = line.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
}

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
      "The JSON is what the podium/annotations request returns (Schemas/annotation.schema.json). "
      + "Given several files, or --workspace DIR, the transcripts are indexed together and each "
      + "one's references include those to the others (same speaker, same event, repeated "
      + "statements, acronyms).")

  enum Format: String, ExpressibleByArgument, CaseIterable { case json, text }

  @Option(help: "json (one object per file per line) or text (a readable table).")
  var format: Format = .json

  @Option(help: "How range characters are counted: utf-16 (LSP's default), utf-8 or utf-32.")
  var positionEncoding: String = "utf-16"

  @Option(
    help:
      "A folder whose transcripts are indexed with the files (all of them are annotated when no file is named)."
  )
  var workspace: String?

  @Argument(help: "Transcript files.")
  var files: [String] = []

  @OptionGroup var log: LogOptions

  func validate() throws {
    guard PositionEncoding(rawValue: positionEncoding) != nil else {
      throw ValidationError("--position-encoding must be utf-8, utf-16 or utf-32")
    }
    if files.isEmpty && workspace == nil {
      throw ValidationError("name at least one transcript file, or --workspace DIR")
    }
  }

  func run() throws {
    try log.apply()
    let encoding = PositionEncoding(rawValue: positionEncoding)!
    var folderFiles: [String] = []
    if let workspace {
      do {
        let scan = try WorkspaceAnnotations.scan(folder: workspace)
        for skipped in scan.skipped { printError("podium annotate: skipped \(skipped)") }
        folderFiles = scan.files
      } catch {
        printError("podium annotate: --workspace \(workspace): \(error)")
        throw ExitCode(1)
      }
    }
    let named = Set(files.map { TranscriptFile.uri(forPath: $0) })
    let extra = folderFiles.filter { !named.contains(TranscriptFile.uri(forPath: $0)) }
    let all = WorkspaceAnnotations(named: files, found: extra)
    for failure in all.failures { printError("podium annotate: \(failure)") }
    for skipped in all.skipped { printError("podium annotate: skipped \(skipped)") }
    // The named files, or every transcript of the folder when none is named.
    let shown = files.isEmpty ? all.entries : all.entries.filter { named.contains($0.uri) }
    for entry in shown {
      switch format {
      case .json:
        print(all.json(entry, encoding: encoding).serializedString())
      case .text:
        if all.entries.count > 1 { print("== \(entry.path)") }
        print(entry.transcript.attributionTable())
        print(all.referencesTable(entry))
      }
    }
    if !all.failures.isEmpty { throw ExitCode(1) }
  }
}

func printError(_ message: String) {
  var line = Array((message + "\n").utf8)
  _ = line.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
}

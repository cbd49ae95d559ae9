import PodiumAnalysis
import PodiumJSON
import PodiumRPC

/// The taxonomy a workspace tags with: the built-in one, then each folder's
/// `.podium/topics.json`, then the `podium.topics` setting. A file that is not valid JSON or does
/// not follow Schemas/topics.schema.json is skipped and gets a diagnostic saying why.
enum WorkspaceTaxonomy {
  static let fileName = ".podium/topics.json"

  struct Loaded {
    var taxonomy: Taxonomy
    /// Every taxonomy file looked at, with its problem (nil when it loaded).
    var files: [(uri: String, problem: Diagnostic?)]
  }

  struct Diagnostic {
    var line: Int
    var character: Int
    var message: String
  }

  static func load(folders: [String], setting: JSON?) -> Loaded {
    var taxonomy = Taxonomy.default
    var files: [(uri: String, problem: Diagnostic?)] = []
    for folder in folders {
      guard let root = TranscriptFile.path(fromURI: folder) else { continue }
      let path = (root.hasSuffix("/") ? root : root + "/") + fileName
      guard TranscriptFile.exists(path) else { continue }
      let uri = TranscriptFile.uri(forPath: path)
      do {
        let bytes = try TranscriptFile.read(path)
        let json: JSON
        do {
          json = try JSON.parse(bytes)
        } catch {
          // jansson's line is 1-based and its column counts code points.
          files.append(
            (
              uri,
              Diagnostic(
                line: max(0, error.line - 1), character: max(0, error.column - 1),
                message: "not valid JSON: \(error.message)")
            ))
          continue
        }
        taxonomy = try TaxonomyJSON.apply(json, over: taxonomy)
        files.append((uri, nil))
      } catch let error as TaxonomyJSON.Problem {
        files.append((uri, Diagnostic(line: 0, character: 0, message: "topics: \(error)")))
      } catch {
        files.append((uri, Diagnostic(line: 0, character: 0, message: "\(error)")))
      }
    }
    if let setting {
      do {
        taxonomy = try TaxonomyJSON.apply(setting, over: taxonomy)
      } catch {
        Log.warning("the podium.topics setting is ignored: \(error)")
      }
    }
    return Loaded(taxonomy: taxonomy, files: files)
  }

  /// Shows (or clears) each taxonomy file's problem in the editor.
  static func publish(_ files: [(uri: String, problem: Diagnostic?)], connection: Connection) {
    for (uri, problem) in files {
      var diagnostics: [JSON] = []
      if let problem {
        Log.warning("\(uri): \(problem.message)")
        let position: JSON = ["line": JSON(problem.line), "character": JSON(problem.character)]
        diagnostics.append([
          "range": ["start": position, "end": position], "severity": 1, "source": "podium",
          "code": "invalid-taxonomy", "message": .string(problem.message),
        ])
      }
      connection.sendNotification(
        "textDocument/publishDiagnostics",
        params: ["uri": .string(uri), "diagnostics": .array(diagnostics)])
    }
  }
}

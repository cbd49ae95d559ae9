import PodiumCore
import PodiumJSON

/// LSP `DiagnosticSeverity`.
public enum DiagnosticSeverity: Int, Sendable, Hashable, CaseIterable {
  case error = 1, warning = 2, information = 3, hint = 4

  init?(name: String) {
    guard let value = Self.allCases.first(where: { "\($0)" == name.lowercased() }) else {
      return nil
    }
    self = value
  }
}

/// The user's settings (Schemas/configuration.schema.json), from `initializationOptions`,
/// `workspace/didChangeConfiguration` or `workspace/configuration` (section "podium").
public struct ServerConfiguration: Sendable, Hashable {
  public var inlayHints = InlayHints()
  public var codeLens = true
  /// A lens above each turn with its top topics (needs `codeLens`).
  public var topicLens = true
  /// Topics to add to (or replace) the built-in taxonomy (Schemas/topics.schema.json).
  public var topics: JSON?
  /// The severity each kind of finding is shown with; nil turns that kind off.
  public var diagnostics: [FindingKind: DiagnosticSeverity?] = ServerConfiguration.defaultSeverities
  /// Which files of the workspace folders are indexed for cross-references.
  public var workspace = Workspace()

  public struct Workspace: Sendable, Hashable {
    /// Glob patterns of transcript files (`*.txt` files are kept only if they parse as one).
    public var include = WorkspaceFiles.defaultInclude
    public var exclude = WorkspaceFiles.defaultExclude
    /// Larger files are skipped with a log line.
    public var maxFileSize = WorkspaceFiles.defaultMaximumFileSize
    /// Index the workspace folders at all (open documents are always indexed).
    public var enabled = true
  }

  public struct InlayHints: Sendable, Hashable {
    public var enabled = true
    /// The speaker's name before each unlabelled paragraph that continues a turn.
    public var continuations = true
    /// The speaker's name before an opening statement attributed from the header.
    public var openingStatement = true
  }

  /// What is normal in a transcript is a hint or information, never an error.
  public static let defaultSeverities: [FindingKind: DiagnosticSeverity?] = [
    .spellingVariant: .warning,
    .outletVariant: .warning,
    .unresolvedLabel: .warning,
    .truncated: .information,
    .inaudible: .information,
    .cutOff: .hint,
  ]

  public init() {}

  public func severity(of kind: FindingKind) -> DiagnosticSeverity? {
    diagnostics[kind] ?? Self.defaultSeverities[kind] ?? .information
  }

  /// Reads settings over the current ones; unknown or mistyped members are ignored (logged by
  /// the caller through `problems`), so a bad setting never breaks the server.
  public func updated(with json: JSON?) -> (ServerConfiguration, problems: [String]) {
    var next = self
    var problems: [String] = []
    guard let json, !json.isNull else { return (next, []) }
    let settings = json["podium"] ?? json
    guard case .object = settings else { return (next, ["settings must be an object"]) }

    if let hints = settings["inlayHints"] {
      switch hints {
      case .bool(let on): next.inlayHints.enabled = on
      case .object:
        if let on = hints["enabled"]?.boolValue { next.inlayHints.enabled = on }
        if let on = hints["continuations"]?.boolValue { next.inlayHints.continuations = on }
        if let on = hints["openingStatement"]?.boolValue { next.inlayHints.openingStatement = on }
      default: problems.append("inlayHints must be a boolean or an object")
      }
    }
    if let lens = settings["codeLens"] {
      if let on = lens.boolValue {
        next.codeLens = on
      } else {
        problems.append("codeLens must be a boolean")
      }
    }
    if let lens = settings["topicLens"] {
      if let on = lens.boolValue {
        next.topicLens = on
      } else {
        problems.append("topicLens must be a boolean")
      }
    }
    if let topics = settings["topics"] {
      next.topics = topics.isNull ? nil : topics
    }
    if let workspace = settings["workspace"] {
      next.workspace.read(workspace, problems: &problems)
    }
    if let levels = settings["diagnostics"]?.objectValue {
      for (key, value) in levels {
        guard let kind = FindingKind(rawValue: key) else {
          problems.append("unknown diagnostic kind \(key)")
          continue
        }
        switch value.stringValue {
        case "off"?: next.diagnostics[kind] = .some(nil)
        case let name? where DiagnosticSeverity(name: name) != nil:
          next.diagnostics[kind] = DiagnosticSeverity(name: name)
        default:
          problems.append("diagnostics.\(key) must be error, warning, information, hint or off")
        }
      }
    }
    return (next, problems)
  }
}

extension ServerConfiguration.Workspace {
  mutating func read(_ json: JSON, problems: inout [String]) {
    guard case .object = json else {
      problems.append("workspace must be an object")
      return
    }
    func patterns(_ key: String) -> [String]? {
      guard let value = json[key] else { return nil }
      guard let list = value.arrayValue?.compactMap(\.stringValue),
        list.count == value.arrayValue?.count
      else {
        problems.append("workspace.\(key) must be an array of glob patterns")
        return nil
      }
      for pattern in list {
        do throws(GlobPattern.SyntaxError) {
          _ = try GlobPattern(pattern)
        } catch {
          problems.append("workspace.\(key): \(error)")
          return nil
        }
      }
      return list
    }
    if let list = patterns("include") { include = list }
    if let list = patterns("exclude") { exclude = list }
    if let size = json["maxFileSize"] {
      if let n = size.intValue, n > 0 {
        maxFileSize = n
      } else {
        problems.append("workspace.maxFileSize must be a positive integer (bytes)")
      }
    }
    if let on = json["enabled"] {
      if let on = on.boolValue {
        enabled = on
      } else {
        problems.append("workspace.enabled must be a boolean")
      }
    }
  }
}

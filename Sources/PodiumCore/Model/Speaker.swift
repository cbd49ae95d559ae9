/// A person (or an anonymous voice) who speaks in a transcript.
public struct Speaker: Sendable, Equatable, Identifiable {
  /// Stable within a document: the slug of the canonical name ("mark-rutte"); anonymous
  /// questioners get "question-1", "question-2", ….
  public var id: String
  public var name: String
  /// "Secretary General", "Acting Spokesperson".
  public var role: String?
  /// The body the speaker belongs to ("NATO").
  public var organization: String?
  /// A journalist's outlet ("Reuters").
  public var affiliation: String?
  public var kind: SpeakerKind
  /// Every label text seen for this speaker, in order of first appearance.
  public var aliases: [String]

  public init(
    id: String, name: String, role: String? = nil, organization: String? = nil,
    affiliation: String? = nil, kind: SpeakerKind, aliases: [String] = []
  ) {
    self.id = id
    self.name = name
    self.role = role
    self.organization = organization
    self.affiliation = affiliation
    self.kind = kind
    self.aliases = aliases
  }
}

public enum SpeakerKind: String, Sendable, Equatable, CaseIterable {
  case official, moderator, journalist, anonymous, unknown
}

extension Speaker {
  /// The id a name gets: "Mark Rutte" → "mark-rutte" (case, accents of ASCII letters and
  /// punctuation folded), the same slug the parser gives speakers.
  public static func slug(_ name: String) -> String { Words.slug(name) }
}

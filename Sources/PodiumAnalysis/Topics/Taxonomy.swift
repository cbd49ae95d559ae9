/// A topic taxonomy: plain data, two levels (a topic may name a parent group).
public struct Taxonomy: Sendable, Equatable {
  public struct Term: Sendable, Equatable {
    /// Normalised words separated by single spaces ("war in ukraine").
    public var phrase: String
    public var weight: Double
    public init(phrase: String, weight: Double) {
      self.phrase = phrase
      self.weight = weight
    }
  }

  public struct Topic: Sendable, Equatable, Identifiable {
    public var id: String
    public var label: String
    public var parent: String?
    /// IPTC Media Topic code (`medtop:…`) where one fits.
    public var iptc: String?
    public var terms: [Term]
    public init(id: String, label: String, parent: String?, iptc: String?, terms: [Term]) {
      self.id = id
      self.label = label
      self.parent = parent
      self.iptc = iptc
      self.terms = terms
    }
  }

  public var topics: [Topic]
  /// The score a topic needs in a turn (or a paragraph) to become a tag.
  public var threshold: Double

  public init(topics: [Topic], threshold: Double = 3) {
    self.topics = topics
    self.threshold = threshold
  }

  public func topic(_ id: String) -> Topic? { topics.first { $0.id == id } }

  /// Adds `other`'s topics, replacing those with the same id.
  public func merging(_ other: Taxonomy) -> Taxonomy {
    var result = self
    for topic in other.topics {
      if let i = result.topics.firstIndex(where: { $0.id == topic.id }) {
        result.topics[i] = topic
      } else {
        result.topics.append(topic)
      }
    }
    return result
  }

  public static let `default`: Taxonomy = {
    do { return try TaxonomyText.parse(DefaultTaxonomy.text) } catch {
      preconditionFailure("default taxonomy: \(error)")
    }
  }()
}

public struct TaxonomyError: Error, Equatable, CustomStringConvertible {
  public var line: Int
  public var message: String
  public var description: String { "line \(line): \(message)" }
}

/// The line format of a taxonomy:
///
///     # comment
///     threshold 3
///     @id | Label | parent-id or - | medtop:code or -
///     3 phrase; variant; other variant
///
/// A term line starts with its weight; its phrases are separated by `;`. Words are normalised
/// like the text (case, punctuation); regular plurals are matched automatically.
public enum TaxonomyText {
  public static func parse(_ text: String) throws(TaxonomyError) -> Taxonomy {
    var topics: [Taxonomy.Topic] = []
    var threshold = 3.0
    var number = 0
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
      number += 1
      let line = raw.trimmingSpaces()
      if line.isEmpty || line.hasPrefix("#") { continue }
      if line.hasPrefix("threshold ") {
        guard let t = Double(line.dropFirst(10).trimmingSpaces()), t > 0 else {
          throw TaxonomyError(line: number, message: "threshold must be a positive number")
        }
        threshold = t
      } else if line.hasPrefix("@") {
        let fields = line.dropFirst().split(separator: "|", omittingEmptySubsequences: false)
          .map { $0.trimmingSpaces() }
        guard fields.count == 4, !fields[0].isEmpty, !fields[1].isEmpty else {
          throw TaxonomyError(line: number, message: "a topic line is @id | label | parent | code")
        }
        if topics.contains(where: { $0.id == fields[0] }) {
          throw TaxonomyError(line: number, message: "duplicate topic id \(fields[0])")
        }
        topics.append(
          .init(
            id: fields[0], label: fields[1], parent: fields[2] == "-" ? nil : fields[2],
            iptc: fields[3] == "-" ? nil : fields[3], terms: []))
      } else {
        guard !topics.isEmpty else {
          throw TaxonomyError(line: number, message: "a term line before any topic")
        }
        let parts = line.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, let weight = Double(parts[0]) else {
          throw TaxonomyError(line: number, message: "a term line is <weight> phrase; phrase")
        }
        for phrase in parts[1].split(separator: ";") {
          let normalised = TextNormaliser.normalise(String(phrase))
          if normalised.isEmpty { continue }
          topics[topics.count - 1].terms.append(.init(phrase: normalised, weight: weight))
        }
      }
    }
    for topic in topics {
      if let parent = topic.parent, !topics.contains(where: { $0.id == parent }) {
        throw TaxonomyError(line: 0, message: "topic \(topic.id): unknown parent \(parent)")
      }
    }
    return Taxonomy(topics: topics, threshold: threshold)
  }
}

extension StringProtocol {
  func trimmingSpaces() -> String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
    while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
    return String(s)
  }
}

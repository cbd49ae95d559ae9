import PodiumAnalysis
import PodiumJSON

/// A taxonomy in its JSON form (Schemas/topics.schema.json) → the analysis model, checked as
/// the schema says; the first problem is reported with the member it concerns.
public enum TaxonomyJSON {
  struct Problem: Error, Equatable, CustomStringConvertible {
    var description: String
  }

  /// A taxonomy in the JSON form (with `"replace": true`, so that applying it gives it back).
  public static func encode(_ taxonomy: Taxonomy) -> JSON {
    [
      "replace": true,
      "threshold": .double(taxonomy.threshold),
      "topics": .array(
        taxonomy.topics.map { topic in
          var object: JSONObject = ["id": .string(topic.id), "label": .string(topic.label)]
          if let parent = topic.parent { object["parent"] = .string(parent) }
          if let iptc = topic.iptc { object["iptc"] = .string(iptc) }
          object["terms"] = .array(
            topic.terms.map { ["phrase": .string($0.phrase), "weight": .double($0.weight)] })
          return .object(object)
        }),
    ]
  }

  /// The taxonomy to tag with: `json` over `base` (or instead of it with `"replace": true`).
  static func apply(_ json: JSON, over base: Taxonomy) throws(Problem) -> Taxonomy {
    guard case .object(let root) = json else { throw Problem(description: "must be an object") }
    for key in root.keys where !["replace", "threshold", "topics"].contains(key) {
      throw Problem(description: "unknown member \"\(key)\"")
    }
    guard let topics = root["topics"]?.arrayValue else {
      throw Problem(description: "\"topics\" must be an array")
    }
    let replace = root["replace"]?.boolValue ?? false
    var result = replace ? Taxonomy(topics: [], threshold: base.threshold) : base
    if let threshold = root["threshold"] {
      guard let value = threshold.doubleValue, value > 0 else {
        throw Problem(description: "\"threshold\" must be a number above 0")
      }
      result.threshold = value
    }
    var seen = Set<String>()
    var added: [Taxonomy.Topic] = []
    for (index, item) in topics.enumerated() {
      let topic = try self.topic(item, at: "topics[\(index)]")
      guard seen.insert(topic.id).inserted else {
        throw Problem(description: "topics[\(index)]: the id \"\(topic.id)\" is used twice")
      }
      added.append(topic)
    }
    result = result.merging(Taxonomy(topics: added, threshold: result.threshold))
    for topic in added {
      if let parent = topic.parent, result.topic(parent) == nil {
        throw Problem(
          description: "topic \"\(topic.id)\": no topic has the parent id \"\(parent)\"")
      }
    }
    return result
  }

  private static func topic(_ json: JSON, at path: String) throws(Problem) -> Taxonomy.Topic {
    guard case .object(let object) = json else {
      throw Problem(description: "\(path) must be an object")
    }
    for key in object.keys where !["id", "label", "parent", "iptc", "terms"].contains(key) {
      throw Problem(description: "\(path): unknown member \"\(key)\"")
    }
    guard let id = object["id"]?.stringValue, isSlug(id) else {
      throw Problem(description: "\(path).id must be lowercase words joined by hyphens")
    }
    guard let label = object["label"]?.stringValue, !label.isEmpty else {
      throw Problem(description: "\(path).label must be a non-empty string")
    }
    let parent = object["parent"]?.stringValue
    if object["parent"] != nil && parent == nil {
      throw Problem(description: "\(path).parent must be a string")
    }
    let iptc = object["iptc"]?.stringValue
    if object["iptc"] != nil && !(iptc.map(isMediaTopic) ?? false) {
      throw Problem(description: "\(path).iptc must look like medtop:04000000")
    }
    // A group (a parent of other topics) may have no terms of its own.
    guard let termsJSON = object["terms"]?.arrayValue else {
      throw Problem(description: "\(path).terms must be an array")
    }
    var terms: [Taxonomy.Term] = []
    for (index, term) in termsJSON.enumerated() {
      guard let phrase = term["phrase"]?.stringValue, !phrase.isEmpty,
        let weight = term["weight"]?.doubleValue, weight > 0, weight <= 10
      else {
        throw Problem(
          description:
            "\(path).terms[\(index)] needs a non-empty \"phrase\" and a \"weight\" in (0, 10]")
      }
      terms.append(Taxonomy.Term(phrase: phrase, weight: weight))
    }
    return Taxonomy.Topic(id: id, label: label, parent: parent, iptc: iptc, terms: terms)
  }

  private static func isSlug(_ text: String) -> Bool {
    !text.isEmpty && !text.hasPrefix("-") && !text.hasSuffix("-") && !text.contains("--")
      && text.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
  }

  private static func isMediaTopic(_ text: String) -> Bool {
    let digits = text.dropFirst("medtop:".count)
    return text.hasPrefix("medtop:") && digits.count == 8 && digits.allSatisfy(\.isNumber)
  }
}

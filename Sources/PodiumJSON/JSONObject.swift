/// A JSON object that keeps its members in insertion order, as jansson does, so that
/// what we print is stable (golden files, diffs) and a round trip keeps the client's order.
public struct JSONObject: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
  public private(set) var keys: [String] = []
  private var values: [String: JSON] = [:]

  public init() {}

  public init(_ members: some Sequence<(String, JSON)>) {
    for (key, value) in members { self[key] = value }
  }

  public init(dictionaryLiteral elements: (String, JSON)...) { self.init(elements) }

  public var count: Int { keys.count }
  public var isEmpty: Bool { keys.isEmpty }

  /// Setting `nil` removes the member; setting an existing key keeps its place.
  public subscript(key: String) -> JSON? {
    get { values[key] }
    set {
      if let newValue {
        if values.updateValue(newValue, forKey: key) == nil { keys.append(key) }
      } else if values.removeValue(forKey: key) != nil {
        keys.removeAll { $0 == key }
      }
    }
  }

  public func makeIterator() -> some IteratorProtocol<(key: String, value: JSON)> {
    keys.lazy.map { (key: $0, value: values[$0]!) }.makeIterator()
  }

  // Order matters for printing, not for equality: {"a":1,"b":2} == {"b":2,"a":1}.
  public static func == (a: JSONObject, b: JSONObject) -> Bool { a.values == b.values }
  public func hash(into hasher: inout Hasher) { hasher.combine(values) }
}

import PodiumCore

/// An open document as the client last described it.
public struct Document: Sendable {
  public var uri: String
  public var languageID: String
  public var version: Int
  public var text: TextBuffer

  public init(uri: String, languageID: String, version: Int, text: TextBuffer) {
    self.uri = uri
    self.languageID = languageID
    self.version = version
    self.text = text
  }
}

/// A parsed transcript: its text and who speaks where.
///
/// All ranges are UTF-8 byte offsets into `text`; line numbers are zero-based.
public struct Transcript: Sendable, Equatable {
  public var text: TextBuffer
  public var header: Header
  public var speakers: [Speaker]
  public var turns: [Turn]
  public var findings: [Finding]
  /// Document-level facts the incremental parser needs (label memory, label resolutions).
  var context = ParseContext()

  public init(
    text: TextBuffer, header: Header, speakers: [Speaker], turns: [Turn], findings: [Finding]
  ) {
    self.text = text
    self.header = header
    self.speakers = speakers
    self.turns = turns
    self.findings = findings
  }
}

// PROVISIONAL: replaced by the parser on merge.
public enum TranscriptParser {
  public static func parse(_ text: TextBuffer) -> Transcript {
    Transcript(text: text, header: Header(), speakers: [], turns: [], findings: [])
  }
  public static func parse(_ string: String) -> Transcript { parse(TextBuffer(string)) }
}

extension Transcript {
  public func applying(_ edit: TextEdit) -> Transcript {
    var text = self.text
    text.apply(edit)
    return TranscriptParser.parse(text)
  }
}

extension Transcript {
  public func attributionTable() -> String { "" }
}

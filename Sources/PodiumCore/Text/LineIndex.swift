/// The line index of a document. `TextBuffer` is its own line index: every rope node caches its
/// line-break and code-unit counts, so line and position lookups are O(log n) on the buffer.
public typealias LineIndex = TextBuffer

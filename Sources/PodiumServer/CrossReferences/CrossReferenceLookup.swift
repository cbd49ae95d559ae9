import PodiumAnalysis
import PodiumCore

extension Snapshot {
  /// The cross-references starting in `range` of an open document (all without a range).
  /// `fresh`: bring the index up to date with the buffer first (O(document) after an edit);
  /// without it, a document edited since it was last indexed gets its own links only — what a
  /// hover right after typing needs, at the cost of the hovered turn.
  func crossReferences(_ document: Document, in range: Range<Int>? = nil, fresh: Bool = true)
    -> [CrossReference]
  {
    if fresh {
      indexOpenDocuments()
      if range == nil { return workspace.links(of: document) }
    }
    guard workspace.isCurrent(document) else {
      return WorkspaceIndex().links(of: document.uri, transcript: document.transcript, in: range)
    }
    return workspace.read {
      $0.links(of: document.uri, transcript: document.transcript, in: range)
    }
  }

  /// The references of this transcript that point at turn `index` from a turn near it (the
  /// moderator's call before a question, follow-ups and back-references after it), turned
  /// round to read from the turn: "called on by …", "followed up by …". O(window), not O(document).
  func incomingReferences(_ document: Document, turn index: Int) -> [CrossReference] {
    let transcript = document.transcript
    let turn = transcript.turns[index]
    let window =
      max(0, index - 3)..<min(transcript.turns.count, index + WithinDocumentLinker.window + 1)
    return WithinDocumentLinker.links(transcript, turns: window).compactMap { reference in
      guard reference.target.document == nil, reference.target.range.overlaps(turn.span),
        !turn.span.contains(reference.from.lowerBound),
        let source = transcript.turnIndex(atOffset: reference.from.lowerBound)
      else { return nil }
      let who = transcript.displayName(of: transcript.turns[source].speaker)
      let note: String
      switch reference.kind {
      case .callsOn: note = "called on by \(who)"
      case .followsUp: note = "followed up by \(who)"
      case .refersBack: note = "referred back to by \(who)"
      default: return nil  // an answer is in the hover already
      }
      let from = transcript.turns[source]
      return CrossReference(
        kind: reference.kind, from: turn.span,
        target: ReferenceTarget(document: nil, range: from.span, lines: from.lines),
        score: reference.score, note: note)
    }
  }

  /// Other transcripts where the speaker of `turn` speaks (at most `limit`), and how many in all.
  func otherTranscripts(of turn: Turn, in document: Document, limit: Int = 3)
    -> (targets: [ReferenceTarget], count: Int)
  {
    workspace.read { index in
      guard
        let me = index.documents[document.uri]?.speakers.first(where: { $0.id == turn.speaker }),
        let person = me.personKey
      else { return ([], 0) }
      let targets = index.turns(of: me, excluding: document.uri, limit: limit).compactMap {
        $0.speaker.turns.first?.target(in: $0.document)
      }
      return (targets, max(targets.count, index.documents(withPerson: person).count - 1))
    }
  }

  /// Brings the index up to date with every open document as the editor has it (a lookup
  /// each when nothing was edited since).
  func indexOpenDocuments() {
    for open in documents.documents.values { workspace.ensureCurrent(open) }
  }

  /// Encodes references from `document`, with exact ranges in the documents open in the editor.
  func referenceEncoder(_ document: Document) -> ReferenceEncoder {
    let documents = self.documents
    return ReferenceEncoder(
      source: ranges(in: document), sourceURI: document.uri, text: { documents[$0]?.text })
  }
}

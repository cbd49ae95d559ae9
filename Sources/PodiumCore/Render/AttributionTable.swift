extension Transcript {
  /// A readable table for people and golden files: the header, the speakers, the findings,
  /// then every line of the document (numbered from 1) with who speaks it, or `-` and why not.
  public func attributionTable() -> String {
    var out = ""
    func field(_ name: String, _ value: String?) {
      out += name.padded(to: 14) + (value.map { $0.isEmpty ? "-" : $0 } ?? "-") + "\n"
    }
    out += "# header\n"
    field("title", header.title)
    field("event", header.eventKind?.rawValue)
    field("principal", header.principalSpeaker)
    field("date", header.date?.iso8601)
    field("place", header.place)
    field("as delivered", header.asDelivered ? "yes" : "no")
    field("last updated", header.lastUpdated)
    field("source", header.sourceURL)
    field(
      "truncation",
      header.truncation.map { t in
        "line \(text.line(containing: t.range.lowerBound) + 1)"
          + (t.continuationURL.map { " → \($0)" } ?? "")
      })
    field(
      "header lines",
      header.lines.isEmpty ? nil : "\(header.lines.lowerBound + 1)-\(header.lines.upperBound)")

    out += "\n# speakers\n"
    for s in speakers {
      out += "\(s.id): \(s.name)"
      out += " | role: \(s.role ?? "-") | org: \(s.organization ?? "-")"
      out += " | affiliation: \(s.affiliation ?? "-") | kind: \(s.kind.rawValue)"
      out += " | aliases: " + (s.aliases.isEmpty ? "-" : s.aliases.joined(separator: "; ")) + "\n"
    }

    out += "\n# findings\n"
    for f in findings {
      let line = text.line(containing: f.range.lowerBound) + 1
      out += "line \(line): \(f.kind.rawValue): \(f.message)"
      if let s = f.suggestion { out += " [suggest: \(s)]" }
      out += "\n"
    }

    out += "\n# lines\n"
    out +=
      "line".padded(to: 6, left: true) + "  " + "speaker".padded(to: 26)
      + "reason".padded(to: 17) + "turn".padded(to: 6) + "kind".padded(to: 11) + "text\n"
    let bytes = text.allBytes
    bytes.withUnsafeBufferPointer { p in
      let lines = LineScanner.lines(p)
      let classifier = LineClassifier(p: p, lines: lines, base: 0)
      var t = 0
      let truncationLine = header.truncation.map { text.line(containing: $0.range.lowerBound) }
      for (i, line) in lines.enumerated() {
        if i == lines.count - 1 && line.start == line.end && i > 0 { break }  // final break
        while t < turns.count && turns[t].lines.upperBound <= i { t += 1 }
        let s = Bytes.skipSpace(p, line.start, line.end)
        let e = Bytes.trimEnd(p, s, line.end)
        let blank = s >= e
        var who = "-"
        var reason: String
        var turnText = ""
        var kindText = ""
        if header.lines.contains(i) {
          reason = blank ? "blank" : "header"
        } else if let tl = truncationLine, i >= tl {
          reason = i == tl ? "truncation" : (blank ? "blank" : "after-truncation")
        } else if t < turns.count && turns[t].lines.contains(i) {
          let turn = turns[t]
          turnText = "#\(turn.index)"
          kindText = turn.kind.rawValue
          if blank {
            reason = "blank"
          } else if let label = turn.label,
            label.lowerBound < line.end && label.upperBound > line.start
          {
            if turn.body.lowerBound >= label.upperBound && turn.body.lowerBound < e
              && turn.body.upperBound > turn.body.lowerBound
            {
              who = turn.speaker
              reason = "inline-label"
            } else {
              reason = "label"
            }
          } else if e <= turn.body.lowerBound || s >= turn.body.upperBound {
            reason = Self.nonSpeechReason(classifier.classify(i))
          } else {
            switch classifier.classify(i) {
            case .nonSpeech(let k): reason = k.rawValue
            case .continuation: reason = "timestamp"
            default:
              who = turn.speaker
              switch turn.attribution {
              case .label: reason = "speech"
              case .header: reason = "speech-header"
              case .continuation: reason = "continuation"
              }
            }
          }
        } else if blank {
          reason = "blank"
        } else if t >= turns.count && !turns.isEmpty {
          reason = Self.nonSpeechReason(classifier.classify(i), fallback: "trailer")
        } else {
          reason = Self.nonSpeechReason(classifier.classify(i), fallback: "unattributed")
        }
        let preview = Self.preview(
          Bytes.string(p, line.start, Bytes.trimEnd(p, line.start, line.end)))
        out +=
          String(i + 1).padded(to: 6, left: true) + "  " + who.padded(to: 26)
          + reason.padded(to: 17) + turnText.padded(to: 6) + kindText.padded(to: 11) + preview
        while out.last == " " { out.removeLast() }
        out += "\n"
      }
    }
    return out
  }

  private static func nonSpeechReason(_ c: LineClass, fallback: String = "non-speech") -> String {
    switch c {
    case .nonSpeech(let k): return k.rawValue
    case .continuation: return "timestamp"
    case .blank: return "blank"
    default: return fallback
    }
  }

  private static func preview(_ s: String) -> String {
    var out = ""
    var n = 0
    for ch in s {
      if n == 60 {
        out += "…"
        break
      }
      out.append(ch == "\t" ? " " : ch)
      n += 1
    }
    return out
  }
}

extension String {
  fileprivate func padded(to width: Int, left: Bool = false) -> String {
    let n = count
    if n >= width { return left ? self : self + " " }
    let pad = String(repeating: " ", count: width - n)
    return left ? pad + self : self + pad
  }
}

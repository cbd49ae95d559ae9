/// Aho–Corasick automaton over the normalised byte stream, compiled to a dense DFA over byte
/// classes. Patterns are ` phrase ` with a space at each end, so every match lies on word
/// boundaries.
struct TopicMatcher: Sendable {
  struct Output: Sendable {
    var topic: Int32
    var length: Int32  // bytes of the phrase without the boundary spaces
    var weight: Double
  }

  let classOf: [UInt8]  // 256 entries
  let classCount: Int
  let delta: [Int32]  // state * classCount + class
  let outputStart: [Int32]  // state → first output, outputStart[state + 1] → end
  let outputs: [Output]

  init(taxonomy: Taxonomy) {
    var patterns: [(bytes: [UInt8], topic: Int32, weight: Double)] = []
    var seen: [String: Int] = [:]
    for (t, topic) in taxonomy.topics.enumerated() {
      for term in topic.terms {
        for form in TextNormaliser.variants(term.phrase) {
          let key = "\(t)|\(form)"
          if let i = seen[key] {
            patterns[i].weight = max(patterns[i].weight, term.weight)
            continue
          }
          seen[key] = patterns.count
          patterns.append(([0x20] + Array(form.utf8) + [0x20], Int32(t), term.weight))
        }
      }
    }
    var classOf = [UInt8](repeating: 0, count: 256)
    var classCount = 1  // class 0: bytes no pattern uses
    for p in patterns {
      for b in p.bytes where classOf[Int(b)] == 0 {
        classOf[Int(b)] = UInt8(classCount)
        classCount += 1
      }
    }
    precondition(classCount < 256, "taxonomy uses too many distinct bytes")
    // Trie.
    var children: [[Int32]] = [[Int32](repeating: -1, count: classCount)]
    var ends: [[Output]] = [[]]
    for p in patterns {
      var s = 0
      for b in p.bytes {
        let c = Int(classOf[Int(b)])
        if children[s][c] < 0 {
          children[s][c] = Int32(children.count)
          children.append([Int32](repeating: -1, count: classCount))
          ends.append([])
        }
        s = Int(children[s][c])
      }
      ends[s].append(Output(topic: p.topic, length: Int32(p.bytes.count - 2), weight: p.weight))
    }
    // Breadth-first: failure links, outputs and the dense transition table.
    let n = children.count
    var delta = [Int32](repeating: 0, count: n * classCount)
    var fail = [Int32](repeating: 0, count: n)
    var all = ends
    var queue: [Int] = []
    for c in 0..<classCount {
      let child = children[0][c]
      if child >= 0 {
        delta[c] = child
        queue.append(Int(child))
      }
    }
    var head = 0
    while head < queue.count {
      let s = queue[head]
      head += 1
      all[s] += all[Int(fail[s])]
      for c in 0..<classCount {
        let child = children[s][c]
        if child >= 0 {
          fail[Int(child)] = delta[Int(fail[s]) * classCount + c]
          delta[s * classCount + c] = child
          queue.append(Int(child))
        } else {
          delta[s * classCount + c] = delta[Int(fail[s]) * classCount + c]
        }
      }
    }
    var outputStart: [Int32] = [0]
    var outputs: [Output] = []
    for s in 0..<n {
      outputs += all[s]
      outputStart.append(Int32(outputs.count))
    }
    self.classOf = classOf
    self.classCount = classCount
    self.delta = delta
    self.outputStart = outputStart
    self.outputs = outputs
  }
}

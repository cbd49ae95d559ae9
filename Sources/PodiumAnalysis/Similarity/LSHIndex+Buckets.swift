/// The bucket table of `LSHIndex`: open addressing with linear probing and backward-shift
/// deletion. An entry is a bucket: the band's key (its two 16-bit signature values) and the first
/// slot of its chain, whose number also tells the band. Entries are self-contained, so probing,
/// deleting and resizing never read a signature.
extension LSHIndex {
  @inline(__always)
  static func bandKey(_ a: UInt32, _ b: UInt32) -> UInt32 { (a & 0xFFFF) << 16 | (b & 0xFFFF) }

  @inline(__always)
  func home(band: Int, key: UInt32) -> Int {
    let h = StableHash.mix(UInt64(key) &+ UInt64(band + 1) &* 0x9E37_79B9_7F4A_7C15)
    return Int(truncatingIfNeeded: h) & (table.count - 1)
  }

  @inline(__always)
  func home(of entry: UInt64) -> Int {
    let slot = UInt32(truncatingIfNeeded: entry)
    return home(band: Int(slot) % Self.bands, key: UInt32(truncatingIfNeeded: entry >> 32))
  }

  /// The band key of a stored slot.
  @inline(__always)
  func key(of slot: UInt32) -> UInt32 {
    let band = Int(slot) % Self.bands
    let base = Int(slot) / Self.bands * MinHash.size + band * Self.rows
    return UInt32(signatures[base]) << 16 | UInt32(signatures[base + 1])
  }

  /// The position of the bucket for a key (`found`), or of the empty entry where it would go.
  func find(band: Int, key: UInt32) -> (position: Int, found: Int?) {
    let mask = table.count - 1
    var i = home(band: band, key: key)
    while true {
      let e = table[i]
      if e == Self.empty { return (i, nil) }
      if UInt32(truncatingIfNeeded: e >> 32) == key,
        Int(UInt32(truncatingIfNeeded: e)) % Self.bands == band
      {
        return (i, i)
      }
      i = (i + 1) & mask
    }
  }

  /// Links every band slot of a unit whose signature is stored.
  mutating func linkBands(of id: UInt32) {
    if (tableCount + Self.bands) * 5 > table.count * 4 { resize(to: table.count * 2) }
    // Touch each band's home entry first: the loads are independent, so their cache misses
    // overlap instead of being paid one after another in `link`.
    var touched: UInt64 = 0
    for band in 0..<Self.bands {
      touched ^= table[home(band: band, key: key(of: id * UInt32(Self.bands) + UInt32(band)))]
    }
    touchSink = touched  // keeps the loads
    for band in 0..<Self.bands { link(id * UInt32(Self.bands) + UInt32(band)) }
  }

  /// Unlinks every band slot of a unit, touching first what each unlink will read.
  mutating func unlinkBands(of id: UInt32) {
    let first = Int(id) * Self.bands
    var touched: UInt64 = 0
    for slot in first..<(first + Self.bands) {
      let p = prev[slot]
      let n = next[slot]
      if p != Self.none { touched ^= UInt64(next[Int(p)]) }
      if n != Self.none { touched ^= UInt64(prev[Int(n)]) }
      if p == Self.none {
        touched ^= table[home(band: slot % Self.bands, key: key(of: UInt32(slot)))]
      }
    }
    touchSink = touched  // keeps the loads
    for slot in first..<(first + Self.bands) { unlink(UInt32(slot)) }
  }

  /// Puts a slot (whose signature is stored) at the head of its bucket.
  mutating func link(_ slot: UInt32) {
    let band = Int(slot) % Self.bands
    let key = key(of: slot)
    let (position, found) = find(band: band, key: key)
    prev[Int(slot)] = Self.none
    if found != nil {
      let head = UInt32(truncatingIfNeeded: table[position])
      next[Int(slot)] = head
      prev[Int(head)] = slot
    } else {
      next[Int(slot)] = Self.none
      tableCount += 1
    }
    table[position] = UInt64(key) << 32 | UInt64(slot)
  }

  /// Takes a slot out of its bucket, dropping the bucket when it empties.
  mutating func unlink(_ slot: UInt32) {
    let p = prev[Int(slot)]
    let n = next[Int(slot)]
    if p != Self.none {
      next[Int(p)] = n
      if n != Self.none { prev[Int(n)] = p }
    } else {
      guard let position = find(band: Int(slot) % Self.bands, key: key(of: slot)).found else {
        preconditionFailure("LSHIndex: a chain head without its bucket")
      }
      if n != Self.none {
        prev[Int(n)] = Self.none
        table[position] = table[position] & 0xFFFF_FFFF_0000_0000 | UInt64(n)
      } else {
        erase(at: position)
        tableCount -= 1
      }
    }
    next[Int(slot)] = Self.none
    prev[Int(slot)] = Self.none
  }

  /// Empties an entry and shifts back the entries after it that probed past it.
  mutating func erase(at position: Int) {
    let mask = table.count - 1
    var hole = position
    var j = position
    while true {
      j = (j + 1) & mask
      let e = table[j]
      if e == Self.empty { break }
      let h = home(of: e)
      // The entry stays when its home lies cyclically in (hole, j].
      let stays = hole <= j ? (hole < h && h <= j) : (hole < h || h <= j)
      if !stays {
        table[hole] = e
        hole = j
      }
    }
    table[hole] = Self.empty
  }

  mutating func resize(to capacity: Int) {
    let old = table
    table = [UInt64](repeating: Self.empty, count: capacity)
    let mask = capacity - 1
    for e in old where e != Self.empty {
      var i = home(of: e)
      while table[i] != Self.empty { i = (i + 1) & mask }
      table[i] = e
    }
  }
}

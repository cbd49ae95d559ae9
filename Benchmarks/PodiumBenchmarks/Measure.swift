/// Timing helpers shared by the benchmarks: wall-clock samples and their percentiles.
struct Samples {
  private(set) var nanoseconds: [Double] = []

  mutating func record(_ duration: Duration) {
    let (seconds, attoseconds) = duration.components
    nanoseconds.append(Double(seconds) * 1e9 + Double(attoseconds) / 1e9)
  }

  func percentile(_ p: Double) -> Double {
    guard !nanoseconds.isEmpty else { return 0 }
    let sorted = nanoseconds.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p))]
  }

  var summary: String {
    "p50 \(format(percentile(0.5))), p99 \(format(percentile(0.99))), n=\(nanoseconds.count)"
  }
}

func format(_ nanoseconds: Double) -> String {
  if nanoseconds < 1_000 { return "\(rounded(nanoseconds)) ns" }
  if nanoseconds < 1_000_000 { return "\(rounded(nanoseconds / 1_000)) µs" }
  if nanoseconds < 1_000_000_000 { return "\(rounded(nanoseconds / 1_000_000)) ms" }
  return "\(rounded(nanoseconds / 1_000_000_000)) s"
}

func rounded(_ value: Double) -> String {
  let scaled = (value * 100).rounded() / 100
  return "\(scaled)"
}

/// Runs `body` once and returns the seconds it took.
func seconds(_ body: () -> Void) -> Double {
  let clock = ContinuousClock()
  let elapsed = clock.measure(body)
  let (s, atto) = elapsed.components
  return Double(s) + Double(atto) / 1e18
}

func report(_ name: String, _ value: String) {
  print("\(name): \(value)")
}

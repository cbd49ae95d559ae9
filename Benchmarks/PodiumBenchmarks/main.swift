// `make bench` (or `swift run -c release PodiumBenchmarks [name…]`): prints one line a figure.
let all: [(String, () -> Void)] = [
  ("rpc", RPCBenchmarks.run),
  ("text", TextBenchmarks.run),
  ("editor", EditorBenchmarks.run),
  ("core", CoreBenchmarks.run),
  ("topics", TopicBenchmarks.run),
  ("workspace", WorkspaceBenchmarks.run),
]
let wanted = Set(CommandLine.arguments.dropFirst())
for (name, run) in all where wanted.isEmpty || wanted.contains(name) {
  print("== \(name)")
  run()
}

// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "Podium",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "podium", targets: ["podium"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    // The system jansson library (Debian: libjansson-dev).
    .systemLibrary(
      name: "CJansson",
      pkgConfig: "jansson",
      providers: [.apt(["libjansson-dev"])]
    ),
    // Only what Swift cannot call directly: variadic pack/unpack, iteration macros, type tests.
    .target(name: "CJanssonShim", dependencies: ["CJansson"]),
    .target(name: "PodiumJSON", dependencies: ["CJansson", "CJanssonShim"]),
    .target(name: "PodiumRPC", dependencies: ["PodiumJSON"]),
    .target(name: "PodiumCore"),
    .target(name: "PodiumAnalysis", dependencies: ["PodiumCore"]),
    .target(
      name: "PodiumServer",
      dependencies: ["PodiumRPC", "PodiumJSON", "PodiumCore", "PodiumAnalysis"]
    ),
    .executableTarget(
      name: "podium",
      dependencies: [
        "PodiumServer",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "PodiumBenchmarks",
      dependencies: [
        "PodiumCore", "PodiumAnalysis", "PodiumServer", "PodiumRPC", "PodiumJSON",
        "PodiumTestSupport",
      ],
      path: "Benchmarks/PodiumBenchmarks"
    ),
    // Shared by the tests and the benchmarks: seeded randomness.
    .target(name: "PodiumTestSupport", path: "Tests/Support"),
    .testTarget(name: "PodiumJSONTests", dependencies: ["PodiumJSON"]),
    .testTarget(name: "PodiumRPCTests", dependencies: ["PodiumRPC", "PodiumJSON"]),
    .testTarget(name: "PodiumCoreTests", dependencies: ["PodiumCore", "PodiumTestSupport"]),
    .testTarget(
      name: "PodiumAnalysisTests",
      dependencies: ["PodiumAnalysis", "PodiumCore", "PodiumTestSupport"]
    ),
    .testTarget(
      name: "PodiumServerTests",
      dependencies: ["PodiumServer", "PodiumRPC", "PodiumJSON", "PodiumCore", "PodiumTestSupport"]
    ),
  ],
  swiftLanguageModes: [.v6]
)

import PodiumJSON
import PodiumRPC
import Testing

@testable import PodiumServer

@Suite struct LifecycleTests {
  @Test func requestsBeforeInitializeAreRefused() {
    let harness = ServerHarness()
    #expect(harness.request("shutdown") == .failure(.serverNotInitialized))
  }

  @Test func initializeAnswersCapabilitiesAndServerInfo() throws {
    let harness = ServerHarness()
    let result = try #require(harness.initialize())
    #expect(result["serverInfo"]?["name"] == "podium")
    #expect(result["serverInfo"]?["version"] == .string(PodiumVersion.current))
    #expect(result["capabilities"]?["textDocumentSync"]?["change"] == 2)
  }

  @Test(
    arguments: [
      (nil, "utf-16"), (["utf-16"], "utf-16"), (["utf-32", "utf-16", "utf-8"], "utf-8"),
      (["utf-32"], "utf-32"), (["utf-32", "utf-16"], "utf-16"), ([], "utf-16"),
    ] as [([String]?, String)])
  func negotiatesThePositionEncoding(offers: [String]?, chosen: String) {
    let harness = ServerHarness()
    let result = harness.initialize(encodings: offers)
    #expect(result?["capabilities"]?["positionEncoding"] == .string(chosen))
  }

  @Test func initializeTwiceIsAnInvalidRequest() {
    let harness = ServerHarness()
    harness.initialize()
    #expect(
      harness.request("initialize", ["capabilities": [:]]).errorCode == ErrorCode.invalidRequest)
  }

  @Test func afterShutdownOnlyExitIsAccepted() {
    let harness = ServerHarness()
    harness.initialize()
    #expect(harness.request("shutdown") == .success(nil))
    #expect(harness.request("shutdown").errorCode == ErrorCode.invalidRequest)
    harness.notify("exit")
    #expect(harness.exitCode.code == 0)
  }

  @Test func exitWithoutShutdownExitsWithOne() {
    let harness = ServerHarness()
    harness.initialize()
    harness.notify("exit")
    #expect(harness.exitCode.code == 1)
  }

  @Test func endOfInputAfterShutdownIsAClean0() {
    let harness = ServerHarness()
    harness.initialize()
    #expect(harness.server.endOfInput() == 1)
    _ = harness.request("shutdown")
    #expect(harness.server.endOfInput() == 0)
  }

  @Test func unknownRequestsAreMethodNotFoundAndUnknownNotificationsIgnored() {
    let harness = ServerHarness()
    harness.initialize()
    harness.notify("custom/whatever", ["x": 1])
    #expect(harness.request("custom/request").errorCode == ErrorCode.methodNotFound)
  }
}

extension Result where Failure == ResponseError {
  var errorCode: Int? {
    if case .failure(let error) = self { return error.code }
    return nil
  }
}

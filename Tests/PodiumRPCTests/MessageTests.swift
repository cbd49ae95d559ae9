import PodiumJSON
import PodiumRPC
import Testing

@Suite struct MessageDecodingTests {
  @Test func decodesRequestsNotificationsAndResponses() throws {
    #expect(
      try Message.decode(["jsonrpc": "2.0", "id": "a", "method": "m", "params": [1]])
        == .request(Request(id: "a", method: "m", params: [1])))
    #expect(
      try Message.decode(["jsonrpc": "2.0", "method": "n"])
        == .notification(Notification(method: "n")))
    #expect(
      try Message.decode(["jsonrpc": "2.0", "id": 3, "result": nil])
        == .response(Response(id: 3, result: .success(nil))))
  }

  @Test func nullParamsCountAsAbsent() throws {
    #expect(
      try Message.decode(["jsonrpc": "2.0", "id": 1, "method": "shutdown", "params": nil])
        == .request(Request(id: 1, method: "shutdown")))
  }

  @Test(arguments: [
    JSON.int(1), ["jsonrpc": "2.0", "method": 1, "params": "bar"],
    ["jsonrpc": "1.0", "method": "m"],
    ["method": "m", "id": 1], ["jsonrpc": "2.0", "id": 1, "method": "m", "params": "x"],
    ["jsonrpc": "2.0", "id": [1], "method": "m"], ["jsonrpc": "2.0"],
  ])
  func rejectsInvalidRequests(_ json: JSON) {
    #expect(throws: InvalidMessage.self) { try Message.decode(json) }
  }

  @Test func invalidRequestKeepsAReadableID() {
    do {
      _ = try Message.decode(["jsonrpc": "2.0", "id": 7, "method": 1])
      Issue.record("expected an error")
    } catch {
      #expect(error.id == 7)
      #expect(error.error.code == ErrorCode.invalidRequest)
    }
  }
}

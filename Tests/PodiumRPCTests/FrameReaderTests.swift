import PodiumJSON
import PodiumRPC
import Testing

private func frame(_ body: String) -> [UInt8] { Framing.contentLength.frame(Array(body.utf8)) }
private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

private func events(_ pieces: [[UInt8]?], limit: Int = 1 << 20) -> [FrameEvent] {
  let reader = FrameReader(source: ScriptedSource(pieces), maxMessageBytes: limit)
  var events: [FrameEvent] = []
  while let event = reader.next() { events.append(event) }
  return events
}

private func message(_ text: String) -> FrameEvent { .message(bytes(text)) }

@Suite struct FrameReaderTests {
  let a = #"{"jsonrpc":"2.0","id":1,"method":"a"}"#
  let b = #"{"jsonrpc":"2.0","id":2,"method":"b"}"#

  @Test func readsCoalescedFrames() {
    #expect(events([frame(a) + frame(b)]) == [message(a), message(b)])
  }

  @Test func readsFramesSplitOneByteAtATime() {
    let all = frame(a) + frame(b)
    #expect(events(all.map { [$0] }) == [message(a), message(b)])
  }

  @Test func headersAreCaseInsensitiveAndExtraHeadersAreAllowed() {
    let text =
      "content-TYPE: application/vscode-jsonrpc; charset=utf-8\r\nCONTENT-LENGTH: \(a.utf8.count)\r\nX-Other: 1\r\n\r\n\(a)"
    #expect(events([bytes(text)]) == [message(a)])
  }

  @Test func missingLengthIsReportedAndTheNextFrameStillArrives() {
    let stream = bytes("Content-Type: x\r\n\r\n\(a)") + frame(b)
    let result = events([stream])
    #expect(result.count == 2)
    guard case .malformed(let why) = result[0] else { Issue.record("\(result)"); return }
    #expect(why.contains("missing Content-Length"))
    #expect(result[1] == message(b))
  }

  @Test(arguments: ["-5", "abc", "99999999999999999999999", "1e3", ""])
  func badLengthsAreReported(_ value: String) {
    let stream = bytes("Content-Length: \(value)\r\n\r\n\(a)") + frame(b)
    let result = events([stream])
    #expect(result.last == message(b))
    #expect(result.first.map { if case .malformed = $0 { true } else { false } } == true)
  }

  @Test func oversizeBodyIsSkippedWithoutBuffering() {
    let big = String(repeating: "x", count: 5000)
    let stream = bytes("Content-Length: 5000\r\n\r\n\(big)") + frame(b)
    let result = events([stream], limit: 1000)
    #expect(result.count == 2)
    #expect(result.last == message(b))
  }

  @Test func garbageBetweenFramesIsSkipped() {
    let stream = frame(a) + bytes("}}garbage\r\nmore garbage") + frame(b)
    let result = events([stream])
    #expect(result.first == message(a))
    #expect(result.last == message(b))
    #expect(result.count == 3)
  }

  @Test func tooShortLengthGivesABadBodyThenResynchronises() {
    let stream = bytes("Content-Length: 10\r\n\r\n\(a)") + frame(b)
    let result = events([stream])
    #expect(result.first == message(String(a.prefix(10))))
    #expect(result.last == message(b))
  }

  @Test func overshootingLengthIsNoticedWhenTheStreamStalls() {
    let stream = bytes("Content-Length: \(a.utf8.count + 200)\r\n\r\n\(a)") + frame(b)
    // The client sends both frames, then waits for answers (a stall, then more stalls).
    let result = events([stream, nil, nil])
    #expect(result.first == message(a))
    #expect(result.dropFirst().contains(message(b)))
  }

  @Test func overshootingLengthOnTheLastMessageIsTakenAfterALongerStall() {
    let stream = bytes("Content-Length: \(a.utf8.count + 200)\r\n\r\n\(a)")
    let result = events([stream] + Array(repeating: nil, count: 25))
    #expect(result == [message(a)])
  }

  @Test func truncatedBodyAtEndOfInputIsDropped() {
    #expect(events([bytes("Content-Length: 100\r\n\r\n{\"jsonrpc\"")]) == [])
  }

  @Test func newlineDelimitedJSONIsDetectedFromTheFirstByte() {
    let reader = FrameReader(source: ScriptedSource([bytes("\(a)\r\n\n  \n\(b)")]))
    #expect(reader.next() == message(a))
    #expect(reader.framing == .newlineDelimited)
    #expect(reader.next() == message(b))
    #expect(reader.next() == nil)
  }

  @Test func overlongLineIsDroppedAndReadingGoesOn() {
    let long = "[" + String(repeating: "1,", count: 1000) + "1]"
    let result = events([bytes("\(a)\n\(long)\n\(b)\n")], limit: 100)
    #expect(result.count == 3)
    #expect(result.last == message(b))
  }
}

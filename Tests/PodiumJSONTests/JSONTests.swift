import PodiumJSON
import Testing

@Suite struct JSONParsingTests {
  @Test func parsesEveryKindOfValue() throws {
    let json = try JSON.parse(#"{"a":[1,2.5,"x",true,false,null],"b":{"c":-7}}"#)
    #expect(json["a"] == [1, 2.5, "x", true, false, nil])
    #expect(json["b"]?["c"] == .int(-7))
  }

  @Test func keepsMemberOrderWhenPrinting() throws {
    let text = #"{"zeta":1,"alpha":2,"mid":{"y":1,"b":2}}"#
    #expect(try JSON.parse(text).serializedString() == text)
  }

  @Test func acceptsTopLevelScalars() throws {
    #expect(try JSON.parse("1") == .int(1))
    #expect(try JSON.parse(#""s""#) == "s")
  }

  @Test func readsStringsWithNULAndAstralCharacters() throws {
    let json = try JSON.parse(#""a\u0000b 🗣""#)
    #expect(json.stringValue == "a\u{0}b 🗣")
    #expect(json.serializedString() == "\"a\\u0000b 🗣\"")
  }

  @Test func reportsWhereParsingFailed() {
    do {
      _ = try JSON.parse("{\n  \"a\": tru }")
      Issue.record("expected a parse error")
    } catch {
      #expect(error.line == 2)
      #expect(error.position > 0)
      #expect(!error.message.isEmpty)
    }
  }

  @Test func rejectsInvalidUTF8() {
    #expect(throws: JSONParseError.self) { try JSON.parse([0x22, 0xFF, 0xFE, 0x22]) }
  }

  @Test func rejectsEmptyAndTrailingGarbage() {
    #expect(throws: JSONParseError.self) { try JSON.parse("") }
    #expect(throws: JSONParseError.self) { try JSON.parse("{} {}") }
  }

  @Test func printsNonFiniteNumbersAsNull() {
    #expect(JSON.double(.nan).serializedString() == "null")
    #expect(JSON.double(0.85).serializedString() == "0.85")
  }

  @Test func roundTripsLargeIntegersExactly() throws {
    let big = JSON.int(Int64.max)
    #expect(try JSON.parse(big.serializedString()) == big)
  }

  @Test func survivesDeepNesting() throws {
    let depth = 1500
    let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    #expect(try JSON.parse(text).serializedString() == text)
  }

  @Test func objectEqualityIgnoresOrder() {
    let a: JSON = ["x": 1, "y": 2]
    let b: JSON = ["y": 2, "x": 1]
    #expect(a == b)
  }

  @Test func removingAMemberKeepsTheOthersInOrder() {
    var object: JSONObject = ["a": 1, "b": 2, "c": 3]
    object["b"] = nil
    object["a"] = 9
    #expect(JSON.object(object).serializedString() == #"{"a":9,"c":3}"#)
  }
}

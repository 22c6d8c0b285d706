import Foundation
import Testing
@testable import Qualification

@Suite struct JSONValueTests {
    @Test func objectsKeepMemberOrder() throws {
        let text = #"{"z":1,"a":[true,false],"m":{"y":null,"b":"s"}}"#
        let value = try JSONValue.parse(text)
        #expect(value.jsonText(keyOrder: .memberOrder) == text)
        #expect(value.jsonText == #"{"a":[true,false],"m":{"b":"s","y":null},"z":1}"#)
        guard case .object(let members) = value else {
            Issue.record("parsed \(text) as \(value)")
            return
        }
        #expect(members.keys == ["z", "a", "m"])
    }

    @Test func objectEqualityIgnoresOrder() throws {
        #expect(try JSONValue.parse(#"{"a":1,"b":[2]}"#) == JSONValue.parse(#"{"b":[2],"a":1}"#))
        #expect(try JSONValue.parse(#"{"a":1,"b":[2]}"#) != JSONValue.parse(#"{"a":1,"b":[3]}"#))
        #expect(try JSONValue.parse(#"{"a":1}"#) != JSONValue.parse(#"{"a":1,"b":null}"#))
    }

    @Test func objectSubscriptEditsInPlace() {
        var members: JSONObject = ["a": .integer(1), "b": .integer(2), "c": .integer(3)]
        members["b"] = .string("two")
        #expect(members.keys == ["a", "b", "c"])
        members["a"] = nil
        #expect(members.keys == ["b", "c"])
        #expect(members["c"] == .integer(3))
        members["d"] = .null
        #expect(members.keys == ["b", "c", "d"])
        #expect(members.values == [.string("two"), .integer(3), .null])
    }

    @Test func objectFromMembersKeepsFirstPosition() {
        let members = JSONObject([("a", .integer(1)), ("b", .integer(2)), ("a", .integer(3))])
        #expect(members.keys == ["a", "b"])
        #expect(members["a"] == .integer(3))
    }

    @Test func keyLookupOnValues() throws {
        let value = try JSONValue.parse(#"{"a":{"b":[1]}}"#)
        #expect(value["a"]?["b"] == .array([.integer(1)]))
        #expect(value["b"] == nil)
        #expect(value["a"]?["b"]?["c"] == nil)
    }

    @Test(arguments: [
        ("7", 7),
        ("7.0", 7),
        ("1e3", 1000),
        ("-0", 0),
        ("9007199254740992.0", 9_007_199_254_740_992),
        ("9223372036854775807", Int.max),
        ("-9223372036854775808", Int.min),
    ] as [(String, Int)])
    func integralNumbersGiveIntegers(text: String, expected: Int) throws {
        #expect(try JSONValue.parse(text).integerValue == expected)
    }

    @Test(arguments: ["7.5", "1e300", "9223372036854775808", "18014398509481984.0", #""7""#, "true", "null"])
    func otherValuesGiveNoInteger(text: String) throws {
        #expect(try JSONValue.parse(text).integerValue == nil)
    }

    @Test func integerLiteralsThatFitInt64AreExact() throws {
        #expect(try JSONValue.parse("9223372036854775807") == .integer(.max))
        #expect(try JSONValue.parse("-9223372036854775808") == .integer(.min))
        #expect(try JSONValue.parse("9223372036854775808") == .number(9_223_372_036_854_775_808))
        #expect(try JSONValue.parse("-9223372036854775809") == .number(-9_223_372_036_854_775_809))
    }

    @Test func excerptShortensLongValues() {
        let long = JSONValue.string(String(repeating: "x", count: 200))
        #expect(long.excerpt.count == 60)
        #expect(long.excerpt.hasPrefix(#""xxx"#))
        #expect(long.excerpt.hasSuffix("..."))
        #expect(JSONValue.object(["b": .integer(1), "a": .null]).excerpt == #"{"b":1,"a":null}"#)
    }

    @Test func prettyTextKeepsShortScalarArraysOnOneLine() {
        let value = JSONValue.object([
            "names": .array([.string("a"), .string("b")]),
            "nested": .array([.object(["k": .integer(1)])]),
            "empty": .object([:]),
        ])
        let expected = """
        {
          "names": ["a", "b"],
          "nested": [
            {
              "k": 1
            }
          ],
          "empty": {}
        }

        """
        #expect(value.prettyText(keyOrder: .memberOrder) == expected)
    }

    @Test func prettyTextBreaksLongArrays() {
        let words = (0..<11).map { JSONValue.string("word\($0)") }
        // One level deep, the indentation is 2 characters and the key is not counted:
        // ten words make a 90-character array, eleven make a 100-character one.
        let fits = JSONValue.object(["words": .array(Array(words.prefix(10)))]).prettyText(keyOrder: .sorted)
        #expect(fits == "{\n  \"words\": [" + words.prefix(10).map(\.jsonText).joined(separator: ", ") + "]\n}\n")
        let breaks = JSONValue.object(["words": .array(words)]).prettyText(keyOrder: .sorted)
        #expect(breaks.hasPrefix("{\n  \"words\": [\n    \"word0\",\n    \"word1\","))
    }

    @Test func prettyTextSortsKeysWhenAsked() {
        let value = JSONValue.object(["b": .integer(1), "a": .integer(2)])
        #expect(value.prettyText(keyOrder: .sorted) == "{\n  \"a\": 2,\n  \"b\": 1\n}\n")
    }
}

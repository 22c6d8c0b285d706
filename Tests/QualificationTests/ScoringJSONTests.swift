import Foundation
import Testing
@testable import Qualification

@Suite struct ScoringJSONTests {
    @Test func parsesScalarsAndContainers() throws {
        let value = try ScoringJSON.parse(#" {"b": [1, -2.5, true, null, "x\n\u00e9\ud83d\ude00"], "a": {}} "#)
        #expect(value == .object([
            .init("b", .array([.integer(1), .number(-2.5), .bool(true), .null, .string("x\né😀")])),
            .init("a", .object([])),
        ]))
    }

    @Test func integralNumbersAreIntegers() throws {
        #expect(try ScoringJSON.parse("7.0") == .integer(7))
        #expect(try ScoringJSON.parse("1e3") == .integer(1000))
        #expect(try ScoringJSON.parse("-0") == .integer(0))
        #expect(try ScoringJSON.parse("7.5") == .number(7.5))
        #expect(try ScoringJSON.parse("9223372036854775807") == .integer(Int.max))
        #expect(try ScoringJSON.parse("1e300") == .number(1e300))
    }

    @Test(arguments: [
        (#"{"a": 1,}"#, "expected a string key"),
        ("[1,]", "unexpected character; expected a value"),
        (#"{"a": 1, "a": 2}"#, #"duplicate key "a""#),
        ("01", "leading zeros are not allowed"),
        ("NaN", "unexpected character; expected a value"),
        ("1.", "expected a digit after '.'"),
        ("1e", "expected a digit in the exponent"),
        (#"{"a": 1} x"#, "unexpected content after the JSON value"),
        (#""\x""#, #"invalid escape '\x'"#),
        (#""\ud83d""#, "high surrogate without a low surrogate"),
        (#""\ude00""#, "low surrogate without a high surrogate"),
        ("\"a\u{01}\"", "control character in a string; escape it"),
        ("tru", "invalid literal; expected true"),
        ("1e400", "number 1e400 is out of range"),
        ("", "unexpected end of input; expected a value"),
    ])
    func rejectsInvalidText(text: String, problem: String) {
        #expect(throws: ScoringJSONSyntaxError.self) { try ScoringJSON.parse(text) }
        do {
            _ = try ScoringJSON.parse(text)
        } catch {
            #expect(error.reason.hasSuffix(problem), "\(error.reason)")
            #expect(error.reason.hasPrefix("invalid JSON at byte "))
        }
    }

    @Test func rejectsInvalidUTF8() {
        var bytes = Array(#""ab"#.utf8)
        bytes.append(0xFF)
        bytes.append(UInt8(ascii: "\""))
        #expect(throws: ScoringJSONSyntaxError.self) { try ScoringJSON.parse(Data(bytes)) }
    }

    @Test func rejectsDeepNesting() {
        let deep = String(repeating: "[", count: ScoringJSON.maxDepth + 1) + String(repeating: "]", count: ScoringJSON.maxDepth + 1)
        let allowed = String(repeating: "[", count: ScoringJSON.maxDepth) + String(repeating: "]", count: ScoringJSON.maxDepth)
        #expect(throws: ScoringJSONSyntaxError.self) { try ScoringJSON.parse(deep) }
        #expect((try? ScoringJSON.parse(allowed)) != nil)
    }

    @Test func errorNamesByteOffset() {
        do {
            _ = try ScoringJSON.parse(#"{"a": 1 "b": 2}"#)
            Issue.record("parsed invalid JSON")
        } catch {
            #expect(error.offset == 8)
        }
    }

    @Test func writesIntegralDoublesWithoutFraction() {
        let value = ScoringJSON.array([.number(50), .number(29.5), .number(-0.0), .number(0.1 + 0.2), .number(1e21), .number(.nan)])
        #expect(value.compactText() == "[50,29.5,0,0.30000000000000004,1e+21,null]")
    }

    @Test func writesEscapedStrings() {
        let value = ScoringJSON.string("a\"b\\c\nd\u{01}é")
        #expect(value.compactText() == #""a\"b\\c\nd\u0001é""#)
    }

    @Test func keepsMemberOrder() throws {
        let text = #"{"z":1,"a":[true,false],"m":{"y":null,"b":"s"}}"#
        #expect(try ScoringJSON.parse(text).compactText() == text)
    }

    @Test func prettyTextKeepsShortScalarArraysOnOneLine() {
        let value = ScoringJSON.object([
            .init("names", .array([.string("a"), .string("b")])),
            .init("nested", .array([.object([.init("k", .integer(1))])])),
        ])
        let expected = """
        {
          "names": ["a", "b"],
          "nested": [
            {
              "k": 1
            }
          ]
        }

        """
        #expect(value.prettyText() == expected)
    }
}

import Foundation
import Testing
@testable import Qualification

private func written(_ value: Double) -> String {
    var writer = JSONWriter()
    writer.number(value)
    return writer.text
}

@Test(arguments: [
    (50.0, "50"),
    (-3.0, "-3"),
    (0.0, "0"),
    (-0.0, "0"),
    (0.1, "0.1"),
    (29.5, "29.5"),
    (1.0 / 3.0, "0.3333333333333333"),
    (1e-7, "1e-07"),
    (123_456_789_012.0, "123456789012"),
    (9_007_199_254_740_991.0, "9007199254740991"),
    (1e20, "1e+20"),
    (Double.nan, "null"),
    (Double.infinity, "null"),
])
func doublesUseShortestForm(value: Double, expected: String) {
    #expect(written(value) == expected)
}

@Test func doublesRoundTripThroughParser() throws {
    var generator = SplitMix64(seed: 5)
    for _ in 0..<10_000 {
        let value = Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF)
        let text = written(value)
        switch try JSONValue.parse(text) {
        case .number(let parsed): #expect(parsed == value, "\(text)")
        case .integer(let parsed): #expect(Double(parsed) == value, "\(text)")
        default: Issue.record("\(text) did not parse as a number")
        }
    }
}

@Test func stringsAreEscaped() {
    var writer = JSONWriter()
    writer.string("q\"b\\n\n\t\u{1}é😀/")
    #expect(writer.text == #""q\"b\\n\n\t\u0001é😀/""#)
}

@Test func controlCharactersUseShortEscapes() {
    var writer = JSONWriter()
    writer.string("\u{8}\u{C}\r\u{1F}\u{7F}")
    #expect(writer.text == #""\b\f\r\u001f\#u{7F}""#)
}

@Test func objectsAndArraysGetCommas() {
    var writer = JSONWriter()
    writer.beginObject()
    writer.key("a")
    writer.integer(1)
    writer.key("b")
    writer.beginArray()
    writer.bool(true)
    writer.null()
    writer.beginObject()
    writer.endObject()
    writer.endArray()
    writer.field("c", "x")
    writer.field("d", nil as Int?)
    writer.endObject()
    #expect(writer.text == #"{"a":1,"b":[true,null,{}],"c":"x"}"#)
}

@Test func valueTreesWriteSortedKeys() throws {
    let value = JSONValue.object(["b": .integer(2), "a": .array([.number(1.5), .string("x")]), "é": .null, "Z": .bool(false)])
    #expect(value.jsonText == #"{"Z":false,"a":[1.5,"x"],"b":2,"é":null}"#)
    #expect(try JSONValue.parse(value.jsonText) == value)
}

@Test func featureDocumentIsDeterministic() throws {
    let features = Journeys.fold(Journeys.ticketingCustomer()).features()
    let text = features.jsonText
    #expect(text.hasPrefix(#"{"contact_id":"c-customer","as_of":"2026-02-28T09:00:00Z","num_page_views":0"#))
    #expect(text.contains(#""average_csat":7.5,"nps_score":10,"product_usage_score":88,"expansion_revenue":2000"#))
    let decoded = try JSONDecoder().decode(LeadFeatures.self, from: Data(text.utf8))
    #expect(decoded == features)
}

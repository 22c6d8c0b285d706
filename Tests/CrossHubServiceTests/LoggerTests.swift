import Foundation
import Testing
@testable import CrossHubService

@Suite struct LoggerTests {
    @Test func logfmtQuotesValuesWithSpaces() {
        let record = LogRecord(time: Date(timeIntervalSince1970: 1_700_000_000.25), level: .warning,
                               message: "commit failed", fields: [("kafka.topic", "sales.events"), ("error", "timed out")])
        let line = LogLineFormatter.format(record, as: .logfmt)
        #expect(line == #"time=2023-11-14T22:13:20.250Z level=warning msg="commit failed" kafka.topic=sales.events error="timed out""#)
    }

    @Test func jsonEscapesControlCharacters() {
        let record = LogRecord(time: Date(timeIntervalSince1970: 0), level: .info,
                               message: "line\nbreak \"quoted\"", fields: [("contact.id", "c\u{1}")])
        let line = LogLineFormatter.format(record, as: .json)
        #expect(line == #"{"time":"1970-01-01T00:00:00.000Z","level":"info","msg":"line\nbreak \"quoted\"","contact.id":"c\u0001"}"#)
    }

    @Test func levelThresholdDropsVerboseLines() {
        let sink = MemoryLogSink()
        let logger = Logger(level: .info, sink: sink).with(("service", "crosshub"))
        logger.debug("hidden")
        logger.info("shown", ("kafka.partition", "3"))
        #expect(sink.records.count == 1)
        #expect(sink.records.first?.message == "shown")
        #expect(sink.records.first?.fields.map(\.0) == ["service", "kafka.partition"])
    }

    @Test func rateLimiterCountsSuppressedRepeats() {
        let sink = MemoryLogSink()
        let limited = RateLimitedLogger(logger: Logger(level: .info, sink: sink), window: 10)
        let start = Date(timeIntervalSince1970: 1000)
        for second in 0..<5 {
            limited.log(.warning, key: "dead-letter", "event rejected", now: start.addingTimeInterval(Double(second)))
        }
        limited.log(.warning, key: "other", "other key", now: start)
        limited.log(.warning, key: "dead-letter", "event rejected", now: start.addingTimeInterval(11))

        let deadLetterLines = sink.records.filter { $0.message == "event rejected" }
        #expect(deadLetterLines.count == 2)
        #expect(deadLetterLines[1].fields.first { $0.0 == "log.suppressed" }?.1 == "4")
        #expect(sink.records.contains { $0.message == "other key" })
    }

    @Test func rateLimiterFlushesClosedWindows() {
        let sink = MemoryLogSink()
        let limited = RateLimitedLogger(logger: Logger(level: .info, sink: sink), window: 10)
        let start = Date(timeIntervalSince1970: 1000)
        for second in 0..<3 {
            limited.log(.error, key: "commit", "commit failed", [("kafka.topic", "sales.events")], now: start.addingTimeInterval(Double(second)))
        }
        limited.log(.warning, key: "quiet", "written once", now: start)

        limited.flushClosedWindows(now: start.addingTimeInterval(5))
        #expect(sink.records.count == 2, "open windows are not flushed")

        limited.flushClosedWindows(now: start.addingTimeInterval(10))
        #expect(sink.records.count == 3, "only the window with repeats gets a summary")
        let summary = sink.records[2]
        #expect(summary.level == .error)
        #expect(summary.message == "commit failed")
        #expect(summary.fields.map(\.0) == ["kafka.topic", "log.suppressed", "log.summary"])
        #expect(summary.fields.map(\.1) == ["sales.events", "2", "true"])

        limited.log(.error, key: "commit", "commit failed", now: start.addingTimeInterval(11))
        #expect(sink.records.count == 4)
        #expect(!sink.records[3].fields.contains { $0.0 == "log.suppressed" }, "the flushed count is not repeated")
    }

    @Test func redactedNeverPrintsValue() {
        let secret = Redacted("hunter2")
        #expect("\(secret)" == "***")
        #expect(String(reflecting: secret) == "***")
        #expect(secret.value == "hunter2")
    }

    @Test func civilDateHandlesLeapDay() {
        let days = Int64(Date(timeIntervalSince1970: 951_782_400).timeIntervalSince1970 / 86_400)
        #expect(LogLineFormatter.civilDate(fromDaysSinceEpoch: days) == (2000, 2, 29))
        #expect(LogLineFormatter.civilDate(fromDaysSinceEpoch: -1) == (1969, 12, 31))
    }

    @Test func levelParsesNamesAndSyslog() {
        #expect(LogLevel(name: "WARN") == .warning)
        #expect(LogLevel(name: "verbose") == nil)
        #expect(LogLevel(syslogSeverity: 3) == .error)
        #expect(LogLevel(syslogSeverity: 7) == .debug)
    }
}

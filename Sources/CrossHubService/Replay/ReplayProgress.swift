import Foundation

/// A progress line of a replay: events read, contacts, rate and estimated time left.
public struct ReplayProgressReport: Sendable, Equatable, CustomStringConvertible {
    public var events: Int
    public var contacts: Int
    public var seconds: Double
    /// The share of the input read, 0 to 1; nil when the size is unknown (standard input).
    public var fraction: Double?

    /// Events per second since the start.
    public var rate: Double { seconds > 0 ? Double(events) / seconds : 0 }

    /// Seconds left at the rate so far; nil when the share read is unknown or zero.
    public var secondsLeft: Double? {
        guard let fraction, fraction > 0 else { return nil }
        return seconds * (1 - fraction) / fraction
    }

    public var description: String {
        var text = "\(events) events, \(contacts) contacts, \(Int(rate.rounded())) events/s"
        if let fraction {
            text += String(format: ", %.1f%%", fraction * 100)
        }
        if let secondsLeft {
            text += ", about \(Int(secondsLeft.rounded(.up))) s left"
        }
        return text
    }
}

/// Calls a reporter about once a second while a replay reads its input.
///
/// The share read comes from the end offsets captured at the start (records
/// read of records to read) or from the file sizes (bytes read of bytes).
public final class ReplayProgress {
    private let reporter: (ReplayProgressReport) -> Void
    private let interval: Duration
    private let started = ContinuousClock.now
    private var lastReport: ContinuousClock.Instant
    /// The amount to read, in records or bytes; nil when unknown.
    var total: Int?
    /// The amount read so far, in the unit of `total`.
    var done = 0

    public init(interval: Duration = .seconds(1), reporter: @escaping (ReplayProgressReport) -> Void) {
        self.interval = interval
        self.reporter = reporter
        lastReport = started
    }

    /// Reports when `interval` has passed since the last report.
    func tick(events: Int, contacts: Int) {
        let now = ContinuousClock.now
        guard now - lastReport >= interval else { return }
        lastReport = now
        reporter(report(events: events, contacts: contacts, at: now))
    }

    func report(events: Int, contacts: Int, at now: ContinuousClock.Instant = .now) -> ReplayProgressReport {
        var fraction: Double?
        if let total {
            fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
        }
        return ReplayProgressReport(events: events, contacts: contacts, seconds: Self.seconds(now - started), fraction: fraction)
    }

    /// Seconds since the progress started.
    public var elapsedSeconds: Double { Self.seconds(ContinuousClock.now - started) }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

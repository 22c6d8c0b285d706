import Foundation

/// The progress of a demo run, reported about once a second while it runs.
public struct DemoProgress: Sendable, Equatable {
    public enum Phase: String, Sendable {
        /// The population is generated, and the service joins the consumer group.
        case joining
        /// Records are published while the service consumes them.
        case publishing
        /// Every record is published; the service works through the rest.
        case catchingUp
    }

    public var phase: Phase
    /// Records acknowledged by the broker so far.
    public var published: Int
    /// Records to publish in all.
    public var total: Int
    /// Records in batches the service has committed.
    public var processed: Int
    /// Records committed per second since the previous report.
    public var eventsPerSecond: Double
    /// Seconds since the run started.
    public var elapsedSeconds: Double

    /// One line for people, such as
    /// `12.0 s  publishing: published 40,000 of 100,407, processed 32,500 (8,100 events/s)`.
    public var line: String {
        let elapsed = String(format: "%5.1f s", elapsedSeconds)
        if phase == .joining {
            return "\(elapsed)  generated \(DemoSummary.grouped(total)) records; waiting for the service to join the consumer group"
        }
        return "\(elapsed)  \(phase == .publishing ? "publishing" : "catching up"): "
            + "published \(DemoSummary.grouped(published)) of \(DemoSummary.grouped(total)), "
            + "processed \(DemoSummary.grouped(processed)) (\(DemoSummary.grouped(Int(eventsPerSecond.rounded()))) events/s)"
    }
}

/// Calls a progress handler at most once per interval with the processing
/// rate since its previous call.
struct DemoProgressReporter {
    private let handler: (DemoProgress) -> Void
    private let interval: Duration
    private let started = ContinuousClock.now
    private var lastReport: ContinuousClock.Instant
    private var lastProcessed = 0

    init(interval: Duration = .seconds(1), handler: @escaping (DemoProgress) -> Void) {
        self.handler = handler
        self.interval = interval
        lastReport = started
    }

    /// Reports when at least `interval` has passed since the last report.
    mutating func tick(_ phase: DemoProgress.Phase, published: Int, total: Int, processed: Int) {
        let now = ContinuousClock.now
        guard now - lastReport >= interval else { return }

        let seconds = ChangelogRestorer.seconds(now - lastReport)
        let rate = Double(processed - lastProcessed) / seconds
        lastReport = now
        lastProcessed = processed
        handler(DemoProgress(phase: phase, published: published, total: total, processed: processed,
                             eventsPerSecond: rate, elapsedSeconds: ChangelogRestorer.seconds(now - started)))
    }
}

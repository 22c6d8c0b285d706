import Qualification

/// The event-time window of a replay: `from` and `to` bound the events'
/// `occurred_at`, both inclusive.
///
/// Events before `from` are folded as warm-up: they build the state that the
/// window starts from, and their outputs are not published. Events after
/// `to` are read and counted, but not folded.
public struct ReplayWindow: Sendable, Equatable {
    public var from: EventTime?
    public var to: EventTime?

    /// Where an event falls relative to the window.
    public enum Placement: Sendable, Equatable {
        case warmUp
        case inside
        case after
    }

    public init(from: EventTime? = nil, to: EventTime? = nil) {
        self.from = from
        self.to = to
    }

    /// The whole history: no warm-up and nothing after.
    public static let unbounded = ReplayWindow()

    public func placement(of time: EventTime) -> Placement {
        if let to, time > to { return .after }
        if let from, time < from { return .warmUp }
        return .inside
    }

    /// Checks that `from` is not after `to`.
    ///
    /// - Throws: ``ReplayError`` naming both times.
    public func validate() throws(ReplayError) {
        if let from, let to, from > to {
            throw ReplayError("the window is empty: --from \(from.rfc3339) is after --to \(to.rfc3339); swap them or widen the window")
        }
    }
}

/// A replay, compare, report or reset that cannot run, with what to do about it.
public struct ReplayError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

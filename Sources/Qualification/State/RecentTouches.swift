/// The newest prospect touches, for the context of a sales task.
///
/// Keeps the `capacity` touches with the greatest `occurredAt` (ties by type,
/// then detail), newest first, so the set does not depend on arrival order.
public struct RecentTouches: Sendable, Equatable {
    public static let capacity = 5
    /// Longer details are cut to this many characters.
    public static let detailLimit = 100

    public struct Touch: Sendable, Equatable {
        public var type: EventType
        public var occurredAt: EventTime
        /// What was touched: a URL, form, asset, campaign, meeting or ticket id, or a score.
        public var detail: String

        public init(type: EventType, occurredAt: EventTime, detail: String) {
            self.type = type
            self.occurredAt = occurredAt
            self.detail = detail
        }

        func precedes(_ other: Touch) -> Bool {
            if occurredAt != other.occurredAt { return occurredAt > other.occurredAt }
            if type != other.type { return type.rawValue > other.type.rawValue }
            return other.detail.utf8.lexicographicallyPrecedes(detail.utf8)
        }
    }

    /// Newest first.
    public private(set) var touches: [Touch] = []

    public init() {}

    init(touches: [Touch]) {
        self.touches = touches
    }

    public mutating func record(_ type: EventType, at time: EventTime, detail: String) {
        // A string of at most `detailLimit` UTF-8 bytes has at most that many scalars, so most details skip the count.
        let detail = detail.utf8.count > RecentTouches.detailLimit && detail.unicodeScalars.count > RecentTouches.detailLimit
            ? String(String.UnicodeScalarView(detail.unicodeScalars.prefix(RecentTouches.detailLimit)))
            : detail
        let touch = Touch(type: type, occurredAt: time, detail: detail)
        if touches.count == RecentTouches.capacity, let last = touches.last, !touch.precedes(last) {
            return
        }
        let index = touches.firstIndex { touch.precedes($0) } ?? touches.count
        touches.insert(touch, at: index)
        if touches.count > RecentTouches.capacity {
            touches.removeLast()
        }
    }
}

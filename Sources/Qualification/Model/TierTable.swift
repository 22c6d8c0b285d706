/// A banded point table: the first tier whose bound the value meets gives its
/// points, and the last tier, which has no bound, takes every other value.
///
/// Each table has a fixed list of tiers, one factor code each (for example
/// `service.csat.excellent` down to `service.csat.poor`), and a fixed
/// comparison, both as in the reference model; a model file sets the bounds
/// and points. Bounds run from the best tier down: decreasing for
/// `moreThan` and `atLeast`, increasing for `atMost`.
public struct TierTable: Sendable, Equatable {
    /// How a value is compared with a tier's bound.
    public enum Comparison: Sendable, Equatable {
        /// value > bound
        case moreThan
        /// value ≥ bound
        case atLeast
        /// value ≤ bound
        case atMost
    }

    public struct Tier: Sendable, Equatable {
        public var code: FactorCode
        /// Nil for the last tier only.
        public var bound: Double?
        public var points: Double

        public init(_ code: FactorCode, bound: Double?, points: Double) {
            self.code = code
            self.bound = bound
            self.points = points
        }
    }

    public var comparison: Comparison
    public var tiers: [Tier]

    public init(_ comparison: Comparison, _ tiers: [Tier]) {
        self.comparison = comparison
        self.tiers = tiers
    }

    /// Returns the tier that `value` falls in.
    @inline(__always)
    func tier(for value: Double) -> Tier {
        for tier in tiers {
            guard let bound = tier.bound else { return tier }
            let meets: Bool
            switch comparison {
            case .moreThan: meets = value > bound
            case .atLeast: meets = value >= bound
            case .atMost: meets = value <= bound
            }
            if meets { return tier }
        }
        // Validation guarantees an unbounded last tier, so this is not reached.
        return tiers[tiers.count - 1]
    }
}

/// A cumulative histogram with fixed upper bounds, as Prometheus keeps one.
public struct Histogram: Sendable, Equatable {
    /// The upper bounds of the buckets, ascending; a last bucket without bound (`+Inf`) follows them.
    public let bounds: [Double]
    /// Observations per bucket, not cumulative: `counts[i]` counts values in
    /// `(bounds[i-1], bounds[i]]`, and the last entry counts values above every bound.
    public private(set) var counts: [UInt64]
    public private(set) var sum: Double = 0
    public private(set) var count: UInt64 = 0

    public init(bounds: [Double]) {
        self.bounds = bounds.sorted()
        counts = Array(repeating: 0, count: bounds.count + 1)
    }

    public mutating func observe(_ value: Double) {
        var index = bounds.count
        for (position, bound) in bounds.enumerated() where value <= bound {
            index = position
            break
        }
        counts[index] += 1
        sum += value
        count += 1
    }

    /// Cumulative counts per bound, the form Prometheus exposes (`le` buckets), ending with `+Inf`.
    public var cumulativeCounts: [(upperBound: Double, count: UInt64)] {
        var running: UInt64 = 0
        var result: [(upperBound: Double, count: UInt64)] = []
        for (index, count) in counts.enumerated() {
            running += count
            result.append((index < bounds.count ? bounds[index] : .infinity, running))
        }
        return result
    }

    /// Seconds from 1 ms to 5 min, for latencies.
    public static let latencySeconds: [Double] = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300]
    /// Records per batch.
    public static let batchSizes: [Double] = [1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000]
}

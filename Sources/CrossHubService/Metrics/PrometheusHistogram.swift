/// Counts of observations in buckets with fixed upper bounds, plus their sum:
/// the value of one histogram series.
///
/// A value type without a lock: a collector keeps it behind its own lock and
/// hands copies to the `/metrics` handler.
public struct PrometheusHistogram: Sendable, Equatable {
    /// Finite, strictly increasing upper bounds (`le`); the `+Inf` bucket is implied.
    public let upperBounds: [Double]
    /// Observations per bucket, not cumulative: `bucketCounts[i]` counts values
    /// in `(upperBounds[i-1], upperBounds[i]]`, and the last element counts
    /// values above the highest bound.
    public private(set) var bucketCounts: [UInt64]
    /// The sum of every observed value.
    public private(set) var sum: Double

    /// Makes an empty histogram.
    ///
    /// - Throws: `PrometheusMetricError.invalidBuckets` when a bound is not
    ///   finite or the bounds are not strictly increasing.
    public init(upperBounds: [Double]) throws(PrometheusMetricError) {
        try self.init(upperBounds: upperBounds, bucketCounts: Array(repeating: 0, count: upperBounds.count + 1), sum: 0)
    }

    /// Makes a histogram from counts that a collector kept itself.
    ///
    /// - Parameter bucketCounts: per-bucket (not cumulative) counts, one per
    ///   bound plus one for values above the highest bound.
    /// - Throws: `PrometheusMetricError.invalidBuckets` for invalid bounds or
    ///   a count array of the wrong length.
    public init(upperBounds: [Double], bucketCounts: [UInt64], sum: Double) throws(PrometheusMetricError) {
        guard upperBounds.allSatisfy(\.isFinite) else {
            throw .invalidBuckets("bounds \(upperBounds) include a value that is not finite; +Inf is implied")
        }
        guard zip(upperBounds, upperBounds.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw .invalidBuckets("bounds \(upperBounds) are not strictly increasing")
        }
        guard bucketCounts.count == upperBounds.count + 1 else {
            throw .invalidBuckets("\(bucketCounts.count) counts for \(upperBounds.count) bounds; give one count per bound plus one above the highest")
        }
        self.upperBounds = upperBounds
        self.bucketCounts = bucketCounts
        self.sum = sum
    }

    /// The number of observations.
    public var count: UInt64 {
        bucketCounts.reduce(0, &+)
    }

    /// Counts per bound as the text format writes them: observations less
    /// than or equal to each bound, ending with the total for `+Inf`.
    public var cumulativeCounts: [UInt64] {
        var running: UInt64 = 0
        return bucketCounts.map { count in
            running &+= count
            return running
        }
    }

    /// Counts `value` in the first bucket whose bound is at least `value`.
    /// NaN is dropped, because it would turn the sum into NaN for good.
    public mutating func observe(_ value: Double) {
        guard !value.isNaN else { return }
        var low = 0
        var high = upperBounds.count
        while low < high {
            let middle = (low + high) / 2
            if upperBounds[middle] < value {
                low = middle + 1
            } else {
                high = middle
            }
        }
        bucketCounts[low] &+= 1
        sum += value
    }

    /// Adds the counts and sum of `other`, which must have the same bounds.
    ///
    /// - Throws: `PrometheusMetricError.invalidBuckets` when the bounds differ.
    public mutating func merge(_ other: PrometheusHistogram) throws(PrometheusMetricError) {
        guard other.upperBounds == upperBounds else {
            throw .invalidBuckets("cannot merge bounds \(other.upperBounds) into \(upperBounds)")
        }
        for index in bucketCounts.indices {
            bucketCounts[index] &+= other.bucketCounts[index]
        }
        sum += other.sum
    }
}

extension PrometheusHistogram {
    /// Bounds for processing latency, from 1 ms to 10 s.
    public static let latencySecondsBounds: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
    /// Bounds for events per batch, from 1 to 10,000.
    public static let batchEventsBounds: [Double] = [1, 10, 50, 100, 250, 500, 1000, 2500, 5000, 10_000]
    /// Bounds for restoring one partition's state, from 100 ms to 10 min.
    public static let restoreSecondsBounds: [Double] = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600]
    /// Bounds for the age of an input record at commit, from 10 ms to 1 day,
    /// wide because a backlog or a replay commits records written long ago.
    public static let eventAgeSecondsBounds: [Double] = [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 3600, 21_600, 86_400]

    /// An empty histogram over `bounds`, which must be one of the constant bound
    /// lists above or satisfy the same rules (finite, strictly increasing).
    static func empty(_ bounds: [Double]) -> PrometheusHistogram {
        PrometheusHistogram(checkedBounds: bounds)
    }

    private init(checkedBounds bounds: [Double]) {
        upperBounds = bounds
        bucketCounts = Array(repeating: 0, count: bounds.count + 1)
        sum = 0
    }
}

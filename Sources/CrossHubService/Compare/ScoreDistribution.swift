/// The distribution of the unified scores of one model over the contacts.
///
/// Buckets are ten points wide from 0 to 99, then `100+`; scores below 0
/// (possible with a custom model) fall in `<0`. Percentiles use the nearest
/// rank: p50 is the smallest score that at least half of the contacts reach or stay under.
public struct ScoreDistribution: Sendable, Equatable {
    public struct Bucket: Sendable, Equatable {
        /// The bucket's label, such as `40-49`, `100+` or `<0`.
        public var label: String
        public var count: Int
    }

    public private(set) var buckets: [Bucket]
    public private(set) var count = 0
    public private(set) var mean = 0.0
    public private(set) var p50 = 0
    public private(set) var p90 = 0

    public init(scores: [Int]) {
        var counts = [Int](repeating: 0, count: 12)
        for score in scores {
            counts[Self.bucketIndex(score)] += 1
        }
        var labels = ["<0"]
        labels += (0..<10).map { "\($0 * 10)-\($0 * 10 + 9)" }
        labels.append("100+")
        buckets = zip(labels, counts).map { Bucket(label: $0, count: $1) }
        if counts[0] == 0 { buckets.removeFirst() }

        guard !scores.isEmpty else { return }
        let sorted = scores.sorted()
        count = sorted.count
        mean = Double(sorted.reduce(0, +)) / Double(sorted.count)
        p50 = Self.percentile(sorted, 0.5)
        p90 = Self.percentile(sorted, 0.9)
    }

    private static func bucketIndex(_ score: Int) -> Int {
        if score < 0 { return 0 }
        return min(score / 10, 10) + 1
    }

    /// Returns the nearest-rank percentile of sorted scores: the value at rank ceil(p * n).
    static func percentile(_ sorted: [Int], _ fraction: Double) -> Int {
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[max(0, min(sorted.count - 1, rank - 1))]
    }
}

/// A seeded xoshiro256** generator with the sampling helpers the journey
/// generator uses.
///
/// Every helper uses only integer operations and IEEE 754 addition,
/// multiplication and division, which round the same way on every platform.
/// None calls the standard library's `random(in:using:)` or libm's
/// transcendental functions, whose algorithms or last-bit rounding may differ
/// between Swift releases and C libraries. So a seed produces the same
/// sequence everywhere.
struct RandomSource {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// Creates a generator whose state is expanded from `seed` with SplitMix64,
    /// as the xoshiro authors recommend, so that nearby seeds give unrelated streams.
    init(seed: UInt64) {
        var mixer = SplitMix64(state: seed)
        state = (mixer.next(), mixer.next(), mixer.next(), mixer.next())
    }

    /// Creates the independent stream number `stream` of `seed`, for example
    /// one per contact, so that a contact's journey does not depend on how
    /// many draws other contacts made.
    init(seed: UInt64, stream: UInt64) {
        // Seeds that differ by a multiple of SplitMix64's increment would give
        // overlapping states, so the stream number is scrambled first.
        let scrambled = SplitMix64.finalize(SplitMix64.finalize(seed) ^ (stream &* 0xD1B5_4A32_D192_ED03))
        self.init(seed: scrambled)
    }

    /// Returns the next 64 random bits (xoshiro256** 1.0).
    mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, by: 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = rotateLeft(state.3, by: 45)
        return result
    }

    /// Returns a uniform number in [0, 1) with 53 random bits.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Returns a uniform integer in `0..<bound` (Lemire's multiply-shift
    /// with rejection, so there is no modulo bias). `bound` must be positive.
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let limit = UInt64(bound)
        var product = next().multipliedFullWidth(by: limit)
        if product.low < limit {
            let threshold = (0 &- limit) % limit
            while product.low < threshold {
                product = next().multipliedFullWidth(by: limit)
            }
        }
        return Int(product.high)
    }

    /// Returns a uniform integer in `range`.
    mutating func integer(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// Returns a uniform number in `lower..<upper`.
    mutating func uniform(_ lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * unit()
    }

    /// Returns true with probability `probability`; values below 0 act as 0
    /// and values above 1 as 1.
    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// Returns a uniformly chosen element of a non-empty array.
    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[below(elements.count)]
    }

    /// Returns an index drawn with the given non-negative weights, which must
    /// not all be zero.
    mutating func weightedIndex(_ weights: [Double]) -> Int {
        var total = 0.0
        for weight in weights { total += weight }
        var target = unit() * total
        for (index, weight) in weights.enumerated() {
            if target < weight { return index }
            target -= weight
        }
        return weights.count - 1
    }

    /// Returns a count with a roughly bell-shaped distribution around `mean`:
    /// the sum of `mean * 2` fair coin flips for small means, a triangular
    /// spread of ±`mean` above 16. Never negative.
    mutating func count(mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        if mean <= 16 {
            let flips = Int(mean * 2 + 0.5)
            var total = 0
            for _ in 0..<flips where next() & 1 == 1 { total += 1 }
            return total
        }
        let spread = (unit() + unit() - 1) * mean
        return max(0, Int(mean + spread + 0.5))
    }

    /// Shuffles `elements` in place with Fisher-Yates.
    mutating func shuffle<Element>(_ elements: inout [Element]) {
        guard elements.count > 1 else { return }
        for index in stride(from: elements.count - 1, to: 0, by: -1) {
            let other = below(index + 1)
            if other != index { elements.swapAt(index, other) }
        }
    }

    private func rotateLeft(_ value: UInt64, by amount: UInt64) -> UInt64 {
        (value << amount) | (value >> (64 - amount))
    }
}

/// SplitMix64, which expands a 64-bit seed into xoshiro256** state.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.finalize(state)
    }

    /// SplitMix64's output function: a bijective 64-bit mix.
    static func finalize(_ value: UInt64) -> UInt64 {
        var mixed = value
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

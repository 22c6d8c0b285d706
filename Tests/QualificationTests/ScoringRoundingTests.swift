import Testing
@testable import Qualification

@Suite struct ScoringRoundingTests {
    /// JavaScript's `Math.round`: the nearest integer, ties toward positive infinity.
    @Test(arguments: [
        (0.5, 1.0), (1.5, 2.0), (2.5, 3.0), (79.5, 80.0), (79.49999999999999, 79.0),
        (-0.5, 0.0), (-1.5, -1.0), (-2.5, -2.0), (-2.5000000000000004, -3.0),
        (0.49999999999999994, 0.0), (4503599627370495.5, 4503599627370496.0),
        (1e300, 1e300), (-7.0, -7.0), (0.0, 0.0),
    ])
    func roundHalfUpMatchesMathRound(value: Double, expected: Double) {
        #expect(Scorer.roundHalfUp(value) == expected)
    }

    /// Plain `floor(x + 0.5)` gives 1 here; `Math.round` gives 0.
    @Test func largestDoubleBelowHalfRoundsDown() {
        let value = 0.49999999999999994
        #expect((value + 0.5).rounded(.down) == 1)
        #expect(Scorer.roundHalfUp(value) == 0)
    }

    @Test(arguments: [
        // Marketing alone: 0.25 × marketing.
        (ComponentScores(marketing: 2, sales: 0, service: 0, demographic: 0, behavioral: 0), 1),
        (ComponentScores(marketing: 1.98, sales: 0, service: 0, demographic: 0, behavioral: 0), 0),
        (ComponentScores(marketing: -2, sales: 0, service: 0, demographic: 0, behavioral: 0), 0),
        (ComponentScores(marketing: -6, sales: 0, service: 0, demographic: 0, behavioral: 0), -1),
        (ComponentScores(marketing: -2.04, sales: 0, service: 0, demographic: 0, behavioral: 0), -1),
        (ComponentScores(marketing: 318, sales: 0, service: 0, demographic: 0, behavioral: 0), 80),
        (ComponentScores(marketing: 29.5, sales: 40, service: 50, demographic: 100, behavioral: 50), 50),
    ])
    func unifiedScoreRoundsHalfUp(components: ComponentScores, expected: Int) {
        #expect(Scorer.default.unifiedScore(components) == expected)
    }

    /// The weighted sum is 127/2 in exact arithmetic, but the double sum in
    /// the model's order is 63.49999999999999, so the score is 63, as in JavaScript.
    @Test func doubleSumDecidesTie() {
        let components = ComponentScores(marketing: 95, sales: 31, service: 81, demographic: 83, behavioral: 37)
        let sum = 95 * 0.25 + 31 * 0.25 + 81 * 0.15 + 83 * 0.15 + 37 * 0.2
        #expect(sum == 63.49999999999999)
        #expect(Scorer.default.unifiedScore(components) == 63)
    }

    /// 58.50000000000001 in doubles: the score is 59 either way, but by more than a tie.
    @Test func doubleSumAboveTie() {
        let components = ComponentScores(marketing: 1, sales: 95, service: 68, demographic: 98, behavioral: 48)
        #expect(Scorer.default.unifiedScore(components) == 59)
    }

    @Test func extremeScoresSaturate() {
        #expect(Scorer.saturatingInt(1e300) == Int.max)
        #expect(Scorer.saturatingInt(-1e300) == Int.min)
        #expect(Scorer.saturatingInt(-42) == -42)
    }
}

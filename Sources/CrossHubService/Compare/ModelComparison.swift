import Qualification

/// Two models applied to the same contacts: how statuses move, the score
/// distribution of each, and the contacts that move most.
///
/// Statuses are the models' own: human overrides are left out, because
/// they would hide what the model change does.
public struct ModelComparison: Sendable {
    /// One contact scored by both models.
    public struct Contact: Sendable, Equatable {
        public var contactID: String
        public var scoreA: Int
        public var scoreB: Int
        public var statusA: QualificationStatus
        public var statusB: QualificationStatus

        /// Status rank of B minus status rank of A: positive when B qualifies the contact higher.
        public var rankChange: Int { statusB.rank - statusA.rank }
        public var scoreChange: Int { scoreB - scoreA }
    }

    public let modelA: String
    public let modelB: String
    public let contacts: Int
    /// Contacts by status under A (row) and under B (column), in `QualificationStatus.allCases` order.
    public let transitions: [[Int]]
    /// Contacts whose status rank is higher under B.
    public let up: Int
    public let down: Int
    public let same: Int
    public let distributionA: ScoreDistribution
    public let distributionB: ScoreDistribution
    /// Contacts whose status differs, largest rank change first, then largest
    /// score change, then contact id; at most the `top` asked for.
    public let movers: [Contact]
    /// How many contacts changed status in all, beyond those listed in `movers`.
    public let changedStatus: Int

    /// Scores every contact's final features with both models.
    ///
    /// - Parameter top: how many of the contacts that change status to list.
    public init(fold: ReplayFold, a: Scorer, b: Scorer, top: Int) {
        let statuses = QualificationStatus.allCases
        var transitions = [[Int]](repeating: [Int](repeating: 0, count: statuses.count), count: statuses.count)
        var scoresA: [Int] = []
        var scoresB: [Int] = []
        var changed: [Contact] = []
        var up = 0, down = 0, same = 0

        for contactID in fold.sortedContactIDs {
            let features = fold.contacts[contactID]!.state.features()
            let resultA = a.score(features)
            let resultB = b.score(features)
            let contact = Contact(contactID: contactID, scoreA: resultA.score, scoreB: resultB.score,
                                  statusA: resultA.status, statusB: resultB.status)
            transitions[contact.statusA.rank][contact.statusB.rank] += 1
            scoresA.append(contact.scoreA)
            scoresB.append(contact.scoreB)
            if contact.rankChange > 0 {
                up += 1
            } else if contact.rankChange < 0 {
                down += 1
            } else {
                same += 1
            }
            if contact.rankChange != 0 { changed.append(contact) }
        }

        changed.sort { lhs, rhs in
            if abs(lhs.rankChange) != abs(rhs.rankChange) { return abs(lhs.rankChange) > abs(rhs.rankChange) }
            if abs(lhs.scoreChange) != abs(rhs.scoreChange) { return abs(lhs.scoreChange) > abs(rhs.scoreChange) }
            return lhs.contactID.utf8.lexicographicallyPrecedes(rhs.contactID.utf8)
        }
        modelA = a.modelVersion
        modelB = b.modelVersion
        contacts = scoresA.count
        self.transitions = transitions
        self.up = up
        self.down = down
        self.same = same
        distributionA = ScoreDistribution(scores: scoresA)
        distributionB = ScoreDistribution(scores: scoresB)
        changedStatus = changed.count
        movers = Array(changed.prefix(top))
    }
}

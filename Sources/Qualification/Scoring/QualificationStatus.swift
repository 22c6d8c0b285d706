/// The qualification status that the unified score maps to, lowest first.
public enum QualificationStatus: String, Sendable, CaseIterable, Comparable {
    case subscriber = "SUBSCRIBER"
    case lead = "LEAD"
    case marketingQualifiedLead = "MARKETING_QUALIFIED_LEAD"
    case salesQualifiedLead = "SALES_QUALIFIED_LEAD"

    /// The rank from 0 (subscriber) to 3 (sales qualified lead).
    public var rank: Int {
        switch self {
        case .subscriber: 0
        case .lead: 1
        case .marketingQualifiedLead: 2
        case .salesQualifiedLead: 3
        }
    }

    public static func < (lhs: QualificationStatus, rhs: QualificationStatus) -> Bool {
        lhs.rank < rhs.rank
    }
}

/// The track a contact follows after scoring: sales follow-up or one of two nurture tracks.
public enum NurtureTrack: String, Sendable, CaseIterable {
    /// The score is at the SQL threshold or above: sales follows up.
    case salesHandoff = "SALES_HANDOFF"
    /// The score is from the high-potential threshold up to the SQL threshold.
    case highPotential = "HIGH_POTENTIAL"
    /// The score is below the high-potential threshold.
    case standard = "STANDARD"
}

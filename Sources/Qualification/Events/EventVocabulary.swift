/// The kind of a rep-logged sales activity (`sales.activity_logged`).
public enum SalesActivityKind: String, Sendable, CaseIterable {
    case call, email, meeting, note, task
}

/// A HubSpot default-pipeline deal stage, accepted as its label (`Contract Sent`)
/// or its internal id (`contractsent`).
///
/// Cases are declared from the earliest open stage to Closed Won, so the
/// declaration order is the pipeline's progress; Closed Lost comes last and is
/// not "more advanced" than any open stage (see `advancement`).
public enum PipelineStage: String, Sendable, CaseIterable, Comparable {
    case appointmentScheduled = "appointmentscheduled"
    case qualifiedToBuy = "qualifiedtobuy"
    case presentationScheduled = "presentationscheduled"
    case decisionMakerBoughtIn = "decisionmakerboughtin"
    case contractSent = "contractsent"
    case closedWon = "closedwon"
    case closedLost = "closedlost"

    /// The label HubSpot shows for the stage.
    public var label: String {
        switch self {
        case .appointmentScheduled: "Appointment Scheduled"
        case .qualifiedToBuy: "Qualified to Buy"
        case .presentationScheduled: "Presentation Scheduled"
        case .decisionMakerBoughtIn: "Decision Maker Bought-In"
        case .contractSent: "Contract Sent"
        case .closedWon: "Closed Won"
        case .closedLost: "Closed Lost"
        }
    }

    /// Parses a stage from its label or its internal id, matching exactly.
    public init?(labelOrID text: String) {
        if let stage = PipelineStage(rawValue: text) {
            self = stage
        } else if let stage = PipelineStage.allCases.first(where: { $0.label == text }) {
            self = stage
        } else {
            return nil
        }
    }

    /// True for Closed Won and Closed Lost.
    public var isClosed: Bool { self == .closedWon || self == .closedLost }

    /// Progress through the pipeline: 1 for Appointment Scheduled up to 6 for
    /// Closed Won, and 0 for Closed Lost.
    public var advancement: Int {
        self == .closedLost ? 0 : PipelineStage.allCases.firstIndex(of: self)! + 1
    }

    public static func < (lhs: PipelineStage, rhs: PipelineStage) -> Bool {
        lhs.advancement < rhs.advancement
    }
}

/// Vocabulary shared by the decoder and the schemas.
public enum EventVocabulary {
    /// The company-size bands a profile's `company_size` accepts.
    public static let companySizeBands = [
        "Startup (1-10 employees)",
        "Small Business (11-100 employees)",
        "Mid-Market (101-999 employees)",
        "Enterprise (1000+ employees)",
    ]

    /// The qualification statuses an override may pin, in JSON.
    public static let qualificationStatuses = QualificationStatus.allCases.map(\.rawValue)
}

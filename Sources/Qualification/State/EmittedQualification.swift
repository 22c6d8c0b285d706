/// The last qualification published for a contact, stored so that the next
/// result can be compared with it (transitions, cooldowns, forward-only stages).
///
/// The service fills it; the fold never changes it. Status, nurture track and
/// lifecycle stage are kept as the strings the service publishes.
public struct EmittedQualification: Sendable, Equatable {
    public struct Components: Sendable, Equatable {
        public var marketing: Double
        public var sales: Double
        public var service: Double
        public var demographic: Double
        public var behavioral: Double

        public init(marketing: Double, sales: Double, service: Double, demographic: Double, behavioral: Double) {
            self.marketing = marketing
            self.sales = sales
            self.service = service
            self.demographic = demographic
            self.behavioral = behavioral
        }
    }

    /// The unified score, 0 to 100.
    public var score: Int
    /// A status such as `MARKETING_QUALIFIED_LEAD`.
    public var status: String
    public var nurtureTrack: String
    public var components: Components
    /// The CRM lifecycle stage; it only moves forward.
    public var lifecycleStage: String
    /// When the contact last entered SQL, for the sales-task cooldown.
    public var sqlEnteredAt: EventTime?
    /// The scoring model's `name@version`.
    public var modelVersion: String
    /// The input event that caused the last output.
    public var causingEventID: String

    public init(score: Int, status: String, nurtureTrack: String, components: Components,
                lifecycleStage: String, sqlEnteredAt: EventTime?, modelVersion: String, causingEventID: String) {
        self.score = score
        self.status = status
        self.nurtureTrack = nurtureTrack
        self.components = components
        self.lifecycleStage = lifecycleStage
        self.sqlEnteredAt = sqlEnteredAt
        self.modelVersion = modelVersion
        self.causingEventID = causingEventID
    }
}

/// The last qualification published for a contact, stored so that the next
/// result can be compared with it (transitions, cooldowns, forward-only stages)
/// and so that output ids continue where they stopped.
///
/// The service stores `Decision.emitted` here; the fold never changes it.
/// Status, nurture track and lifecycle stage are kept as the strings the
/// service publishes, so a value that a later release no longer knows still
/// decodes and simply compares as changed.
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

    /// How many outputs of each numbered kind were published for the contact.
    /// Output ids are derived from these numbers, so they must only grow.
    public struct Counts: Sendable, Equatable {
        /// Qualification records.
        public var qualifications: Int
        /// Property updates.
        public var propertyUpdates: Int
        /// Changes of the effective status, the first publication included; one note each.
        public var statusChanges: Int
        /// Changes of the effective nurture track, the first publication included.
        public var trackChanges: Int
        /// SQL entries that created a sales task and its notifications.
        public var sqlEntries: Int

        public init(qualifications: Int = 0, propertyUpdates: Int = 0, statusChanges: Int = 0,
                    trackChanges: Int = 0, sqlEntries: Int = 0) {
            self.qualifications = qualifications
            self.propertyUpdates = propertyUpdates
            self.statusChanges = statusChanges
            self.trackChanges = trackChanges
            self.sqlEntries = sqlEntries
        }
    }

    /// The unified score, 0 to 100.
    public var score: Int
    /// The effective status (the override's when one was in force), such as `MARKETING_QUALIFIED_LEAD`.
    public var status: String
    /// The effective nurture track, such as `HIGH_POTENTIAL`.
    public var nurtureTrack: String
    public var components: Components
    /// The CRM lifecycle stage (`lifecyclestage`); it only moves forward.
    public var lifecycleStage: String
    /// When the contact last entered SQL with a sales task created, for the
    /// re-entry cooldown. An entry inside the cooldown does not move it.
    public var sqlEnteredAt: EventTime?
    /// The scoring model's `name@version`.
    public var modelVersion: String
    /// The input event that caused the last output.
    public var causingEventID: String
    /// The id of the override event in force at the last publication; nil when none was.
    public var overrideEventID: String?
    /// A fingerprint of the published `crosshub_qualification_factors` value,
    /// so that a change can be detected without storing the text; 0 when unknown.
    public var factorsFingerprint: UInt64
    /// The as-of time of the last property update; its UTC date is the
    /// published `crosshub_qualification_date`.
    public var qualifiedAt: EventTime?
    public var counts: Counts

    public init(score: Int, status: String, nurtureTrack: String, components: Components,
                lifecycleStage: String, sqlEnteredAt: EventTime?, modelVersion: String, causingEventID: String,
                overrideEventID: String? = nil, factorsFingerprint: UInt64 = 0, qualifiedAt: EventTime? = nil,
                counts: Counts = Counts()) {
        self.score = score
        self.status = status
        self.nurtureTrack = nurtureTrack
        self.components = components
        self.lifecycleStage = lifecycleStage
        self.sqlEnteredAt = sqlEnteredAt
        self.modelVersion = modelVersion
        self.causingEventID = causingEventID
        self.overrideEventID = overrideEventID
        self.factorsFingerprint = factorsFingerprint
        self.qualifiedAt = qualifiedAt
        self.counts = counts
    }
}

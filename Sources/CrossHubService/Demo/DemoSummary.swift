import Qualification

/// The outcome of a `crosshub demo` run: the records published, what the
/// service made of them, and how long it took.
///
/// Input and output counts come from the service's metrics, which count
/// committed batches only. Contact counts come from the committed contact
/// states. The JSON form (`crosshub demo --json`) uses the snake_case keys
/// of ``CodingKeys``.
public struct DemoSummary: Sendable, Equatable, Codable {
    /// A count under a name, kept in a list so that the order is fixed.
    public struct NamedCount: Sendable, Equatable, Codable {
        public var name: String
        public var count: Int

        public init(name: String, count: Int) {
            self.name = name
            self.count = count
        }
    }

    /// One factor behind a sales qualified lead's score.
    public struct Factor: Sendable, Equatable, Codable {
        /// `marketing`, `sales`, `service`, `demographic` or `behavioral`.
        public var component: String
        /// Points within the component, before its weight. Negative for a deduction.
        public var points: Double
        /// A sentence for people, such as `Deal stage Contract Sent`.
        public var detail: String
    }

    /// A sales qualified lead with its score and top factors.
    public struct Lead: Sendable, Equatable, Codable {
        public var contactID: String
        public var score: Int
        public var jobTitle: String?
        public var company: String?
        public var industry: String?
        public var factors: [Factor]

        enum CodingKeys: String, CodingKey {
            case contactID = "contact_id"
            case score
            case jobTitle = "job_title"
            case company
            case industry
            case factors
        }
    }

    public var contacts: Int
    public var days: Int
    public var seed: UInt64
    /// `exactly-once` or `at-least-once`.
    public var guarantee: String
    public var partitions: Int

    /// Records published to the input topics and acknowledged by the broker.
    public var published: Int
    /// Duplicate journey events the generator injected.
    public var injectedDuplicates: Int
    /// Invalid lines the generator injected.
    public var injectedInvalid: Int

    /// Input records the service folded into contact state.
    public var folded: Int
    /// Input records the service skipped because their event was already folded.
    public var duplicates: Int
    public var deadLettered: Int
    /// Dead letters by error code, such as `invalid_json`, most frequent first.
    public var deadLettersByReason: [NamedCount]

    /// Contacts by their last published status, highest status first.
    /// Every status is listed, also with a count of 0.
    public var contactsByStatus: [NamedCount]
    /// Generated contacts without a committed status. A contact has none
    /// when every record of theirs was dead-lettered.
    public var contactsWithoutStatus: Int

    /// Output records by kind (`qualification`, `property-update`, `task`,
    /// `note`, `notification`, `enrollment`), in that order.
    public var outputs: [NamedCount]
    public var changelogRecords: Int
    /// Committed batches: transactions in exactly-once mode, offset commits in at-least-once mode.
    public var batchesCommitted: Int
    /// Batches undone and read again after an aborted transaction or a failed delivery.
    public var batchesRetried: Int

    /// Seconds from the first published record until the service had committed the last one.
    public var seconds: Double
    /// `published` divided by `seconds`.
    public var eventsPerSecond: Double

    /// The sales qualified leads with the highest scores, ties by contact id.
    public var topSQLs: [Lead]

    enum CodingKeys: String, CodingKey {
        case contacts, days, seed, guarantee, partitions, published
        case injectedDuplicates = "injected_duplicates"
        case injectedInvalid = "injected_invalid"
        case folded, duplicates
        case deadLettered = "dead_lettered"
        case deadLettersByReason = "dead_letters_by_reason"
        case contactsByStatus = "contacts_by_status"
        case contactsWithoutStatus = "contacts_without_status"
        case outputs
        case changelogRecords = "changelog_records"
        case batchesCommitted = "batches_committed"
        case batchesRetried = "batches_retried"
        case seconds
        case eventsPerSecond = "events_per_second"
        case topSQLs = "top_sqls"
    }

    /// Returns the count of `name` in `list`, or 0 when it is not listed.
    public static func count(of name: String, in list: [NamedCount]) -> Int {
        list.first { $0.name == name }?.count ?? 0
    }

    /// Output records of `kind`.
    public func outputs(_ kind: OutputKind) -> Int {
        Self.count(of: kind.rawValue, in: outputs)
    }
}

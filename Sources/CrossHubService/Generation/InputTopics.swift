/// The three input topics and the rule that routes an event type to one of them.
///
/// `marketing.*` and `contact.profile_updated` go to the marketing topic,
/// `sales.*` and `qualification.*` to the sales topic, and `service.*` to the
/// service topic. Producers key every record by `contact_id`, so a contact's
/// events land in the same partition number of each topic.
public struct InputTopics: Sendable, Equatable {
    public var marketing: String
    public var sales: String
    public var service: String

    /// The default names: `marketing.events`, `sales.events`, `service.events`.
    public static let defaults = InputTopics(
        marketing: "marketing.events", sales: "sales.events", service: "service.events")

    public init(marketing: String, sales: String, service: String) {
        self.marketing = marketing
        self.sales = sales
        self.service = service
    }

    /// The topic names in the order marketing, sales, service.
    public var all: [String] { [marketing, sales, service] }

    /// Returns the topic for an event type such as `sales.meeting_booked`, or
    /// nil when the type belongs to no known family (for example
    /// `contact.deleted` or `crm.sync`).
    public func topic(forEventType type: String) -> String? {
        guard let family = InputTopicFamily(eventType: type) else { return nil }
        return topic(for: family)
    }

    /// Returns the topic name of `family`.
    public func topic(for family: InputTopicFamily) -> String {
        switch family {
        case .marketing: marketing
        case .sales: sales
        case .service: service
        }
    }
}

/// The team whose topic carries an event type.
public enum InputTopicFamily: Int, Sendable, CaseIterable {
    case marketing
    case sales
    case service

    /// Classifies an event type by its prefix; nil for an unknown family.
    public init?(eventType type: String) {
        if type.hasPrefix("marketing.") || type == "contact.profile_updated" {
            self = .marketing
        } else if type.hasPrefix("sales.") || type.hasPrefix("qualification.") {
            self = .sales
        } else if type.hasPrefix("service.") {
            self = .service
        } else {
            return nil
        }
    }
}

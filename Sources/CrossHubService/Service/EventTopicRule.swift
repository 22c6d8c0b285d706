import Qualification

/// The rule that each event type arrives on its team's input topic:
/// `marketing.*` and `contact.profile_updated` on the marketing topic,
/// `sales.*` and `qualification.*` on the sales topic, `service.*` on the
/// service topic, as ``InputTopics/topic(forEventType:)`` routes them.
///
/// An event on another team's topic means a producer or a topic setting is
/// wrong. Folding it would hide that, and the per-topic event counts would
/// no longer show which team sent what.
public struct EventTopicRule: Sendable {
    /// The dead-letter and invalid-event code.
    public static let code = "type_topic_mismatch"

    private let topicByType: [EventType: String]

    public init(topics: InputTopics) {
        var topicByType: [EventType: String] = [:]
        for type in EventType.allCases {
            topicByType[type] = topics.topic(forEventType: type.rawValue)
        }
        self.topicByType = topicByType
    }

    /// Returns the message of a violation when an event of `type` does not
    /// belong on `topic`, or nil when it does or its type has no topic.
    public func violation(type: EventType, topic: String) -> String? {
        guard let expected = topicByType[type], expected != topic else { return nil }
        return "event type \(type.rawValue) belongs on topic \(expected), not \(topic); "
            + "send each event type to its team's topic, or check the --marketing-topic, --sales-topic and --service-topic settings"
    }
}

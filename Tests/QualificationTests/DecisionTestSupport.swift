import Foundation
@testable import Qualification

/// One contact taken through a sequence of decisions the way the service
/// does it: fold an event, score, decide, store `decision.emitted`.
///
/// Each step sets the result's score and status by hand, so that a test
/// controls the transition; the factors, actions and content come from
/// scoring a real journey.
struct DecisionRun {
    static let contactID = "c-ana"

    var state: ContactState
    let decider: QualificationDecider
    private(set) var decisions: [Decision] = []
    private var eventNumber = 0

    init(policy: DecisionPolicy = DecisionPolicy(), profile: ProfileUpdate = DecisionRun.anaProfile()) throws {
        decider = try QualificationDecider(policy: policy)
        state = ContactState(contactID: Self.contactID)
        fold(.profileUpdated(profile), at: "2026-03-02T08:00:00Z")
    }

    /// Ana Ruiz, VP Marketing at Acme, owned by u-17 (rep@example.com).
    static func anaProfile() -> ProfileUpdate {
        var profile = ProfileUpdate()
        profile.email = "ana@example.com"
        profile.firstName = "Ana"
        profile.lastName = "Ruiz"
        profile.company = "Acme"
        profile.jobTitle = "VP Marketing"
        profile.ownerID = "u-17"
        profile.ownerEmail = "rep@example.com"
        return profile
    }

    /// Folds an event with the next event id `d-N`.
    mutating func fold(_ payload: EventPayload, at time: String) {
        eventNumber += 1
        let event = makeEvent("d-\(eventNumber)", payload, at: time, contact: Self.contactID)
        state.fold(event, from: EventSource(topic: "sales.events", partition: 2, offset: Int64(eventNumber)))
    }

    /// Folds a page view at `time`, decides with a result of `score`, and stores `emitted`.
    ///
    /// The status and track follow the default thresholds (SQL 80, MQL 60,
    /// lead 40, high potential 50) unless given.
    @discardableResult
    mutating func step(_ score: Int, at time: String, components: ComponentScores = DecisionRun.components,
                       factorScale: Double = 1) -> Decision {
        fold(.pageViewed(url: "https://example.com/pricing", highValue: true), at: time)
        let decision = decider.decide(input(score: score, components: components, factorScale: factorScale))
        state.emitted = decision.emitted
        decisions.append(decision)
        return decision
    }

    /// The input the next decision is made from, without deciding.
    func input(score: Int, components: ComponentScores = DecisionRun.components, factorScale: Double = 1) -> DecisionInput {
        var result = Self.template
        result.contactID = Self.contactID
        result.asOf = state.newestEventAt?.rfc3339
        result.score = score
        result.status = Self.status(for: score)
        result.nurtureTrack = score >= 80 ? .salesHandoff : score >= 50 ? .highPotential : .standard
        result.components = components
        result.topFactors = result.topFactors.map { Factor($0.code, points: $0.points * factorScale, subject: $0.subject) }
        let eventID = "d-\(eventNumber)"
        let cause = DecisionCause(eventID: eventID, eventType: .pageViewed, occurredAt: state.newestEventAt!,
                                  source: EventSource(topic: "sales.events", partition: 2, offset: Int64(eventNumber)))
        return DecisionInput(state: state, result: result, cause: cause)
    }

    static func status(for score: Int) -> QualificationStatus {
        score >= 80 ? .salesQualifiedLead : score >= 60 ? .marketingQualifiedLead : score >= 40 ? .lead : .subscriber
    }

    static let components = ComponentScores(marketing: 62.5, sales: 40, service: 50, demographic: 70, behavioral: 55)

    /// A real result, for its factors, actions, content and personalization.
    static let template: QualificationResult = Scorer.default.score(Journeys.fold(Journeys.meetingProspect()).features())
}

extension Decision {
    /// The kinds of the outputs in order, with the enrollment action: `enrollment:leave`.
    var kinds: [String] {
        outputs.map { output in
            guard output.kind == .enrollment, let action = output.field("action") else { return output.kind.rawValue }
            return "enrollment:\(action)"
        }
    }

    func first(_ kind: OutputKind) -> OutputRecord? {
        outputs.first { $0.kind == kind }
    }
}

extension OutputRecord {
    /// The parsed JSON value.
    var json: JSONValue {
        (try? JSONValue.parse(value)) ?? .null
    }

    var text: String { String(decoding: value, as: UTF8.self) }

    /// A top-level string field, or nil.
    func field(_ name: String) -> String? {
        guard case .object(let members) = json, case .string(let value)? = members[name] else { return nil }
        return value
    }

    /// The top-level value of `name`, or nil when the record has no such key.
    func member(_ name: String) -> JSONValue? {
        guard case .object(let members) = json else { return nil }
        return members[name]
    }

    /// The property names of a property update, in the order `CRMProperties.names` lists them.
    var patchedProperties: [String] {
        guard case .object(let properties)? = member("properties") else { return [] }
        return CRMProperties.names.filter { properties[$0] != nil }
    }

    /// The value of one patched property, or nil.
    func property(_ name: String) -> String? {
        member("properties")?.get(name)?.stringValue
    }

    func header(_ name: String) -> String? {
        headers.first { $0.name == name }?.value
    }
}

extension JSONValue {
    /// The member `key` of an object, or nil.
    func get(_ key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    var stringValue: String? {
        guard case .string(let value) = self else { return nil }
        return value
    }

    var intValue: Int? {
        switch self {
        case .integer(let value): Int(value)
        case .number(let value): Int(exactly: value)
        default: nil
        }
    }
}

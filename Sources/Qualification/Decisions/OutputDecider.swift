/// The kind of an output record; each kind has its own output topic and schema.
public enum OutputKind: String, Sendable, CaseIterable {
    case qualification
    case propertyUpdate = "property-update"
    case task
    case note
    case notification
    case enrollment

    /// The value of the record's `schema` field and `crosshub.schema` header,
    /// such as `crosshub.qualification/v1`. The JSON Schema is
    /// `schemas/outputs/<raw value>.schema.json`.
    public var schemaName: String { "crosshub.\(rawValue)/v1" }

    /// True for the kinds that `DecisionPolicy.SideEffects.suppress` leaves out.
    public var isSideEffect: Bool {
        switch self {
        case .qualification, .propertyUpdate: false
        case .task, .note, .notification, .enrollment: true
        }
    }
}

/// One header of an output record, such as `crosshub.schema` or `crosshub.output_id`.
public struct OutputHeader: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// One record to publish: the service maps `kind` to a topic and sends
/// `value` keyed by `key` (the contact id) with `headers`.
public struct OutputRecord: Sendable, Equatable {
    public var kind: OutputKind
    /// The contact id; output topics are keyed by it.
    public var key: String
    /// A deterministic id: the same decision made again (after a crash, in a
    /// replay) gives the same id, so consumers can drop duplicates.
    public var outputID: String
    /// The record as UTF-8 JSON.
    public var value: [UInt8]
    public var headers: [OutputHeader]

    public init(kind: OutputKind, key: String, outputID: String, value: [UInt8], headers: [OutputHeader]) {
        self.kind = kind
        self.key = key
        self.outputID = outputID
        self.value = value
        self.headers = headers
    }
}

/// The input event that led to a decision: the newest event folded into the
/// contact in the batch that changed it.
public struct DecisionCause: Sendable, Equatable {
    public var eventID: String
    public var eventType: EventType
    public var occurredAt: EventTime
    /// Where the event was read from; nil when it came from a file.
    public var source: EventSource?

    public init(eventID: String, eventType: EventType, occurredAt: EventTime, source: EventSource?) {
        self.eventID = eventID
        self.eventType = eventType
        self.occurredAt = occurredAt
        self.source = source
    }
}

/// Everything a decision is made from.
public struct DecisionInput: Sendable {
    /// The contact after folding; `state.emitted` is what was last published.
    public var state: ContactState
    /// The new score of `state`'s features.
    public var result: QualificationResult
    public var cause: DecisionCause

    public init(state: ContactState, result: QualificationResult, cause: DecisionCause) {
        self.state = state
        self.result = result
        self.cause = cause
    }

    /// The time the decision is made as of: the result's `as_of`, else the
    /// contact's newest event, else the cause's time. Records carry it as
    /// `occurred_at`; overrides and the cooldown are judged at it.
    public var asOf: EventTime {
        result.asOf.flatMap { EventTime(rfc3339: $0) } ?? state.newestEventAt ?? cause.occurredAt
    }
}

/// The outputs a rescored contact produces, and what to remember as published.
public struct Decision: Sendable {
    /// Records to publish, in a deterministic order; empty when nothing changed.
    public var outputs: [OutputRecord]
    /// The value for `ContactState.emitted` once `outputs` are published.
    public var emitted: EmittedQualification?

    public init(outputs: [OutputRecord], emitted: EmittedQualification?) {
        self.outputs = outputs
        self.emitted = emitted
    }
}

/// Decides which outputs a rescored contact produces, by the transition rules:
/// results on change, property patches of changed values, tasks and
/// notifications on SQL entry, notes on status change, enrollments on
/// nurture-track change, overrides pinning the status.
///
/// Implementations are pure: the same input gives the same decision, byte for byte.
public protocol OutputDecider: Sendable {
    func decide(_ input: DecisionInput) -> Decision
}

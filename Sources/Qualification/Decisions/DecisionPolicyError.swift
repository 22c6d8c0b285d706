/// An invalid `DecisionPolicy` setting: the field, the rejected value and what to change.
public struct DecisionPolicyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A setting of `DecisionPolicy`; the raw value is the property name.
    public enum Field: String, Sendable, CaseIterable {
        case taskOwnerFallback
        case marketingRecipient
        case sqlReentryCooldown
        case businessHours
        case taskDueAfter
        case nurtureWorkflows
    }

    public let field: Field
    /// The rejected value as text.
    public let value: String
    /// Why the value is invalid and what to use instead.
    public let reason: String

    public init(field: Field, value: String, reason: String) {
        self.field = field
        self.value = value
        self.reason = reason
    }

    public var description: String { "invalid \(field.rawValue) '\(value)': \(reason)" }
}

/// A model that cannot be used, with every problem found in it.
public struct ModelValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The problems in the order the reader met them; never empty.
    public let issues: [ModelIssue]

    init(_ issues: [ModelIssue]) {
        self.issues = issues
    }

    /// One problem a line, each as `path: reason`.
    public var description: String {
        issues.map(\.description).joined(separator: "\n")
    }
}

/// One problem in a model, at a JSON path such as `weights.sales` or
/// `sales.deal_stages[2].points`; `model` is the whole document.
public struct ModelIssue: Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// The issue as `path: reason`, for example
    /// `weights.sales: expected a number from 0 to 1, got "high"`.
    public var description: String { "\(path): \(reason)" }
}

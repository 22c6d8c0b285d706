import Qualification

/// The contact states owned by one assigned partition number p: the
/// contacts whose events arrive on partition p of the input topics and whose
/// snapshots live in partition p of the changelog.
///
/// Invariant: `statusCounts` counts the contacts of `contacts` by
/// `emitted?.status`, contacts without a published status excluded. Every
/// change goes through ``replace(_:with:)`` to keep it.
struct PartitionState: Sendable {
    let partition: Int32
    private(set) var contacts: [String: ContactState] = [:]
    private(set) var statusCounts: [String: Int] = [:]

    init(partition: Int32) {
        self.partition = partition
    }

    subscript(contactID: String) -> ContactState? {
        contacts[contactID]
    }

    /// Replaces the state of `contactID` (nil removes it), keeping the status counts.
    mutating func replace(_ contactID: String, with state: ContactState?) {
        let old = contacts[contactID]
        contacts[contactID] = state
        if let status = old?.emitted?.status { countStatus(status, by: -1) }
        if let status = state?.emitted?.status { countStatus(status, by: 1) }
    }

    /// Changes the state of `contactID` in place, keeping the status counts.
    ///
    /// - Precondition: the contact exists.
    mutating func modify<Result>(_ contactID: String, _ body: (inout ContactState) -> Result) -> Result {
        let oldStatus = contacts[contactID]?.emitted?.status
        let result = body(&contacts[contactID]!)
        let newStatus = contacts[contactID]?.emitted?.status
        if oldStatus != newStatus {
            if let oldStatus { countStatus(oldStatus, by: -1) }
            if let newStatus { countStatus(newStatus, by: 1) }
        }
        return result
    }

    private mutating func countStatus(_ status: String, by delta: Int) {
        let count = statusCounts[status, default: 0] + delta
        statusCounts[status] = count == 0 ? nil : count
    }
}

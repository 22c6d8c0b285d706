import Qualification
import Synchronization

/// A read-only copy of the committed contact states, for lookups from other
/// threads (the operations endpoint).
///
/// The pipeline thread publishes the contacts of each batch after it commits
/// and removes those of revoked partitions, so a lookup never sees state
/// from an uncommitted or aborted batch. The states are value copies that
/// share storage with the pipeline's until either side changes them.
public final class ContactDirectory: Sendable {
    /// A published contact and the partition number that owns it.
    public struct Entry: Sendable {
        public var partition: Int32
        public var state: ContactState
    }

    private let contacts = Mutex<[String: Entry]>([:])

    public init() {}

    /// Returns the committed state of `contactID`, or nil when no assigned partition has it.
    public func lookup(_ contactID: String) -> Entry? {
        contacts.withLock { $0[contactID] }
    }

    /// The number of published contacts.
    public var count: Int {
        contacts.withLock { $0.count }
    }

    func publish(_ entries: [Entry]) {
        guard !entries.isEmpty else { return }
        contacts.withLock { contacts in
            for entry in entries { contacts[entry.state.contactID] = entry }
        }
    }

    func remove(_ contactIDs: [String]) {
        guard !contactIDs.isEmpty else { return }
        contacts.withLock { contacts in
            for contactID in contactIDs { contacts[contactID] = nil }
        }
    }

    func removePartitions(_ partitions: Set<Int32>) {
        contacts.withLock { contacts in
            contacts = contacts.filter { !partitions.contains($0.value.partition) }
        }
    }
}

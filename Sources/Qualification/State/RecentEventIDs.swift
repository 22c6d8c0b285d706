/// The ids of the last `capacity` events folded into a contact, for skipping duplicates.
///
/// Ids are kept as 64-bit hashes (FNV-1a with a MurMur3 finalizer), 8 bytes
/// each, in arrival order. At capacity the oldest is dropped.
///
/// A duplicate that arrives after `capacity` (64) newer events of the same
/// contact were folded is no longer recognized, so it is folded again: counts
/// include it twice, while latest values and maxima are unaffected. Offsets
/// catch replays of the input topics after a restore. This set is for
/// duplicates that a producer wrote twice, which sit close together in a
/// partition. Two distinct ids of one contact collide with probability about
/// 2^-64 per pair, and a collision would skip the second event as a duplicate.
public struct RecentEventIDs: Sendable, Equatable {
    public static let capacity = 64

    /// A ring of hashes; once full, `oldest` is the slot the next insert overwrites.
    private var slots: [UInt64] = []
    private var oldest = 0

    public init() {}

    init(hashes: [UInt64]) {
        slots = hashes
    }

    /// Hashes, oldest first.
    public var hashes: [UInt64] {
        Array(slots[oldest...] + slots[..<oldest])
    }

    public func contains(_ eventID: String) -> Bool {
        contains(hash: RecentEventIDs.hash(eventID))
    }

    /// Remembers an id, dropping the oldest beyond capacity.
    public mutating func insert(_ eventID: String) {
        insert(hash: RecentEventIDs.hash(eventID))
    }

    func contains(hash: UInt64) -> Bool {
        slots.contains(hash)
    }

    mutating func insert(hash: UInt64) {
        if slots.count < RecentEventIDs.capacity {
            if slots.isEmpty { slots.reserveCapacity(RecentEventIDs.capacity) }
            slots.append(hash)
        } else {
            slots[oldest] = hash
            oldest = (oldest + 1) % RecentEventIDs.capacity
        }
    }

    public static func == (lhs: RecentEventIDs, rhs: RecentEventIDs) -> Bool {
        lhs.hashes == rhs.hashes
    }
    /// Hashes the id's UTF-8 bytes, with the same result in every process and on every platform.
    public static func hash(_ eventID: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in eventID.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        // FNV-1a mixes its last bytes poorly; the finalizer spreads them over all 64 bits.
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash &*= 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return hash
    }
}

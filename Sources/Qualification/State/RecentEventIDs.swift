/// The ids of the last `capacity` events folded into a contact, for skipping duplicates.
///
/// Ids are kept as 64-bit hashes (FNV-1a with a MurMur3 finalizer), in a ring
/// stored inline in the state. A lookup compares eight hashes per vector
/// instruction, and the state needs no separate allocation for them, which
/// matters because folding is bound by memory access. At capacity the oldest
/// id is dropped.
///
/// A duplicate that arrives after `capacity` (64) newer events of the same
/// contact were folded is no longer recognized, so it is folded again: counts
/// include it twice, while latest values and maxima are unaffected. Offsets
/// catch replays of the input topics after a restore. This set is for
/// duplicates that a producer wrote twice, which sit close together in a
/// partition. Two distinct ids of one contact collide with probability about
/// 2^-64 per pair, and a collision would skip the second event as a duplicate.
public struct RecentEventIDs: Sendable {
    public static let capacity = 64

    // The counters come first so that they share a cache line with the first hashes.
    private var count = 0
    /// Once full, the slot the next insert overwrites, which contains the oldest hash.
    private var oldest = 0
    /// Eight blocks of eight hashes; 0 marks an empty slot, so a hash of 0 is stored as 1.
    private var blocks: (SIMD8<UInt64>, SIMD8<UInt64>, SIMD8<UInt64>, SIMD8<UInt64>,
                         SIMD8<UInt64>, SIMD8<UInt64>, SIMD8<UInt64>, SIMD8<UInt64>) =
        (.zero, .zero, .zero, .zero, .zero, .zero, .zero, .zero)

    public init() {}

    init(hashes: [UInt64]) {
        for hash in hashes.suffix(RecentEventIDs.capacity) {
            insert(hash: hash)
        }
    }

    /// Hashes, oldest first.
    public var hashes: [UInt64] {
        withUnsafeBytes(of: blocks) { raw in
            let slots = raw.bindMemory(to: UInt64.self)
            return Array(slots[oldest..<count]) + Array(slots[0..<oldest])
        }
    }

    public func contains(_ eventID: String) -> Bool {
        var ids = self
        return ids.contains(hash: RecentEventIDs.hash(eventID))
    }

    /// Remembers an id, dropping the oldest beyond capacity.
    public mutating func insert(_ eventID: String) {
        insert(hash: RecentEventIDs.hash(eventID))
    }

    /// Returns whether the hash of an id is in the ring.
    ///
    /// Mutating only so that it reads the ring in place: a non-mutating
    /// method gets a copy of `self`, and `withUnsafeBytes(of:)` of a value
    /// copies it again, 528 and 512 bytes before every duplicate check.
    mutating func contains(hash: UInt64) -> Bool {
        let probe = SIMD8<UInt64>(repeating: hash == 0 ? 1 : hash)
        // Only blocks in use are read, so a contact with few events touches few cache lines.
        let usedBlocks = (count + 7) / 8
        return withUnsafeBytes(of: &blocks) { raw in
            for block in 0..<usedBlocks {
                let hashes = raw.loadUnaligned(fromByteOffset: block * MemoryLayout<SIMD8<UInt64>>.stride, as: SIMD8<UInt64>.self)
                if any(hashes .== probe) { return true }
            }
            return false
        }
    }

    mutating func insert(hash: UInt64) {
        let slot: Int
        if count < RecentEventIDs.capacity {
            slot = count
            count += 1
        } else {
            slot = oldest
            oldest = (oldest + 1) % RecentEventIDs.capacity
        }
        withUnsafeMutableBytes(of: &blocks) { raw in
            raw.storeBytes(of: hash == 0 ? 1 : hash, toByteOffset: slot * MemoryLayout<UInt64>.stride, as: UInt64.self)
        }
    }
}

extension RecentEventIDs: Equatable {
    public static func == (lhs: RecentEventIDs, rhs: RecentEventIDs) -> Bool {
        lhs.hashes == rhs.hashes
    }
}

extension RecentEventIDs {
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

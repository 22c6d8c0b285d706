/// The binary snapshot of a `ContactState`, the value of a changelog record.
///
/// Layout: the magic bytes `C` `S`, a version byte, the table of event ids
/// that latest values refer to, the state's sections, and a CRC-32 of all
/// the bytes before it (little-endian). Integers are LEB128 varints (zigzag
/// for signed values), times are microseconds before the contact's newest
/// event, Doubles are their 8 IEEE 754 bytes, so decoding gives back exactly
/// the encoded state.
///
/// Versions: 1 is the first format; 2 adds the recent touches and the sales
/// feedback after the engagement section (a version 1 snapshot decodes with
/// both empty); 3 adds the override id, factors fingerprint, qualification
/// time and output counts to the emitted qualification (see
/// `SnapshotReader.readEmitted(version:)` for older ones). Decoding accepts every version up to `snapshotVersion`;
/// encoding always writes the current one.
extension ContactState {
    /// The version `snapshotBytes()` writes.
    public static let snapshotVersion: UInt8 = 3

    static let snapshotMagic: [UInt8] = [UInt8(ascii: "C"), UInt8(ascii: "S")]

    /// Encodes the state as a snapshot of the current version.
    public func snapshotBytes() -> [UInt8] {
        var body = SnapshotWriter(timeBase: newestEventAt?.microsecondsSinceEpoch ?? 0)
        writeSections(to: &body)

        var output = SnapshotWriter(timeBase: 0)
        for byte in ContactState.snapshotMagic { output.writeByte(byte) }
        output.writeByte(ContactState.snapshotVersion)
        output.writeString(contactID)
        output.writeOptional(newestEventAt) { $0.writeSigned($1.microsecondsSinceEpoch) }
        output.writeCount(body.eventIDs.count)
        for eventID in body.eventIDs { output.writeString(eventID) }

        var bytes = output.bytes + body.bytes
        withUnsafeBytes(of: CRC32.checksum(bytes).littleEndian) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// Decodes a snapshot of any supported version.
    ///
    /// - Throws: `SnapshotDecodingError` for a wrong magic, an unsupported
    ///   version, a checksum mismatch, truncated or trailing data, or a value
    ///   outside what the state allows.
    public init(snapshot bytes: some Collection<UInt8>) throws(SnapshotDecodingError) {
        let bytes = Array(bytes)
        guard bytes.count >= 7 else {
            throw SnapshotDecodingError(offset: 0, reason: "\(bytes.count) bytes is too short for a snapshot")
        }
        guard Array(bytes[0..<2]) == ContactState.snapshotMagic else {
            throw SnapshotDecodingError(offset: 0, reason: "missing the snapshot magic bytes \"CS\"")
        }
        let version = bytes[2]
        guard version >= 1 && version <= ContactState.snapshotVersion else {
            throw SnapshotDecodingError(offset: 2, reason: "unsupported version \(version); this build reads versions 1 to \(ContactState.snapshotVersion)")
        }
        let checksumOffset = bytes.count - 4
        var stored: UInt32 = 0
        for index in 0..<4 {
            stored |= UInt32(bytes[checksumOffset + index]) << (8 * UInt32(index))
        }
        guard CRC32.checksum(bytes[0..<checksumOffset]) == stored else {
            throw SnapshotDecodingError(offset: checksumOffset, reason: "checksum mismatch, the snapshot is corrupt")
        }

        var reader = SnapshotReader(bytes, start: 3, end: checksumOffset)
        let contactID = try reader.readString()
        self.init(contactID: contactID)
        newestEventAt = try reader.readOptional { (reader: inout SnapshotReader) throws(SnapshotDecodingError) in
            EventTime(microsecondsSinceEpoch: try reader.readSigned())
        }
        reader.timeBase = newestEventAt?.microsecondsSinceEpoch ?? 0
        let idCount = try reader.readCount(limit: checksumOffset)
        for _ in 0..<idCount {
            reader.eventIDs.append(try reader.readString())
        }

        try readSections(from: &reader, version: version)
        guard reader.isAtEnd else {
            throw reader.error("unexpected bytes after the last section")
        }
    }
}

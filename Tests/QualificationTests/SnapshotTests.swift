import Foundation
import Testing
@testable import Qualification

@Test func snapshotRoundTripsExactly() throws {
    let state = SampleStates.richState()
    let decoded = try ContactState(snapshot: state.snapshotBytes())
    #expect(decoded == state)
    #expect(decoded.features() == state.features())
    #expect(decoded.snapshotBytes() == state.snapshotBytes())
}

@Test func emptySnapshotRoundTrips() throws {
    let state = ContactState(contactID: "c-empty")
    #expect(try ContactState(snapshot: state.snapshotBytes()) == state)
}

@Test func snapshotKeepsFoldingWhereItStopped() throws {
    let events = SampleStates.richEvents()
    var straight = ContactState(contactID: "c-rich")
    var restored = ContactState(contactID: "c-rich")
    for (index, event) in events.enumerated() {
        straight.fold(event)
        restored.fold(event)
        if index % 5 == 0 {
            restored = try ContactState(snapshot: restored.snapshotBytes())
        }
    }
    #expect(restored == straight)
    // Duplicates are still recognized after a restore.
    #expect(restored.fold(events[30]) == .duplicateEventID)
}

/// `snapshot-v1.bin` was written by the version 1 encoder from `SampleStates.richState()`;
/// version 1 did not store recent touches or sales feedback.
@Test func versionOneFixtureStillDecodes() throws {
    let bytes = try Data(contentsOf: TestPaths.fixtures.appendingPathComponent("snapshot-v1.bin"))
    #expect(bytes[2] == 1)
    let decoded = try ContactState(snapshot: bytes)
    let expected = SampleStates.richState()
    #expect(decoded.contactID == "c-rich")
    #expect(decoded.foldedEventCount == 33)
    #expect(decoded.profile == expected.profile)
    #expect(decoded.marketing == expected.marketing)
    #expect(decoded.service == expected.service)
    #expect(decoded.engagement == expected.engagement)
    #expect(decoded.overrideDecision == expected.overrideDecision)
    #expect(decoded.emitted == SampleStates.emittedAsOlderVersionsDecode(expected.emitted))
    #expect(decoded.appliedOffsets == expected.appliedOffsets)
    #expect(decoded.recentEventIDs == expected.recentEventIDs)
    #expect(decoded.features() == expected.features())
    #expect(decoded.touches.touches.isEmpty)
    #expect(decoded.sales.feedback == nil)

    var upgraded = decoded
    upgraded.touches = expected.touches
    upgraded.sales.feedback = expected.sales.feedback
    upgraded.emitted = expected.emitted
    #expect(upgraded == expected)
}

/// `snapshot-v2.bin` was written by the version 2 encoder from `SampleStates.richState()`;
/// version 2 did not store the emitted qualification's override id, factors fingerprint,
/// qualification time or counts.
@Test func versionTwoFixtureStillDecodes() throws {
    let bytes = try Data(contentsOf: TestPaths.fixtures.appendingPathComponent("snapshot-v2.bin"))
    #expect(bytes[2] == 2)
    let decoded = try ContactState(snapshot: bytes)
    let expected = SampleStates.richState()
    #expect(decoded.emitted == SampleStates.emittedAsOlderVersionsDecode(expected.emitted))
    #expect(decoded.emitted?.counts == .init(qualifications: 1, propertyUpdates: 1, statusChanges: 1,
                                             trackChanges: 1, sqlEntries: 1))

    var upgraded = decoded
    upgraded.emitted = expected.emitted
    #expect(upgraded == expected)
}

@Test func emittedFieldsOfVersionThreeRoundTrip() throws {
    var state = SampleStates.richState()
    state.emitted?.overrideEventID = "e-32"
    state.emitted?.factorsFingerprint = 0xFEDC_BA98_7654_3210
    state.emitted?.qualifiedAt = EventTime(rfc3339: "2026-03-08T12:00:00Z")
    state.emitted?.counts = .init(qualifications: 7, propertyUpdates: 9, statusChanges: 3, trackChanges: 2, sqlEntries: 1)
    let bytes = state.snapshotBytes()
    #expect(bytes[2] == 3)
    let decoded = try ContactState(snapshot: bytes)
    #expect(decoded.emitted == state.emitted)
    #expect(decoded == state)

    var bare = state
    bare.emitted?.overrideEventID = nil
    bare.emitted?.qualifiedAt = nil
    bare.emitted?.counts = .init()
    #expect(try ContactState(snapshot: bare.snapshotBytes()).emitted == bare.emitted)
}

@Test func corruptSnapshotsAreRejected() {
    let bytes = SampleStates.richState().snapshotBytes()
    for index in bytes.indices {
        var corrupt = bytes
        corrupt[index] ^= 0x5A
        #expect(throws: SnapshotDecodingError.self, "byte \(index) flipped") {
            try ContactState(snapshot: corrupt)
        }
    }
}

@Test func truncatedSnapshotsAreRejected() {
    let bytes = SampleStates.richState().snapshotBytes()
    for length in 0..<bytes.count {
        #expect(throws: SnapshotDecodingError.self, "cut to \(length) bytes") {
            try ContactState(snapshot: bytes.prefix(length))
        }
    }
}

@Test func unsupportedVersionIsRejectedWithReason() {
    var bytes = ContactState(contactID: "c").snapshotBytes()
    bytes[2] = 99
    do {
        _ = try ContactState(snapshot: bytes)
        Issue.record("decoded a version 99 snapshot")
    } catch {
        #expect(error.reason == "unsupported version 99; this build reads versions 1 to \(ContactState.snapshotVersion)")
    }
}

/// Checksums pass, but the body is not a snapshot: the reader must stop at the bad value.
@Test func garbageWithValidChecksumIsRejected() {
    var generator = SystemRandomNumberGenerator()
    for length in [8, 40, 300] {
        var bytes: [UInt8] = [UInt8(ascii: "C"), UInt8(ascii: "S"), 1]
        bytes += (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
        withUnsafeBytes(of: CRC32.checksum(bytes).littleEndian) { bytes.append(contentsOf: $0) }
        #expect(throws: SnapshotDecodingError.self) { try ContactState(snapshot: bytes) }
    }
}

@Test func crc32MatchesKnownValue() {
    // The standard check value of CRC-32/ISO-HDLC.
    #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
}

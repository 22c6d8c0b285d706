import Qualification

/// Decodes the input events of a replay, compare or report, and counts and
/// keeps the invalid ones.
///
/// Records read from a topic get the service's record checks too: a null
/// value, a null key, or a key that differs from `contact_id` makes the
/// record invalid, with the codes the service puts on dead letters.
public struct EventIntake: Sendable {
    public let decoder: EventDecoder
    /// How many invalid events `invalidEvents` keeps; the rest are only counted.
    public let maxKeptInvalid: Int
    public internal(set) var tally = ReplayTally()
    /// The first `maxKeptInvalid` invalid events, in reading order.
    public private(set) var invalidEvents: [InvalidReplayEvent] = []

    public init(decoder: EventDecoder = EventDecoder(), maxKeptInvalid: Int = 1000) {
        self.decoder = decoder
        self.maxKeptInvalid = maxKeptInvalid
    }

    /// Decodes one line of a JSON lines file; blank lines are counted and return nil.
    public mutating func decodeLine(_ bytes: UnsafeRawBufferPointer, location: ReplayLocation) -> Event? {
        guard bytes.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else {
            tally.blank += 1
            return nil
        }
        return decode(bytes, location: location)
    }

    /// Decodes the value of a topic record after the record checks.
    ///
    /// - Parameters:
    ///   - value: the record value; nil for a null value.
    ///   - key: the record key; nil for a null key.
    public mutating func decodeRecord(value: UnsafeRawBufferPointer?, key: UnsafeRawBufferPointer?,
                                      location: ReplayLocation) -> Event? {
        guard let value else {
            reject(location, code: "missing_value", message: "the record has a null value; producers must send the event JSON as the value")
            return nil
        }
        guard let key else {
            reject(location, code: "missing_key", message: "the record has a null key; producers must key every event by its contact_id")
            return nil
        }
        guard let event = decode(value, location: location) else { return nil }
        guard key.elementsEqual(event.contactID.utf8) else {
            reject(location, code: "key_mismatch",
                   message: "the key \"\(String(decoding: key.prefix(80), as: UTF8.self))\" differs from contact_id \"\(event.contactID)\"; producers must key every event by its contact_id")
            return nil
        }
        return event
    }

    private mutating func decode(_ bytes: UnsafeRawBufferPointer, location: ReplayLocation) -> Event? {
        do {
            return try decoder.decode(bytes)
        } catch {
            reject(location, code: error.code.rawValue, message: error.description)
            return nil
        }
    }

    private mutating func reject(_ location: ReplayLocation, code: String, message: String) {
        tally.invalid += 1
        if invalidEvents.count < maxKeptInvalid {
            invalidEvents.append(InvalidReplayEvent(location: location, code: code, message: message))
        }
    }
}

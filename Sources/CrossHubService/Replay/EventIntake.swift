import Foundation
import Qualification

/// Decodes the input events of a replay, compare or report, and counts and
/// keeps the invalid ones.
///
/// Records read from a topic get the service's record checks too: a null
/// value, a null key, a key that differs from `contact_id`, an event type
/// of another topic (with ``eventTopics`` set), or an
/// `occurred_at` beyond ``futureSkew`` of the record's timestamp makes the
/// record invalid, with the codes the service puts on dead letters. Lines of
/// a file carry no record timestamp, so ``futureSkew`` measures them from
/// ``lineReferenceMilliseconds``, the time the intake was created unless set.
///
/// NOTE: the partition check of `crosshub run` (`partition_mismatch`) is not
/// applied, so a replay folds records that the service dead-lettered for their partition.
public struct EventIntake: Sendable {
    public let decoder: EventDecoder
    /// How many invalid events `invalidEvents` keeps; the rest are only counted.
    public let maxKeptInvalid: Int
    /// The future-date rule, or nil for none.
    public var futureSkew: FutureSkewRule?
    /// The type-to-topic rule for topic records; nil for none, as for file lines.
    public var eventTopics: EventTopicRule?
    /// The reference time of file lines for ``futureSkew``, in milliseconds since the Unix epoch.
    public var lineReferenceMilliseconds: Int64
    public internal(set) var tally = ReplayTally()
    /// The first `maxKeptInvalid` invalid events, in reading order.
    public private(set) var invalidEvents: [InvalidReplayEvent] = []

    public init(decoder: EventDecoder = EventDecoder(), maxKeptInvalid: Int = 1000,
                futureSkew: FutureSkewRule? = FutureSkewRule(), lineReferenceMilliseconds: Int64? = nil) {
        self.decoder = decoder
        self.maxKeptInvalid = maxKeptInvalid
        self.futureSkew = futureSkew
        self.lineReferenceMilliseconds = lineReferenceMilliseconds ?? Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// Decodes one line of a JSON lines file; blank lines are counted and return nil.
    public mutating func decodeLine(_ bytes: UnsafeRawBufferPointer, location: ReplayLocation) -> Event? {
        guard bytes.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else {
            tally.blank += 1
            return nil
        }
        guard let event = decode(bytes, location: location) else { return nil }
        return checkFutureSkew(event, referenceMilliseconds: lineReferenceMilliseconds,
                               reference: "the replay's start", location: location)
    }

    /// Decodes the value of a topic record after the record checks.
    ///
    /// - Parameters:
    ///   - value: the record value; nil for a null value.
    ///   - key: the record key; nil for a null key.
    ///   - timestampMilliseconds: the record's Kafka timestamp; nil skips the future-date check.
    public mutating func decodeRecord(value: UnsafeRawBufferPointer?, key: UnsafeRawBufferPointer?,
                                      timestampMilliseconds: Int64? = nil, location: ReplayLocation) -> Event? {
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
        if case .record(let topic, _, _) = location, let violation = eventTopics?.violation(type: event.type, topic: topic) {
            reject(location, code: EventTopicRule.code, message: violation)
            return nil
        }
        guard let timestampMilliseconds else { return event }
        return checkFutureSkew(event, referenceMilliseconds: timestampMilliseconds,
                               reference: "the record's Kafka timestamp", location: location)
    }

    private mutating func checkFutureSkew(_ event: Event, referenceMilliseconds: Int64, reference: String,
                                          location: ReplayLocation) -> Event? {
        guard let futureSkew,
              let violation = futureSkew.violation(occurredAt: event.occurredAt, referenceMilliseconds: referenceMilliseconds,
                                                   reference: reference) else { return event }
        reject(location, code: FutureSkewRule.code, message: violation)
        return nil
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

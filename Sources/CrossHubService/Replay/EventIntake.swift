import Foundation
import Kafka
import Qualification

/// Decodes the input events of a replay, compare or report, and counts and
/// keeps the invalid ones.
///
/// Records read from a topic get the service's record checks
/// (``InputRecordChecks``), with the codes the service puts on dead letters.
/// Lines of a file carry no record timestamp, so ``futureSkew`` measures
/// them from ``lineReferenceMilliseconds``, the time the intake was created
/// unless set.
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

    /// Decodes a topic record after the service's record checks, except the
    /// partition check; a record that fails one is counted invalid.
    public mutating func decodeRecord(_ message: KafkaConsumerMessage) -> Event? {
        let location = ReplayLocation.record(topic: message.topic, partition: message.partition, offset: message.offset)
        switch InputRecordChecks.check(message, decoder: decoder, eventTopics: eventTopics, futureSkew: futureSkew,
                                       murmur2PartitionCount: nil) {
        case .success(let event):
            return event
        case .failure(let reason):
            reject(location, code: reason.code, message: reason.message)
            return nil
        }
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

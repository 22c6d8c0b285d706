/// How the service ties its outputs to its input offsets.
public enum DeliveryGuarantee: String, Sendable, CaseIterable, CustomStringConvertible {
    /// One Kafka transaction per batch writes the outputs, dead letters,
    /// changelog snapshots and input offsets, so that a batch is published
    /// whole or not at all.
    case exactlyOnce = "exactly-once"
    /// An idempotent producer writes the batch, and the input offsets are
    /// committed once every record of the batch is acknowledged. A crash in
    /// between publishes the batch's outputs again, with the same output ids.
    case atLeastOnce = "at-least-once"

    public var description: String { rawValue }
}

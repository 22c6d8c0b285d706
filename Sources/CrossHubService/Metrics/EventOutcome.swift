/// The fate of one consumed input record, the `outcome` label of
/// `crosshub_events_consumed_total`. Every record gets exactly one outcome.
public enum EventOutcome: String, Sendable, CaseIterable {
    /// Decoded and folded into its contact's state.
    case folded
    /// Decoded but skipped: its event id or its offset was already folded.
    case duplicate
    /// Written to the dead-letter topic with the reason.
    case deadLettered = "dead_lettered"
}

/// The deterministic `output_id` of an output record.
///
/// The id is the SHA-256 of the contact id, the record kind, a discriminator
/// and an ordinal, as lowercase hexadecimal cut to 32 digits (128 bits).
/// Each part is hashed as its UTF-8 length in decimal, `:`, and its bytes,
/// after the prefix `crosshub.output/v1`, so no two lists of parts give the
/// same input to the hash.
///
/// The ordinal is the number of the output among its kind for the contact,
/// counted in `EmittedQualification.counts` (the nth SQL entry that created a
/// task, the nth status change, and so on), not the id of the event that
/// caused it. The counts are restored with the contact's state, so a replay,
/// a restart or an at-least-once redelivery that makes the same decision
/// again gives the same id even when its batch was cut elsewhere.
///
/// Discriminators:
/// - `qualification`: the decided values (score, statuses, tracks,
///   components, override and model version), so that a replay whose nth
///   record has other values (a new model, other batch boundaries) gets a
///   new id instead of being dropped as a duplicate;
/// - `property-update`: the patch as JSON, for the same reason;
/// - `task`, `note`: empty;
/// - `notification`: the recipient's role, `sales-owner` or `marketing`;
/// - `enrollment`: `enroll:` or `leave:` and the nurture track.
public enum OutputID {
    /// The number of hexadecimal digits kept.
    public static let length = 32

    /// Returns the id of the `ordinal`th output of `kind` for `contactID`.
    public static func make(contactID: String, kind: OutputKind, discriminator: String, ordinal: Int) -> String {
        var hasher = SHA256()
        hasher.update("crosshub.output/v1")
        for part in [contactID, kind.rawValue, discriminator, String(ordinal)] {
            hasher.update("\(part.utf8.count):")
            hasher.update(part)
        }
        return String(hasher.finalize().hex.prefix(length))
    }
}

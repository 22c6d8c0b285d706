/// The deterministic `output_id` of an output record.
///
/// The id is the SHA-256 of the contact id, the record kind, a discriminator
/// and an ordinal, as lowercase hexadecimal cut to 32 digits (128 bits).
/// Each part is hashed as its UTF-8 length in decimal, `:`, and its bytes,
/// after the prefix `crosshub.output/v1`, so no two lists of parts give the
/// same input to the hash.
///
/// The ordinal numbers the output among its kind for the contact, such as
/// the nth SQL entry that created a task or the nth status change. It comes
/// from `EmittedQualification.counts`, not from the id of the event that
/// caused the output. The counts are restored with the contact's state, so a replay,
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
        var discriminator = discriminator
        return discriminator.withUTF8 { make(contactID: contactID, kind: kind, discriminator: UnsafeRawBufferPointer($0), ordinal: ordinal) }
    }

    /// Returns the id of the `ordinal`th output of `kind` for `contactID`,
    /// with the discriminator given as its UTF-8 bytes.
    static func make(contactID: String, kind: OutputKind, discriminator: UnsafeRawBufferPointer, ordinal: Int) -> String {
        var hasher = SHA256()
        prefix.withUTF8Buffer { hasher.update(UnsafeRawBufferPointer($0)) }
        hasher.updatePart(contactID)
        hasher.updatePart(kind.rawValue)
        hasher.updatePart(discriminator)
        var ordinalText = String(ordinal)
        ordinalText.withUTF8 { hasher.updatePart(UnsafeRawBufferPointer($0)) }

        let words = hasher.finalizeWords()
        return String(unsafeUninitializedCapacity: length) { text in
            var index = 0
            for word in [words.0, words.1, words.2, words.3] {
                for shift in stride(from: 28, through: 0, by: -4) {
                    text[index] = hexDigits[Int(word >> UInt32(shift) & 0xF)]
                    index += 1
                }
            }
            return length
        }
    }

    private static let prefix: StaticString = "crosshub.output/v1"
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}

extension SHA256 {
    /// Appends one part of an output id's input: its UTF-8 length in decimal, `:`, and its bytes.
    fileprivate mutating func updatePart(_ bytes: UnsafeRawBufferPointer) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var count = bytes.count
            var position = buffer.count - 1
            buffer[position] = UInt8(ascii: ":")
            repeat {
                position -= 1
                buffer[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: count % 10)
                count /= 10
            } while count > 0
            update(UnsafeRawBufferPointer(rebasing: buffer[position...]))
        }
        update(bytes)
    }

    fileprivate mutating func updatePart(_ text: String) {
        var text = text
        text.withUTF8 { updatePart(UnsafeRawBufferPointer($0)) }
    }
}

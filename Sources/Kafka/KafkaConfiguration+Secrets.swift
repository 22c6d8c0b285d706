import Foundation

extension KafkaConfiguration {
    /// Returns true when the value of `key` must never be printed or logged.
    ///
    /// A key is secret when, compared case-insensitively, it
    /// - contains `password`, `secret`, `credential` or `token`
    ///   (`sasl.password`, `ssl.key.password`, `sasl.oauthbearer.client.secret`), or
    /// - ends with `.key`, `_key` or `.pem` (`ssl.key.pem`, `ssl_key`), or
    /// - is `sasl.oauthbearer.config` or `sasl.jaas.config`, which embed credentials.
    ///
    /// Certificates (`ssl.certificate.pem`, `ssl.ca.pem`) are masked too,
    /// because the `.pem` rule cannot tell them from private keys.
    public static func isSecret(key: String) -> Bool {
        let lowered = key.lowercased()
        if secretFragments.contains(where: { lowered.contains($0) }) { return true }
        if secretSuffixes.contains(where: { lowered.hasSuffix($0) }) { return true }
        return secretKeys.contains(lowered)
    }

    private static let secretFragments = ["password", "secret", "credential", "token"]
    private static let secretSuffixes = [".key", "_key", ".pem"]
    private static let secretKeys: Set<String> = ["sasl.oauthbearer.config", "sasl.jaas.config"]

    /// Replaces every occurrence of a secret value of this configuration in
    /// `text` with `***`, for messages that librdkafka builds from values.
    func maskingSecrets(in text: String) -> String {
        var masked = text
        for (key, value) in properties where !value.isEmpty && Self.isSecret(key: key) {
            masked = masked.replacingOccurrences(of: value, with: Self.mask)
        }
        return masked
    }
}

import Foundation

extension PublicSigningKey {
    /// The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the 32 key bytes follow it.
    private static let spkiPrefix = Data([0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00])

    /// The key as a PEM `PUBLIC KEY` block, as OpenSSL writes an Ed25519 public key.
    public var pem: String {
        "-----BEGIN PUBLIC KEY-----\n" + (PublicSigningKey.spkiPrefix + publicKey.rawRepresentation).base64EncodedString()
            + "\n-----END PUBLIC KEY-----\n"
    }

    /// Reads a PEM `PUBLIC KEY` block holding an Ed25519 key (from ``pem`` or `openssl pkey -pubout`).
    public init(pem text: String) throws {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let begin = lines.firstIndex(of: "-----BEGIN PUBLIC KEY-----"),
              let end = lines.firstIndex(of: "-----END PUBLIC KEY-----"), begin < end,
              let der = Data(base64Encoded: lines[(begin + 1)..<end].joined()),
              der.count == PublicSigningKey.spkiPrefix.count + 32, der.prefix(PublicSigningKey.spkiPrefix.count) == PublicSigningKey.spkiPrefix
        else {
            throw VerificationError.data("This is not an Ed25519 public key in PEM (a BEGIN PUBLIC KEY block of 44 bytes).")
        }
        try self.init(base64: der.suffix(32).base64EncodedString())
    }
}

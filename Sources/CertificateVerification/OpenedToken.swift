import Foundation

/// A token read from text: its claims, which key says it signed them, and whether that is true.
public struct OpenedToken: Hashable, Sendable {
    public var token: CertificateToken
    /// The first 8 bytes of the SHA-256 of the signing public key.
    public var keyID: Data
    let body: Data
    let signature: Data

    /// Whether one of the public keys signed exactly these bytes.
    public func isSigned(by keys: [PublicSigningKey]) -> PublicSigningKey? {
        keys.first { $0.id == keyID && $0.publicKey.isValidSignature(signature, for: body) }
    }
}

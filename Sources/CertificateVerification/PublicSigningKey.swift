import Crypto
import Foundation

/// A public key that checks tokens; shared freely.
///
/// It may carry the day its organisation retired it: a token it signed with a later
/// issue date was not issued while the key was in use, and is refused.
public struct PublicSigningKey: Hashable, Sendable {
    let publicKey: Curve25519.Signing.PublicKey
    /// The last day the key signed for its organisation; nil while it is current.
    public var retiredOn: TokenDate?
    /// For a site's key: the first day it signs, from the programme's certificate of it.
    public var validFrom: TokenDate?
    /// For a site's key: the site the programme certified it for; nil for the programme's own keys.
    public var siteCode: String?

    public var id: Data { PublicSigningKey.id(of: publicKey) }
    public var idHex: String { id.map { String(format: "%02x", $0) }.joined() }
    /// The raw 32 bytes in Base64, as exported.
    public var base64: String { publicKey.rawRepresentation.base64EncodedString() }

    public init(base64: String, retiredOn: TokenDate? = nil) throws {
        guard let raw = Data(base64Encoded: base64.trimmingCharacters(in: .whitespacesAndNewlines)),
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
        else {
            throw VerificationError.data("“\(base64.prefix(20))…” is not an Ed25519 public key in Base64.")
        }
        publicKey = key
        self.retiredOn = retiredOn
    }

    init(publicKey: Curve25519.Signing.PublicKey) {
        self.publicKey = publicKey
    }

    static func id(of key: Curve25519.Signing.PublicKey) -> Data {
        Data(SHA256.hash(data: key.rawRepresentation).prefix(8))
    }

    /// Keys are the same key whatever is known of their retirement.
    public static func == (lhs: PublicSigningKey, rhs: PublicSigningKey) -> Bool {
        lhs.publicKey.rawRepresentation == rhs.publicKey.rawRepresentation
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(publicKey.rawRepresentation)
    }
}

import Crypto
import Foundation

/// A site's signature over one request of the exchange over HTTP, carried in the request's header fields.
///
/// The site signs, with the Ed25519 key the programme certified for it, the method, the path, the time,
/// a random nonce and the SHA-256 of the body (``message(method:path:body:)``): a request altered on
/// the way, replayed, or signed by a key the programme did not certify for that site is refused.
public struct SyncRequestSignature: Sendable, Equatable {
    public var site: String
    public var keyID: String
    /// Seconds since 1970, when the site signed.
    public var time: Int64
    public var nonce: String
    public var signature: Data

    /// How far the signing time may be from the receiver's clock, in seconds, either way; nonces are
    /// kept this long.
    public static let window: Int64 = 300

    public static let siteField = "X-Malaka-Site"
    public static let keyField = "X-Malaka-Key"
    public static let timeField = "X-Malaka-Time"
    public static let nonceField = "X-Malaka-Nonce"
    public static let signatureField = "X-Malaka-Signature"

    /// The header fields that carry it.
    public var fields: [(name: String, value: String)] {
        [(Self.siteField, site), (Self.keyField, keyID), (Self.timeField, String(time)), (Self.nonceField, nonce),
         (Self.signatureField, signature.base64EncodedString())]
    }

    /// Reads the header fields of a request; nil when one is missing or unreadable.
    public init?(field: (String) -> String?) {
        guard let site = field(Self.siteField), let keyID = field(Self.keyField), let time = field(Self.timeField).flatMap(Int64.init),
              let nonce = field(Self.nonceField), !nonce.isEmpty, nonce.count <= 64,
              let signature = field(Self.signatureField).flatMap({ Data(base64Encoded: $0) }), signature.count == 64 else { return nil }
        self.init(site: site, keyID: keyID, time: time, nonce: nonce, signature: signature)
    }

    init(site: String, keyID: String, time: Int64, nonce: String, signature: Data) {
        self.site = site
        self.keyID = keyID
        self.time = time
        self.nonce = nonce
        self.signature = signature
    }

    /// The bytes signed: everything about the request that an attacker on the way could change.
    func message(method: String, path: String, body: Data) -> Data {
        let bodyHash = SHA256.hash(data: body).hexString
        return Data("MALAKA-SYNC 1\n\(method.uppercased())\n\(path)\n\(site)\n\(keyID)\n\(time)\n\(nonce)\n\(bodyHash)".utf8)
    }
}

import Crypto
import Foundation

/// The programme's word that a site's key signs nothing from a day on: a lost or stolen laptop.
///
/// What the key signed before that day stays valid; a token it dates on that day or later is refused.
///
/// For example:
/// ```swift
/// let revocation = try SiteKeyRevocation(siteCode: "XO-URG1", siteKey: lostKey, revokedFrom: day, programmeKey: programmeKey)
/// ```
public struct SiteKeyRevocation: Codable, Hashable, Sendable {
    public static let format = "malaka-site-key-revocation-1"

    public var siteCode: String
    /// The revoked site key's id, in hex.
    public var keyID: String
    /// The first day the key no longer signs for the programme (ISO, `2026-12-04`).
    public var revokedFrom: String
    public var programmeKeyID: String
    public var signature: String

    public init(siteCode: String, siteKey: PublicSigningKey, revokedFrom: TokenDate, programmeKey: SigningKey) throws {
        self.siteCode = siteCode
        keyID = siteKey.idHex
        self.revokedFrom = revokedFrom.iso
        programmeKeyID = programmeKey.publicKey.idHex
        signature = ""
        signature = try programmeKey.privateKey.signature(for: signedBytes()).base64EncodedString()
    }

    /// A revocation as it was signed and stored; ``verify(with:)`` says whether it holds.
    public init(siteCode: String, keyID: String, revokedFrom: String, programmeKeyID: String, signature: String) {
        self.siteCode = siteCode
        self.keyID = keyID
        self.revokedFrom = revokedFrom
        self.programmeKeyID = programmeKeyID
        self.signature = signature
    }

    /// The first day the key is refused.
    public func firstRefusedDay() throws -> TokenDate {
        try TokenDate(isoDay: revokedFrom, field: "revokedFrom")
    }

    /// Checks the programme's signature; throws when it does not hold.
    public func verify(with programmeKeys: [PublicSigningKey]) throws {
        _ = try SignedFields.programmeKey(programmeKeyID, signed: signature, over: try signedBytes(), among: programmeKeys,
                                          what: "The revocation of site \(siteCode)'s key \(keyID)")
    }

    private func signedBytes() throws -> Data {
        try SignedFields.bytes([SiteKeyRevocation.format, siteCode, keyID, revokedFrom, programmeKeyID])
    }
}

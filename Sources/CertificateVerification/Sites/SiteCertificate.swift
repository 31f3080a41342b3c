import Crypto
import Foundation

/// A site's Ed25519 key, certified by the programme's key, so that a checker who trusts the programme's
/// public key alone also trusts what the site signs (certificate tokens, exchange bundles).
///
/// The programme's desk signs it once, when the site joins; it travels in the public keys file and in
/// every exchange bundle, and proves itself wherever the programme's key is known.
///
/// For example:
/// ```swift
/// let certificate = try SiteCertificate(siteCode: "XO-URG1", programme: "UNICEF", siteKey: sitePublicKey,
///                                       notBefore: today, programmeKey: programmeKey)
/// let programmeKey = try certificate.verify(with: fileKeys)
/// ```
public struct SiteCertificate: Codable, Hashable, Sendable {
    public static let format = "malaka-site-certificate-1"

    /// The site's code, such as `XO-URG1`.
    public var siteCode: String
    /// The organisation whose key certified the site.
    public var programme: String
    /// The site's public key: the raw 32 bytes in Base64.
    public var publicKey: String
    /// The first day the site's key signs for the programme (ISO, `2026-12-04`); nothing it dates earlier is trusted.
    public var notBefore: String
    /// The programme key that signed this certificate, in hex.
    public var programmeKeyID: String
    public var signature: String

    /// Certifies a site's key with the programme's key.
    public init(siteCode: String, programme: String, siteKey: PublicSigningKey, notBefore: TokenDate,
                programmeKey: SigningKey) throws {
        guard SiteCertificate.isSiteCode(siteCode) else {
            throw VerificationError.data("“\(siteCode.prefix(20))” is not a site code: two capital letters, a dash, then 2 to 8 capital letters or digits, such as XO-URG1.")
        }
        self.siteCode = siteCode
        self.programme = programme
        publicKey = siteKey.base64
        self.notBefore = notBefore.iso
        programmeKeyID = programmeKey.publicKey.idHex
        signature = ""
        signature = try programmeKey.privateKey.signature(for: signedBytes()).base64EncodedString()
    }

    /// A certificate as it was signed and stored; ``verify(with:)`` says whether it holds.
    public init(siteCode: String, programme: String, publicKey: String, notBefore: String, programmeKeyID: String, signature: String) {
        self.siteCode = siteCode
        self.programme = programme
        self.publicKey = publicKey
        self.notBefore = notBefore
        self.programmeKeyID = programmeKeyID
        self.signature = signature
    }

    /// The site's key, valid from ``notBefore``.
    public func siteKey() throws -> PublicSigningKey {
        var key = try PublicSigningKey(base64: publicKey)
        key.validFrom = try TokenDate(isoDay: notBefore, field: "notBefore")
        key.siteCode = siteCode
        return key
    }

    /// The programme key that signed this certificate, or an error saying why it cannot be trusted.
    ///
    /// A certificate dated after its programme key was retired was not made while the key was in use.
    public func verify(with programmeKeys: [PublicSigningKey]) throws -> PublicSigningKey {
        let key = try SignedFields.programmeKey(programmeKeyID, signed: signature, over: try signedBytes(), among: programmeKeys,
                                                what: "The certificate of site \(siteCode)")
        let from = try TokenDate(isoDay: notBefore, field: "notBefore")
        if let retired = key.retiredOn, from > retired {
            throw VerificationError.data("The certificate of site \(siteCode) is dated \(from.dotted), after the programme key \(key.idHex) was retired (\(retired.dotted)).",
                                         remedy: .exportPublicKeys)
        }
        return key
    }

    /// Whether a text is a site code: `XO-URG1`, two capital letters, a dash, 2 to 8 capital letters or digits.
    public static func isSiteCode(_ text: String) -> Bool {
        text.wholeMatch(of: /[A-Z]{2}-[A-Z0-9]{2,8}/) != nil
    }

    private func signedBytes() throws -> Data {
        try SignedFields.bytes([SiteCertificate.format, siteCode, programme, publicKey, notBefore, programmeKeyID])
    }
}

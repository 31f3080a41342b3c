import Crypto
import Foundation

/// The signed statement printed as a QR code on a certificate, checkable offline with the issuer's public key.
///
/// It binds the serial, the name exactly as printed, the course, the event's dates,
/// the issuing organisation, the certificate's language and the issue date, and is
/// signed with the organisation's Ed25519 key. As text it is `MLK1:` and Base45, so
/// that a QR code printed 25 mm wide still scans.
///
/// Tokens of version 1, signed before version 2, carry a hash of the name instead of
/// the name, and no language: they still open and verify, and a checker compares the
/// name it reads against the hash.
///
/// For example:
/// ```swift
/// let token = CertificateToken(serial: "UZ-2019-000001", printedName: "Gʻulomjon Oʻrinboyev", courseCode: "PS-PARENTING",
///                              startDate: start, endDate: end, organisation: "UNICEF", issueDate: issued)
/// let text = try token.signed(with: key)        // "MLK1:…"
/// let checked = try CertificateToken.open(text) // then .verify(against: publicKeys)
/// ```
public struct CertificateToken: Hashable, Sendable {
    public static let prefix = "MLK1:"
    /// Version 2 carries the name and the language; version 1 only a hash of the name.
    static let version: UInt8 = 2
    static let hashedNameVersion: UInt8 = 1

    public var serial: String
    /// The first 16 bytes of the SHA-256 of the printed name, in Unicode NFC.
    public var nameHash: Data
    /// The name as printed, so that a checker without the paper's text can show it; nil in version 1 tokens.
    public var printedName: String?
    /// The certificate's language (`uz-Latn`, `uz-Cyrl`, `ky`, `ru`, `en`); nil in version 1 tokens.
    public var language: String?
    public var courseCode: String
    public var startDate: TokenDate
    public var endDate: TokenDate
    public var organisation: String
    public var issueDate: TokenDate

    public init(serial: String, printedName: String, courseCode: String, startDate: TokenDate, endDate: TokenDate,
                organisation: String, issueDate: TokenDate, language: String? = nil) {
        // Normalised once for the hash and the name carried: Foundation's normalisation is most of a token's cost but the signature.
        let normalized = CertificateToken.normalizedName(printedName)
        self.init(serial: serial, nameHash: CertificateToken.nameHash(normalized: normalized), courseCode: courseCode,
                  startDate: startDate, endDate: endDate, organisation: organisation, issueDate: issueDate)
        self.printedName = normalized
        self.language = language
    }

    init(serial: String, nameHash: Data, courseCode: String, startDate: TokenDate, endDate: TokenDate,
         organisation: String, issueDate: TokenDate) {
        self.serial = serial
        self.nameHash = nameHash
        self.courseCode = courseCode
        self.startDate = startDate
        self.endDate = endDate
        self.organisation = organisation
        self.issueDate = issueDate
    }

    /// The hash a version 1 token carries for a name, and that names are compared by.
    public static func nameHash(_ name: String) -> Data {
        nameHash(normalized: normalizedName(name))
    }

    private static func normalizedName(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func nameHash(normalized: String) -> Data {
        Data(SHA256.hash(data: Data(normalized.utf8)).prefix(16))
    }

    /// The token as text, signed with the organisation's key.
    public func signed(with key: SigningKey) throws -> String {
        let body = try encodedBody(keyID: key.id)
        let signature = try key.privateKey.signature(for: body)
        return CertificateToken.prefix + Base45.encode(body + signature)
    }

    /// A short code printed beside the serial, for checking by phone when the QR code cannot be read.
    public static func checkCode(of text: String) -> String {
        let digest = SHA256.hash(data: Data(text.utf8))
        let code = digest.prefix(5).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        // Eight letters of 5 bits, four, a hyphen and four, made as bytes: splitting the alphabet into Characters and
        // joining Strings cost more than the hash, once for every certificate drawn.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(9)
        for index in 0..<8 {
            if index == 4 { bytes.append(UInt8(ascii: "-")) }
            bytes.append(checkCodeAlphabet[Int((code >> (35 - 5 * UInt64(index))) & 31)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let checkCodeAlphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789".utf8)

    // MARK: Binary form

    /// version, key id (8), dates as days since 2000-01-01 (3 × 2), then serial, course, organisation,
    /// name and language each as a length byte and UTF-8. Version 1 had the name's hash (16) before the
    /// texts and neither name nor language; a token opened from version 1 is signed again as version 1.
    func encodedBody(keyID: Data) throws -> Data {
        let hashedName = printedName == nil
        var data = Data([hashedName ? CertificateToken.hashedNameVersion : CertificateToken.version])
        data.append(keyID.prefix(8))
        for date in [issueDate, startDate, endDate] {
            guard date.fitsToken else {
                throw VerificationError.data("The date \(date.iso) cannot be signed into a certificate token (from 2000 to 2179 only).")
            }
            data.append(UInt8(date.daysSince2000 >> 8))
            data.append(UInt8(date.daysSince2000 & 0xFF))
        }
        if hashedName { data.append(nameHash.prefix(16)) }
        let texts = hashedName ? [serial, courseCode, organisation] : [serial, courseCode, organisation, printedName ?? "", language ?? ""]
        for (index, text) in texts.enumerated() {
            let bytes = Data(text.utf8)
            // A name may be long (three given names in Cyrillic); the other texts are codes and names of organisations.
            guard bytes.count <= (index == 3 ? 160 : 80) else {
                throw VerificationError.data("“\(text)” is too long for a certificate token (\(index == 3 ? 160 : 80) bytes at most), so nothing was signed.",
                                             remedy: .shortenSignedText)
            }
            data.append(UInt8(bytes.count))
            data.append(bytes)
        }
        return data
    }
}

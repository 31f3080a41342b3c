import Crypto
import Foundation
import NameMatching

/// The signed statement printed as a QR code on a certificate, checkable offline with the issuer's public key.
///
/// It binds the serial, a hash of the name exactly as printed, the course, the
/// event's dates, the issuing organisation and the issue date, and is signed
/// with the organisation's Ed25519 key. As text it is `MLK1:` and Base45, so
/// that a QR code printed 25 mm wide still scans.
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
    static let version: UInt8 = 1

    public var serial: String
    /// The first 16 bytes of the SHA-256 of the printed name, in Unicode NFC.
    public var nameHash: Data
    public var courseCode: String
    public var startDate: DayDate
    public var endDate: DayDate
    public var organisation: String
    public var issueDate: DayDate

    public init(serial: String, printedName: String, courseCode: String, startDate: DayDate, endDate: DayDate,
                organisation: String, issueDate: DayDate) {
        self.init(serial: serial, nameHash: CertificateToken.nameHash(printedName), courseCode: courseCode,
                  startDate: startDate, endDate: endDate, organisation: organisation, issueDate: issueDate)
    }

    init(serial: String, nameHash: Data, courseCode: String, startDate: DayDate, endDate: DayDate,
         organisation: String, issueDate: DayDate) {
        self.serial = serial
        self.nameHash = nameHash
        self.courseCode = courseCode
        self.startDate = startDate
        self.endDate = endDate
        self.organisation = organisation
        self.issueDate = issueDate
    }

    /// The hash a token carries for a name, so the name itself is not in the QR code.
    public static func nameHash(_ name: String) -> Data {
        let normalized = name.precomposedStringWithCanonicalMapping.trimmingSpaces()
        return Data(SHA256.hash(data: Data(normalized.utf8)).prefix(16))
    }

    /// Whether a name, as read off the certificate or typed by a checker, is the one signed.
    ///
    /// Apostrophes count as one letter however they are written: a certificate signed for
    /// “Gʻaniyeva” (or, before names were standardised, for “G`aniyeva”) matches “G'aniyeva”,
    /// “G‘aniyeva” and “G’aniyeva” alike.
    public func matches(name: String) -> Bool {
        UzbekApostrophes.spellings(of: name).contains { CertificateToken.nameHash($0) == nameHash }
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
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        let code = digest.prefix(5).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let letters = (0..<8).map { alphabet[Int((code >> (35 - 5 * UInt64($0))) & 31)] }
        return String(letters[0..<4]) + "-" + String(letters[4..<8])
    }

    // MARK: Binary form

    /// version, key id (8), dates as days since 2000-01-01 (3 × 2), name hash (16), then
    /// serial, course and organisation each as a length byte and UTF-8.
    func encodedBody(keyID: Data) throws -> Data {
        var data = Data([CertificateToken.version])
        data.append(keyID.prefix(8))
        for date in [issueDate, startDate, endDate] {
            let days = date.dayNumber - CertificateToken.epoch
            guard (0...Int(UInt16.max)).contains(days) else {
                throw MalakaError.data("The date \(date.iso) cannot be signed into a certificate token (from 2000 to 2179 only).")
            }
            data.append(UInt8(days >> 8))
            data.append(UInt8(days & 0xFF))
        }
        data.append(nameHash.prefix(16))
        for text in [serial, courseCode, organisation] {
            let bytes = Data(text.utf8)
            guard bytes.count <= 80 else {
                throw MalakaError.data("“\(text)” is too long for a certificate token (80 bytes at most), so nothing was signed. Shorten the event's organiser, the course code or the organisation's serial format.")
            }
            data.append(UInt8(bytes.count))
            data.append(bytes)
        }
        return data
    }

    static let epoch = DayDate(year: 2000, month: 1, day: 1)!.dayNumber
}

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

extension CertificateToken {
    /// Reads a token's text; a malformed token is an error that says what is wrong with it.
    public static func open(_ text: String) throws -> OpenedToken {
        let trimmed = text.trimmingSpaces()
        guard trimmed.hasPrefix(prefix) else {
            throw MalakaError.data("This is not a Malaka certificate token: it does not start with \(prefix).")
        }
        guard let bytes = Base45.decode(String(trimmed.dropFirst(prefix.count))) else {
            throw MalakaError.data("The token is damaged: it holds characters or a length that Base45 does not allow.")
        }
        var reader = ByteReader(bytes)
        guard reader.byte() == version else {
            throw MalakaError.data("The token is of a version this malaka does not know.")
        }
        guard let keyID = reader.bytes(8) else { throw damaged }
        var dates: [DayDate] = []
        for _ in 0..<3 {
            guard let high = reader.byte(), let low = reader.byte() else { throw damaged }
            dates.append(DayDate(dayNumber: epoch + Int(high) << 8 + Int(low)))
        }
        guard let nameHash = reader.bytes(16) else { throw damaged }
        var texts: [String] = []
        for _ in 0..<3 {
            guard let count = reader.byte(), let raw = reader.bytes(Int(count)),
                  let text = String(data: raw, encoding: .utf8) else { throw damaged }
            texts.append(text)
        }
        let body = bytes.prefix(reader.offset)
        guard let signature = reader.bytes(64), reader.isAtEnd else { throw damaged }
        let token = CertificateToken(serial: texts[0], nameHash: nameHash, courseCode: texts[1], startDate: dates[1],
                                     endDate: dates[2], organisation: texts[2], issueDate: dates[0])
        return OpenedToken(token: token, keyID: keyID, body: Data(body), signature: signature)
    }

    private static var damaged: MalakaError {
        .data("The token is damaged: it is shorter or longer than its contents say.")
    }
}

private struct ByteReader {
    let data: [UInt8]
    var offset = 0

    init(_ data: Data) { self.data = [UInt8](data) }

    var isAtEnd: Bool { offset == data.count }

    mutating func byte() -> UInt8? {
        guard offset < data.count else { return nil }
        defer { offset += 1 }
        return data[offset]
    }

    mutating func bytes(_ count: Int) -> Data? {
        guard count >= 0, offset + count <= data.count else { return nil }
        defer { offset += count }
        return Data(data[offset..<offset + count])
    }
}

import Foundation

/// Decides whether a certificate stands, from its token and whatever the checker has:
/// the issuers' public keys, a signed revocation list, the programme's database.
///
/// With only the public keys it checks the signature and the content (the name
/// printed, when given). With a revocation list or the database it also knows
/// whether the certificate was revoked or superseded.
public struct CertificateVerifier: Sendable {
    /// What a check concluded, with the reasons a person can read.
    public struct Verdict: Sendable {
        public enum Status: String, Sendable, Codable {
            case valid, revoked, superseded, unknown, forged
        }

        public var status: Status
        public var reasons: [String]
        public var token: CertificateToken?
        public var signingKeyID: String?
    }

    /// What the programme's ledger says of a serial, when the database is at hand.
    public struct LedgerEntry: Sendable {
        public var status: String
        public var printedName: String
        public var courseCode: String
        public var issueDate: DayDate
        public var reason: String?
        public var replacedBy: String?

        public init(status: String, printedName: String, courseCode: String, issueDate: DayDate, reason: String?, replacedBy: String?) {
            self.status = status
            self.printedName = printedName
            self.courseCode = courseCode
            self.issueDate = issueDate
            self.reason = reason
            self.replacedBy = replacedBy
        }
    }

    public var publicKeys: [PublicSigningKey]
    public var revocations: RevocationList?
    public var ledger: (@Sendable (String) throws -> LedgerEntry?)?

    public init(publicKeys: [PublicSigningKey], revocations: RevocationList? = nil,
                ledger: (@Sendable (String) throws -> LedgerEntry?)? = nil) {
        self.publicKeys = publicKeys
        self.revocations = revocations
        self.ledger = ledger
    }

    /// Checks a token; `printedNames` are the lines read off the certificate, one of which must be the signed name.
    public func verify(token text: String, printedNames: [String]? = nil) throws -> Verdict {
        let opened: OpenedToken
        do {
            opened = try CertificateToken.open(text)
        } catch let error as MalakaError {
            return Verdict(status: .forged, reasons: [error.message], token: nil, signingKeyID: nil)
        }
        let token = opened.token
        let keyHex = opened.keyID.map { String(format: "%02x", $0) }.joined()
        guard let key = opened.isSigned(by: publicKeys) else {
            let known = publicKeys.contains { $0.id == opened.keyID }
            let reason = known
                ? "The signature does not match the certificate's contents: something on it was changed after it was signed."
                : "It was signed with key \(keyHex), which is not among the issuers' public keys given: it was not issued by them."
            return Verdict(status: .forged, reasons: [reason], token: token, signingKeyID: keyHex)
        }
        var reasons = ["Signed by key \(key.idHex) of \(token.organisation).",
                       "Serial \(token.serial), course \(token.courseCode), \(token.startDate.dotted)–\(token.endDate.dotted), issued \(token.issueDate.dotted)."]
        if let printedNames {
            guard printedNames.contains(where: token.matches(name:)) else {
                return Verdict(status: .forged, reasons: reasons + ["The name printed on it is not the name that was signed."],
                               token: token, signingKeyID: key.idHex)
            }
            reasons.append("The name printed on it is the one signed.")
        }
        if let revocations {
            let listKey = try revocations.verify(with: publicKeys)
            if let entry = revocations.entry(for: token.serial) {
                let status: Verdict.Status = entry.status == "superseded" ? .superseded : .revoked
                let detail = entry.replacedBy.map { " It was replaced by \($0)." } ?? (entry.reason.map { " Reason: \($0)." } ?? "")
                return Verdict(status: status, reasons: reasons + ["The issuer's revocation list of \(revocations.generated) (key \(listKey.idHex)) lists it as \(entry.status).\(detail)"],
                               token: token, signingKeyID: key.idHex)
            }
            reasons.append("It is not on the revocation list of \(revocations.generated).")
        }
        if let ledger {
            guard let entry = try ledger(token.serial) else {
                return Verdict(status: .unknown, reasons: reasons + ["The programme's database has no certificate \(token.serial)."],
                               token: token, signingKeyID: key.idHex)
            }
            guard token.matches(name: entry.printedName), entry.courseCode == token.courseCode, entry.issueDate == token.issueDate else {
                return Verdict(status: .forged, reasons: reasons + ["The database's certificate \(token.serial) is for another name, course or date."],
                               token: token, signingKeyID: key.idHex)
            }
            switch entry.status {
            case "revoked":
                return Verdict(status: .revoked, reasons: reasons + ["The database lists it as revoked: \(entry.reason ?? "no reason given")."],
                               token: token, signingKeyID: key.idHex)
            case "superseded":
                return Verdict(status: .superseded, reasons: reasons + ["The database lists it as superseded\(entry.replacedBy.map { " by \($0)" } ?? "")."],
                               token: token, signingKeyID: key.idHex)
            default:
                reasons.append("The programme's database holds it as valid.")
            }
        }
        return Verdict(status: .valid, reasons: reasons, token: token, signingKeyID: key.idHex)
    }
}

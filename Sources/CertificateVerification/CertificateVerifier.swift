import Foundation

/// Decides whether a certificate stands, from its token and whatever the checker has:
/// the issuers' public keys, a signed revocation list, the programme's database.
///
/// With only the public keys it checks the signature, the key's retirement, the dates and
/// the name printed, when known. With a revocation list or the database it also knows
/// whether the certificate was revoked or superseded. What it could not check is in
/// ``Verdict/unchecked``.
///
/// For example:
/// ```swift
/// let verdict = try CertificateVerifier(publicKeys: keys).verify(token: text, name: .typed("Gʻulomjon Oʻrinboyev"))
/// ```
public struct CertificateVerifier: Sendable {
    public var publicKeys: [PublicSigningKey]
    public var revocations: RevocationList?
    public var ledger: (@Sendable (String) throws -> LedgerEntry?)?
    /// The checker's day; a token issued later than the day after it is refused (a day's grace for time zones).
    public var today: TokenDate

    public init(publicKeys: [PublicSigningKey], revocations: RevocationList? = nil,
                ledger: (@Sendable (String) throws -> LedgerEntry?)? = nil, today: TokenDate = TokenDate(utcDayOf: Date())) {
        self.publicKeys = publicKeys
        self.revocations = revocations
        self.ledger = ledger
        self.today = today
    }

    /// Checks a token; `printedNames` are the lines read off the certificate, one of which must be the signed name.
    public func verify(token text: String, printedNames: [String]?) throws -> Verdict {
        try verify(token: text, name: printedNames.map(NameEvidence.printed) ?? .notGiven)
    }

    /// Checks a token against what is known of the name on the paper.
    public func verify(token text: String, name: NameEvidence = .notGiven) throws -> Verdict {
        let opened: OpenedToken
        do {
            opened = try CertificateToken.open(text)
        } catch let error as VerificationError {
            return Verdict(status: .forged, reasons: [error.message], token: nil, signingKeyID: nil)
        }
        let token = opened.token
        guard let key = opened.isSigned(by: publicKeys) else {
            let keyHex = opened.keyID.map { String(format: "%02x", $0) }.joined()
            let known = publicKeys.contains { $0.id == opened.keyID }
            let reason = known
                ? "The signature does not match the certificate's contents: something on it was changed after it was signed."
                : "It was signed with key \(keyHex), which is not among the issuers' public keys given: it was not issued by them."
            return Verdict(status: .forged, reasons: [reason], token: token, signingKeyID: keyHex)
        }
        let signer = key.siteCode.map { "site \($0) of \(token.organisation), certified by the programme's key" } ?? token.organisation
        var reasons = ["Signed by key \(key.idHex) of \(signer).",
                       "Serial \(token.serial), course \(token.courseCode), \(token.startDate.dotted)–\(token.endDate.dotted), issued \(token.issueDate.dotted)."]
        func verdict(_ status: Verdict.Status, _ reason: String? = nil, unchecked: [Verdict.Unchecked] = []) -> Verdict {
            Verdict(status: status, reasons: reasons + (reason.map { [$0] } ?? []), unchecked: unchecked, token: token, signingKeyID: key.idHex)
        }
        if let refusal = datingRefusal(of: token, key: key) { return verdict(.forged, refusal) }
        var unchecked: [Verdict.Unchecked] = []
        switch name {
        case .notGiven:
            unchecked.append(.name)
        case .uncertain(let why):
            reasons.append(why)
            unchecked.append(.name)
        case .typed(let typed):
            guard token.matches(name: typed) else { return verdict(.forged, "The name given is not the name that was signed.") }
            reasons.append("The name given is the one signed.")
        case .printed(let lines):
            guard lines.contains(where: token.matches(name:)) else {
                return verdict(.forged, "The name printed on it is not the name that was signed.")
            }
            reasons.append("The name printed on it is the one signed.")
        }
        if let revocations {
            let listKey = try revocations.verify(with: publicKeys)
            if let entry = revocations.entry(for: token.serial) {
                let status: Verdict.Status = entry.status == "superseded" ? .superseded : .revoked
                let detail = entry.replacedBy.map { " It was replaced by \($0)." } ?? (entry.reason.map { " Reason: \($0)." } ?? "")
                return verdict(status, "The issuer's revocation list of \(revocations.generated) (key \(listKey.idHex)) lists it as \(entry.status).\(detail)")
            }
            reasons.append("It is not on the revocation list of \(revocations.generated).")
        }
        var circumstances: [LedgerEntry.Circumstance] = []
        if let ledger {
            guard let entry = try ledger(token.serial) else {
                return verdict(.unknown, "The programme's database has no certificate \(token.serial).")
            }
            guard token.matches(name: entry.printedName), entry.courseCode == token.courseCode, entry.issueDate == token.issueDate else {
                return verdict(.forged, "The database's certificate \(token.serial) is for another name, course or date.")
            }
            switch entry.status {
            case "revoked":
                return verdict(.revoked, "The database lists it as revoked: \(entry.reason ?? "no reason given").")
            case "superseded":
                return verdict(.superseded, "The database lists it as superseded\(entry.replacedBy.map { " by \($0)" } ?? "").")
            default:
                reasons.append("The programme's database holds it as valid.")
                circumstances = entry.circumstances
                reasons += circumstances.map(\.sentence)
            }
        }
        if revocations == nil && ledger == nil { unchecked.append(.revocation) }
        var valid = verdict(.valid, unchecked: unchecked)
        valid.circumstances = circumstances
        return valid
    }

    /// Why the token's dates cannot be true of a genuine certificate, or nil when they can.
    private func datingRefusal(of token: CertificateToken, key: PublicSigningKey) -> String? {
        if let retired = key.retiredOn, token.issueDate > retired {
            let ended = key.siteCode.map { "site \($0)'s key \(key.idHex) was revoked from \(TokenDate(daysSince2000: retired.daysSince2000 + 1).dotted)" }
                ?? "key \(key.idHex) was retired on \(retired.dotted)"
            return "It is dated \(token.issueDate.dotted), but \(ended) and signed nothing after that: it was not issued while the key was in use."
        }
        if let from = key.validFrom, token.issueDate < from {
            return "It is dated \(token.issueDate.dotted), but site \(key.siteCode ?? "?")'s key \(key.idHex) was certified to sign only from \(from.dotted): it was not issued while the key was in use."
        }
        if token.issueDate.daysSince2000 > today.daysSince2000 + 1 {
            return "It is dated \(token.issueDate.dotted), after today (\(today.dotted)): no genuine certificate is issued in the future."
        }
        return nil
    }
}

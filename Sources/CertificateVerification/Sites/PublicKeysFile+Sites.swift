import Foundation

extension PublicKeysFile {
    /// Every key a checker may trust, from the programme's keys alone: the programme's own keys, then each
    /// certified site key whose certificate the programme signed, refused from the day it was revoked.
    ///
    /// A site certificate or revocation that does not verify makes the whole file untrusted: the file was
    /// altered, and a checker must not quietly drop or keep an entry.
    public func trustedKeys(source: String = "the public keys file") throws -> [PublicSigningKey] {
        let programmeKeys = try publicKeys(source: source)
        return programmeKeys + (try SiteKeyTrust(certificates: sites, revocations: siteRevocations)
            .siteKeys(programmeKeys: programmeKeys, source: source))
    }
}

/// Works out which site keys the programme's keys vouch for, and until when.
public struct SiteKeyTrust: Sendable {
    public var certificates: [SiteCertificate]
    public var revocations: [SiteKeyRevocation]

    public init(certificates: [SiteCertificate], revocations: [SiteKeyRevocation]) {
        self.certificates = certificates
        self.revocations = revocations
    }

    /// The certified site keys, each valid from its certificate's day and until the day before its revocation.
    public func siteKeys(programmeKeys: [PublicSigningKey], source: String = "the public keys file") throws -> [PublicSigningKey] {
        var firstRefused: [String: TokenDate] = [:]
        for (index, revocation) in revocations.enumerated() {
            do {
                try revocation.verify(with: programmeKeys)
                let day = try revocation.firstRefusedDay()
                firstRefused[revocation.keyID] = min(day, firstRefused[revocation.keyID] ?? day)
            } catch let error as VerificationError {
                throw VerificationError.data("\(source), field siteRevocations[\(index + 1)]: \(error.message)", remedy: error.remedy)
            }
        }
        return try certificates.enumerated().map { index, certificate in
            do {
                _ = try certificate.verify(with: programmeKeys)
                var key = try certificate.siteKey()
                if let refused = firstRefused[key.idHex] {
                    key.retiredOn = TokenDate(daysSince2000: refused.daysSince2000 - 1)
                }
                return key
            } catch let error as VerificationError {
                throw VerificationError.data("\(source), field sites[\(index + 1)]: \(error.message)", remedy: error.remedy)
            }
        }
    }
}

extension PublicKeysFile {
    /// The keys as the verification page lists them: the programme's own, then each certified site key with
    /// its revocation as the day it was retired, so that the page refuses what a revoked site key signed later.
    public func pageEntries() throws -> [Entry] {
        let programmeKeys = try publicKeys()
        let organisation = keys.first?.organisation ?? "default"
        let siteKeys = try SiteKeyTrust(certificates: sites, revocations: siteRevocations).siteKeys(programmeKeys: programmeKeys)
        return keys + siteKeys.map { key in
            Entry(keyID: key.idHex, organisation: "\(organisation) (site \(key.siteCode ?? "?"))", publicKey: key.base64,
                  createdAt: key.validFrom?.startInUTC ?? Date(timeIntervalSince1970: 0), retiredAt: key.retiredOn?.startInUTC)
        }
    }
}

extension TokenDate {
    /// Midnight UTC at the start of the day.
    var startInUTC: Date { Date(timeIntervalSince1970: 946_684_800 + Double(daysSince2000) * 86_400) }
}

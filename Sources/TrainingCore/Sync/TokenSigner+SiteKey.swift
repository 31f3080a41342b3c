import CertificateVerification
import Foundation
import GRDB

extension TokenSigner {
    /// The key of a database that issues as a site: it signs only once the programme has certified it, and
    /// never after the programme revoked it, so that everything it signs verifies with the programme's key.
    static func siteKey(_ site: SiteSigningKeyRecord, _ db: Database) throws -> SigningKey {
        let trusted = try AppDatabase.publicKeysFile(db).trustedKeys(source: "this database")
        guard let certified = trusted.first(where: { $0.idHex == site.keyID }) else {
            throw MalakaError(.data, .uncertifiedSiteKey, "This database issues as site \(site.siteCode), but the programme has not certified its key \(site.keyID) here yet, so a certificate it signed would not verify with the programme's key. Nothing was issued.",
                              remedy: .certifySiteKey(site: site.siteCode))
        }
        if let retired = certified.retiredOn, DayDate.today.tokenDate > retired {
            throw MalakaError(.data, .uncertifiedSiteKey, "The programme revoked site \(site.siteCode)'s key \(site.keyID) from \(TokenDate(daysSince2000: retired.daysSince2000 + 1).dotted). Nothing was issued.",
                              remedy: .generateSiteKey)
        }
        do {
            return try SigningKey(contentsOf: site.privateKeyPath)
        } catch let error as VerificationError {
            throw MalakaError(error.kind == .io ? .io : .data, .unusableSigningKey, """
                Certificates of site \(site.siteCode) are signed with key \(site.keyID), but its private key cannot be used: \(error.message) \
                Nothing was issued.
                """, remedy: .generateSiteKey)
        }
    }
}

import Foundation
import Testing
@testable import CertificateVerification

/// Site keys certified by the programme's key: a checker holding the programme's public keys file alone
/// trusts what a certified site signs, and a revoked site key's certificates from before the revocation.
@Suite struct SiteCertificateTests {
    let programme = SigningKey.generate()
    let site = SigningKey.generate()
    let certified = TokenDate(year: 2026, month: 1, day: 10)!

    func token(serial: String = "UZ-2026-URG1-000007", issued: TokenDate) -> CertificateToken {
        CertificateToken(serial: serial, printedName: "Gʻulomjon Oʻrinboyev", courseCode: "PS-PARENTING",
                         startDate: TokenDate(year: 2026, month: 3, day: 2)!, endDate: TokenDate(year: 2026, month: 3, day: 5)!,
                         organisation: "UNICEF", issueDate: issued)
    }

    func file(revokedFrom: TokenDate? = nil) throws -> PublicKeysFile {
        let certificate = try SiteCertificate(siteCode: "XO-URG1", programme: "UNICEF", siteKey: site.publicKey,
                                              notBefore: certified, programmeKey: programme)
        let revocations = try revokedFrom.map {
            [try SiteKeyRevocation(siteCode: "XO-URG1", siteKey: site.publicKey, revokedFrom: $0, programmeKey: programme)]
        } ?? []
        let entry = PublicKeysFile.Entry(keyID: programme.publicKey.idHex, organisation: "UNICEF", publicKey: programme.publicKey.base64,
                                         createdAt: Date(timeIntervalSince1970: 1_700_000_000), retiredAt: nil)
        return PublicKeysFile(keys: [entry], sites: [certificate], siteRevocations: revocations)
    }

    /// The file as a checker reads it: written out and read back.
    func trusted(_ file: PublicKeysFile) throws -> [PublicSigningKey] {
        try PublicKeysFile.decode(file.encoded(), source: "keys.json").trustedKeys(source: "keys.json")
    }

    @Test func aTokenSignedByACertifiedSiteKeyVerifiesWithTheProgrammeKeyAlone() throws {
        let keys = try trusted(file())
        let verdict = try CertificateVerifier(publicKeys: keys).verify(token: token(issued: TokenDate(year: 2026, month: 3, day: 5)!).signed(with: site))
        #expect(verdict.status == .valid, "\(verdict.reasons)")
        #expect(verdict.reasons.joined(separator: " ").contains("site XO-URG1"))
    }

    @Test func aSiteKeyWithoutItsCertificateIsNotTrusted() throws {
        var bare = try file()
        bare.sites = []
        let verdict = try CertificateVerifier(publicKeys: try trusted(bare)).verify(token: token(issued: TokenDate(year: 2026, month: 3, day: 5)!).signed(with: site))
        #expect(verdict.status == .forged)
    }

    @Test func aSiteCertificateSignedByAnotherKeyOrAlteredMakesTheFileUntrusted() throws {
        var forged = try file()
        forged.sites[0] = try SiteCertificate(siteCode: "XO-URG1", programme: "UNICEF", siteKey: site.publicKey, notBefore: certified,
                                              programmeKey: SigningKey.generate())
        #expect(throws: VerificationError.self) { try trusted(forged) }

        var altered = try file()
        altered.sites[0].publicKey = SigningKey.generate().publicKey.base64
        let error = try #require(throws: VerificationError.self) { try trusted(altered) }
        #expect(error.message.contains("sites[1]") && error.message.contains("altered"), "\(error)")

        var moved = try file()
        moved.sites[0].siteCode = "SA-SAM1"
        #expect(throws: VerificationError.self) { try trusted(moved) }
    }

    @Test func aRevokedSiteKeyStillVerifiesWhatItSignedBeforeTheRevocationDay() throws {
        let keys = try trusted(file(revokedFrom: TokenDate(year: 2026, month: 6, day: 1)!))
        let verifier = CertificateVerifier(publicKeys: keys)
        let before = try verifier.verify(token: token(issued: TokenDate(year: 2026, month: 5, day: 31)!).signed(with: site))
        #expect(before.status == .valid, "\(before.reasons)")
        let onTheDay = try verifier.verify(token: token(issued: TokenDate(year: 2026, month: 6, day: 1)!).signed(with: site))
        #expect(onTheDay.status == .forged)
        #expect(onTheDay.reasons.joined(separator: " ").contains("revoked from 01.06.2026"), "\(onTheDay.reasons)")
    }

    @Test func anAlteredRevocationIsRefusedRatherThanDropped() throws {
        var file = try file(revokedFrom: TokenDate(year: 2026, month: 6, day: 1)!)
        file.siteRevocations[0].revokedFrom = "2027-01-01"
        let error = try #require(throws: VerificationError.self) { try trusted(file) }
        #expect(error.message.contains("siteRevocations[1]"), "\(error)")
    }

    @Test func aTokenDatedBeforeTheSiteWasCertifiedIsRefused() throws {
        let verdict = try CertificateVerifier(publicKeys: try trusted(file()))
            .verify(token: token(issued: TokenDate(year: 2026, month: 1, day: 9)!).signed(with: site))
        #expect(verdict.status == .forged)
        #expect(verdict.reasons.joined(separator: " ").contains("only from 10.01.2026"), "\(verdict.reasons)")
    }

    @Test func aSiteKeyCannotCertifyAnotherSite() throws {
        // A site key is trusted for tokens, never as a programme key: what it signs as a certificate is refused.
        var file = try file()
        let rogue = SigningKey.generate()
        file.sites.append(try SiteCertificate(siteCode: "TK-ROGUE", programme: "UNICEF", siteKey: rogue.publicKey, notBefore: certified,
                                              programmeKey: site))
        #expect(throws: VerificationError.self) { try trusted(file) }
    }

    @Test func siteCodesAreChecked() throws {
        #expect(SiteCertificate.isSiteCode("XO-URG1"))
        #expect(!SiteCertificate.isSiteCode("xo-urg1"))
        #expect(!SiteCertificate.isSiteCode("XO-URGENCH01"))
        #expect(throws: VerificationError.self) {
            try SiteCertificate(siteCode: "Urgench", programme: "UNICEF", siteKey: site.publicKey, notBefore: certified, programmeKey: programme)
        }
    }

    @Test func aPublicKeysFileWrittenBeforeSitesStillReads() throws {
        let old = Data("""
            {"format": "malaka-public-keys-1", "keys": [{"keyID": "\(programme.publicKey.idHex)", "organisation": "UNICEF",
             "publicKey": "\(programme.publicKey.base64)", "createdAt": "2019-01-01T00:00:00Z"}]}
            """.utf8)
        let keys = try PublicKeysFile.decode(old, source: "old.json").trustedKeys()
        #expect(keys == [programme.publicKey])
    }

    @Test func aPEMPublicKeyRoundTripsAndNothingElseReadsAsOne() throws {
        let read = try PublicSigningKey(pem: site.publicKey.pem)
        #expect(read == site.publicKey)
        #expect(site.publicKey.pem.hasPrefix("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA"))
        #expect(throws: VerificationError.self) { try PublicSigningKey(pem: "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n") }
        #expect(throws: VerificationError.self) { try PublicSigningKey(pem: site.publicKey.base64) }
    }
}

extension SiteCertificateTests {
    @Test func theVerificationPageListsCertifiedSiteKeysWithTheirRevocationDay() throws {
        let entries = try file(revokedFrom: TokenDate(year: 2026, month: 6, day: 1)!).pageEntries()
        #expect(entries.count == 2)
        let siteEntry = try #require(entries.first { $0.keyID == site.publicKey.idHex })
        #expect(siteEntry.organisation == "UNICEF (site XO-URG1)")
        #expect(siteEntry.retiredAt.map { TokenDate(utcDayOf: $0) } == TokenDate(year: 2026, month: 5, day: 31)!)
        let html = try VerifierPage(keys: entries, revocations: nil, courseTitles: [:]).html()
        #expect(html.contains(site.publicKey.base64))
    }
}

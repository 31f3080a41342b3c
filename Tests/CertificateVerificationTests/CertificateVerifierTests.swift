import Foundation
import Testing
@testable import CertificateVerification

@Suite struct CertificateVerifierTests {
    let key = SigningKey.generate()
    let name = "Айгүл Өмүрбекова"
    var token: CertificateToken {
        CertificateToken(serial: "KG-2019-000007", printedName: name, courseCode: "CR-MONITORING",
                         startDate: TokenDate(year: 2019, month: 9, day: 16)!, endDate: TokenDate(year: 2019, month: 9, day: 20)!,
                         organisation: "default", issueDate: TokenDate(year: 2019, month: 9, day: 20)!)
    }

    @Test func aGenuineCertificateVerifiesOfflineWithThePublicKeyOnly() throws {
        let verdict = try CertificateVerifier(publicKeys: [key.publicKey]).verify(token: token.signed(with: key), printedNames: ["Certificate", name])
        #expect(verdict.status == .valid)
        #expect(verdict.token?.serial == "KG-2019-000007")
    }

    @Test func aChangedNameIsForged() throws {
        let verdict = try CertificateVerifier(publicKeys: [key.publicKey]).verify(token: token.signed(with: key), printedNames: ["Айгул Омурбекова"])
        #expect(verdict.status == .forged)
    }

    @Test func anotherKeyIsForged() throws {
        let verdict = try CertificateVerifier(publicKeys: [key.publicKey]).verify(token: token.signed(with: SigningKey.generate()))
        #expect(verdict.status == .forged)
        #expect(verdict.reasons.joined().contains("not among the issuers' public keys"))
    }

    @Test func aSignedRevocationListMarksRevokedAndSuperseded() throws {
        let list = try RevocationList(entries: [
            .init(serial: "KG-2019-000007", status: "revoked", reason: "issued in error", replacedBy: nil),
            .init(serial: "KG-2019-000003", status: "superseded", reason: nil, replacedBy: "KG-2019-000009"),
        ], generated: TokenDate(year: 2019, month: 12, day: 1)!, key: key)
        let verifier = CertificateVerifier(publicKeys: [key.publicKey], revocations: list)
        #expect(try verifier.verify(token: token.signed(with: key)).status == .revoked)
        var replaced = token
        replaced.serial = "KG-2019-000003"
        #expect(try verifier.verify(token: replaced.signed(with: key)).status == .superseded)
        var fine = token
        fine.serial = "KG-2019-000008"
        #expect(try verifier.verify(token: fine.signed(with: key)).status == .valid)
    }

    @Test func anAlteredRevocationListIsRefused() throws {
        var list = try RevocationList(entries: [.init(serial: "KG-2019-000007", status: "revoked", reason: "error", replacedBy: nil)],
                                      generated: TokenDate(year: 2019, month: 12, day: 1)!, key: key)
        list.entries.removeAll()
        #expect(throws: VerificationError.self) { try list.verify(with: [key.publicKey]) }
        let verifier = CertificateVerifier(publicKeys: [key.publicKey], revocations: list)
        #expect(throws: VerificationError.self) { try verifier.verify(token: token.signed(with: key)) }
    }

    @Test func theLedgerKnowsUnknownRevokedAndSuperseded() throws {
        let text = try token.signed(with: key)
        let unknown = CertificateVerifier(publicKeys: [key.publicKey], ledger: { _ in nil })
        #expect(try unknown.verify(token: text).status == .unknown)
        let revoked = CertificateVerifier(publicKeys: [key.publicKey], ledger: { [name] _ in
            .init(status: "revoked", printedName: name, courseCode: "CR-MONITORING",
                  issueDate: TokenDate(year: 2019, month: 9, day: 20)!, reason: "duplicate", replacedBy: nil)
        })
        #expect(try revoked.verify(token: text).status == .revoked)
        let valid = CertificateVerifier(publicKeys: [key.publicKey], ledger: { [name] _ in
            .init(status: "valid", printedName: name, courseCode: "CR-MONITORING",
                  issueDate: TokenDate(year: 2019, month: 9, day: 20)!, reason: nil, replacedBy: nil)
        })
        #expect(try valid.verify(token: text).status == .valid)
    }
}

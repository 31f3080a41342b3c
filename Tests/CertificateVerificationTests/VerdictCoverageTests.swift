import Foundation
import Testing
@testable import CertificateVerification

/// What a verdict says it did not check, and the dates a genuine token cannot have.
@Suite struct VerdictCoverageTests {
    let key = SigningKey.generate()
    let issued = TokenDate(year: 2019, month: 4, day: 1)!
    var token: CertificateToken {
        CertificateToken(serial: "UZ-2019-000001", printedName: "Lola Ismoilova", courseCode: "PS-PARENTING",
                         startDate: TokenDate(year: 2019, month: 3, day: 25)!, endDate: TokenDate(year: 2019, month: 3, day: 28)!,
                         organisation: "default", issueDate: issued, language: "en")
    }

    @Test func withoutANameOrAListTheVerdictSaysNeitherWasChecked() throws {
        let verdict = try CertificateVerifier(publicKeys: [key.publicKey]).verify(token: token.signed(with: key))
        #expect(verdict.status == .valid)
        #expect(verdict.unchecked == [.name, .revocation])
    }

    @Test func aNameReadWithoutCertaintyIsNotChecked() throws {
        let list = try RevocationList(entries: [], generated: issued, key: key)
        let verdict = try CertificateVerifier(publicKeys: [key.publicKey], revocations: list)
            .verify(token: token.signed(with: key), name: .uncertain("Text is printed over other text."))
        #expect(verdict.status == .valid && verdict.unchecked == [.name])
        #expect(verdict.reasons.contains("Text is printed over other text."))
    }

    @Test func aTwoLineNameMatchesAsTheLinesTogether() throws {
        let verdict = try CertificateVerifier(publicKeys: [key.publicKey])
            .verify(token: token.signed(with: key), name: .printed(["Lola", "Ismoilova", "Lola Ismoilova"]))
        #expect(verdict.status == .valid && verdict.unchecked == [.revocation])
    }

    @Test func aTokenDatedAfterItsKeyRetiredIsRefused() throws {
        var retired = key.publicKey
        retired.retiredOn = TokenDate(year: 2019, month: 3, day: 31)!
        let verdict = try CertificateVerifier(publicKeys: [retired]).verify(token: token.signed(with: key))
        #expect(verdict.status == .forged)
        #expect(verdict.reasons.last?.contains("retired on 31.03.2019") == true)
        retired.retiredOn = issued
        #expect(try CertificateVerifier(publicKeys: [retired]).verify(token: token.signed(with: key)).status == .valid)
    }

    @Test func aTokenDatedInTheFutureIsRefused() throws {
        let verifier = CertificateVerifier(publicKeys: [key.publicKey], today: TokenDate(year: 2019, month: 3, day: 30)!)
        let verdict = try verifier.verify(token: token.signed(with: key))
        #expect(verdict.status == .forged && verdict.reasons.last?.contains("after today") == true)
        // A day's grace, for a checker whose day has not yet begun where the certificate was issued.
        let nextDay = CertificateVerifier(publicKeys: [key.publicKey], today: TokenDate(year: 2019, month: 3, day: 31)!)
        #expect(try nextDay.verify(token: token.signed(with: key)).status == .valid)
    }

    @Test func aVersionOneTokenStillOpensAndMatchesItsName() throws {
        // Signed before tokens carried the name: the hash, and no name or language.
        var old = CertificateToken(serial: "UZ-2019-000001", nameHash: CertificateToken.nameHash("Lola Ismoilova"), courseCode: "PS-PARENTING",
                                   startDate: issued, endDate: issued, organisation: "default", issueDate: issued)
        old.printedName = nil
        let text = try old.signed(with: key)
        let opened = try CertificateToken.open(text)
        #expect(opened.token.printedName == nil && opened.token.matches(name: "Lola Ismoilova"))
        #expect(try CertificateVerifier(publicKeys: [key.publicKey]).verify(token: text, name: .typed("Lola Ismoilova")).status == .valid)
    }

    @Test func theTokenCarriesTheNameAndLanguage() throws {
        let opened = try CertificateToken.open(token.signed(with: key))
        #expect(opened.token.printedName == "Lola Ismoilova" && opened.token.language == "en")
    }
}

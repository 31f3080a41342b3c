import Foundation
import Testing
@testable import CertificateVerification

@Suite struct VerifierPageTests {
    let key = SigningKey.generate()

    var entry: PublicKeysFile.Entry {
        PublicKeysFile.Entry(keyID: key.publicKey.idHex, organisation: "default", publicKey: key.publicKey.base64,
                             createdAt: Date(timeIntervalSince1970: 1_554_076_800), retiredAt: nil)
    }

    @Test func thePageCarriesKeysListAndTitlesAndNothingThatEndsItsScript() throws {
        let list = try RevocationList(entries: [.init(serial: "UZ-2019-000002", status: "revoked", reason: "</script><b>", replacedBy: nil)],
                                      generated: TokenDate(year: 2019, month: 12, day: 1)!, key: key)
        let html = try VerifierPage(keys: [entry], revocations: list, courseTitles: ["PS-PARENTING": ["en": "Parenting skills"]]).html()
        #expect(html.contains(key.publicKey.base64))
        #expect(html.contains("\"generated\":\"2019-12-01\""))
        #expect(html.contains("Parenting skills"))
        #expect(!html.contains("</script><b>"))
        #expect(!html.contains("/*MALAKA-DATA*/"))
        // Nothing is loaded from elsewhere.
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("@import"))
        #expect(html.utf8.count < 200 * 1024)
    }

    @Test func aListThatDoesNotVerifyIsNeverPutInAPage() throws {
        var list = try RevocationList(entries: [.init(serial: "UZ-2019-000002", status: "revoked", reason: nil, replacedBy: nil)],
                                      generated: TokenDate(year: 2019, month: 12, day: 1)!, key: key)
        list.entries.removeAll()
        #expect(throws: VerificationError.self) { try VerifierPage(keys: [entry], revocations: list, courseTitles: [:]).html() }
    }
}

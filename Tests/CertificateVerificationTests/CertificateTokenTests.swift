import Foundation
import Testing
@testable import CertificateVerification

@Suite struct CertificateTokenTests {
    let key = SigningKey.generate()
    let token = CertificateToken(
        serial: "UZ-2019-000042", printedName: "Gʻulomjon Oʻrinboyev", courseCode: "PS-PARENTING",
        startDate: TokenDate(year: 2019, month: 3, day: 25)!, endDate: TokenDate(year: 2019, month: 3, day: 28)!,
        organisation: "Oila va xotin-qizlar qoʻmitasi", issueDate: TokenDate(year: 2019, month: 4, day: 2)!)

    @Test func aSignedTokenOpensWithItsClaimsAndVerifies() throws {
        let text = try token.signed(with: key)
        #expect(text.hasPrefix("MLK1:"))
        #expect(text.unicodeScalars.allSatisfy { "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".unicodeScalars.contains($0) })
        let opened = try CertificateToken.open(text)
        #expect(opened.token == token)
        #expect(opened.isSigned(by: [key.publicKey]) == key.publicKey)
        #expect(opened.token.matches(name: "Gʻulomjon Oʻrinboyev"))
        #expect(!opened.token.matches(name: "Gulomjon Orinboyev"))
    }

    @Test func itFitsAQRCodeThatScansAt25Millimetres() throws {
        // Version 10 at level M holds 311 alphanumeric characters: 57 modules, 0.44 mm each at 25 mm.
        #expect(try token.signed(with: key).count <= 311)
    }

    @Test func changingAnyCharacterBreaksIt() throws {
        let text = try token.signed(with: key)
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
        var characters = Array(text)
        for index in CertificateToken.prefix.count..<characters.count {
            let original = characters[index]
            characters[index] = alphabet[(alphabet.firstIndex(of: original)! + 1) % alphabet.count]
            let forged = String(characters)
            let verified = (try? CertificateToken.open(forged))?.isSigned(by: [key.publicKey]) != nil
            #expect(!verified, "changing character \(index) went unnoticed")
            characters[index] = original
        }
    }

    @Test func aTokenSignedWithAnotherKeyFails() throws {
        let other = SigningKey.generate()
        let opened = try CertificateToken.open(token.signed(with: other))
        #expect(opened.isSigned(by: [key.publicKey]) == nil)
        #expect(opened.isSigned(by: [key.publicKey, other.publicKey]) == other.publicKey)
    }

    @Test func malformedTokensAreRefusedWithAReason() {
        for text in ["", "MLK1:", "MLK1:!!!", "MLK2:ABC", "hello", "MLK1:AB", "MLK1:" + String(repeating: "A", count: 30)] {
            #expect(throws: VerificationError.self) { try CertificateToken.open(text) }
        }
    }

    @Test func checkCodesAreShortAndStable() throws {
        let text = try token.signed(with: key)
        let code = CertificateToken.checkCode(of: text)
        #expect(code.count == 9)
        #expect(code == CertificateToken.checkCode(of: text))
    }

    @Test func theKeyFileIsOwnerOnlyAndReadsBack() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("key-\(UUID()).key").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try key.write(to: path)
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        #expect(try SigningKey(contentsOf: path).publicKey == key.publicKey)
        #expect(throws: VerificationError.self) { try key.write(to: path) }
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(throws: VerificationError.self) { try SigningKey(contentsOf: path) }
    }

    @Test func base45RoundTrips() {
        for length in 0..<40 {
            let data = Data((0..<length).map { UInt8(($0 * 37 + length) % 256) })
            #expect(Base45.decode(Base45.encode(data)) == data)
        }
        #expect(Base45.encode(Data("AB".utf8)) == "BB8")
        #expect(Base45.encode(Data("Hello!!".utf8)) == "%69 VD92EX0")
        #expect(Base45.decode("GGW") == nil) // 65535 + 1
    }
}

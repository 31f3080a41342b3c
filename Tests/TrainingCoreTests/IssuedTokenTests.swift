import Foundation
import GRDB
import Testing
@testable import TrainingCore

/// Tokens as issuing makes them: signed in the issuing transaction, kept in the ledger, and
/// checkable offline with nothing but the exported public key and the name printed.
@Suite struct IssuedTokenTests {
    typealias Training = CertificateLedgerTests.Training

    /// What an offline checker holds: the public keys as exported, read back from their Base64.
    static func exportedKeys(of database: AppDatabase) throws -> [PublicSigningKey] {
        try database.signingKeys().map { try PublicSigningKey(base64: $0.publicKey) }
    }

    @Test func anIssuedCertificateVerifiesOfflineWithTheExportedKeyAndThePrintedName() throws {
        let training = try Training()
        let issued = try training.issue()
        let aziza = try #require(issued.first { $0.certificate.printedName == "Aziza Karimova" })
        let token = try #require(aziza.certificate.token)
        // What produce saw is what the ledger keeps, and what the QR code prints
        #expect(aziza.content.token == token)
        #expect(try training.database.token(serial: aziza.certificate.serial) == token)

        let offline = CertificateVerifier(publicKeys: try Self.exportedKeys(of: training.database))
        let verdict = try offline.verify(token: token, printedNames: ["SERTIFIKAT", "Aziza Karimova"])
        #expect(verdict.status == .valid, "\(verdict.reasons)")
        #expect(verdict.token?.serial == aziza.certificate.serial)
        #expect(verdict.token?.courseCode == "PS-PARENTING")
        #expect(verdict.token?.startDate == Fixtures.day("2019-03-25"))
        #expect(verdict.token?.endDate == Fixtures.day("2019-03-28"))
        #expect(verdict.token?.issueDate == Fixtures.day("2019-04-01"))
        #expect(verdict.token?.organisation == "default")
    }

    @Test func changingAByteOfTheTokenTheNameOrTheSerialFails() throws {
        let training = try Training()
        let certificate = try #require(try training.issue().first?.certificate)
        let token = try #require(certificate.token)
        let offline = CertificateVerifier(publicKeys: try Self.exportedKeys(of: training.database))

        // A byte of the token: at the start of the body, in the middle, in the signature
        let characters = Array(token)
        for index in [CertificateToken.prefix.count + 1, characters.count / 2, characters.count - 2] {
            var changed = characters
            changed[index] = changed[index] == "A" ? "B" : "A"
            #expect(try offline.verify(token: String(changed), printedNames: [certificate.printedName]).status == .forged, "index \(index)")
        }
        // The name printed
        #expect(try offline.verify(token: token, printedNames: ["Aziza Karimovna"]).status == .forged)
        // The serial, rewritten inside the signed bytes
        let bytes = try #require(Base45.decode(String(token.dropFirst(CertificateToken.prefix.count))))
        let serial = Data(certificate.serial.utf8)
        let range = try #require(bytes.range(of: serial))
        var rewritten = bytes
        rewritten.replaceSubrange(range, with: Data(certificate.serial.dropLast().appending("9").utf8))
        let forgedSerial = CertificateToken.prefix + Base45.encode(rewritten)
        let verdict = try offline.verify(token: forgedSerial, printedNames: [certificate.printedName])
        #expect(verdict.status == .forged)
        #expect(verdict.token?.serial.hasSuffix("9") == true)
    }

    @Test func anotherOrganisationsKeyDoesNotVerifyIt() throws {
        let training = try Training()
        let token = try #require(try training.issue().first?.certificate.token)
        let verdict = try CertificateVerifier(publicKeys: [SigningKey.generate().publicKey]).verify(token: token)
        #expect(verdict.status == .forged)
    }

    @Test func revokedAndSupersededAreReportedWithTheDatabase() throws {
        let training = try Training()
        let issued = try training.issue().map(\.certificate)
        try training.database.revokeCertificate(serial: issued[0].serial, reason: "Issued to the wrong person")
        let replacement = try training.database.reissueCertificate(
            serial: issued[1].serial, issueDate: Fixtures.day("2019-06-10"), keys: .existingOnly, digest: Training.digest) { _ in nil }
        let database = training.database
        let checker = CertificateVerifier(publicKeys: try Self.exportedKeys(of: database), ledger: { try database.ledgerEntry(serial: $0) })

        let revoked = try checker.verify(token: #require(issued[0].token))
        #expect(revoked.status == .revoked)
        #expect(revoked.reasons.joined(separator: " ").contains("Issued to the wrong person"))
        let superseded = try checker.verify(token: #require(issued[1].token))
        #expect(superseded.status == .superseded)
        #expect(superseded.reasons.joined(separator: " ").contains(replacement.certificate.serial))
        // The re-issue has a token of its own, with its own serial and date
        let newToken = try #require(replacement.certificate.token)
        #expect(newToken != issued[1].token)
        #expect(try checker.verify(token: newToken).status == .valid)
        #expect(try database.token(serial: replacement.certificate.serial) == newToken)
        #expect(try CertificateToken.open(newToken).token.issueDate == Fixtures.day("2019-06-10"))
        #expect(try checker.verify(token: #require(issued[2].token)).status == .valid)
    }

    @Test func issuingAgainPrintsTheSameTokenAndMakesNoNewKey() throws {
        let training = try Training()
        let first = try training.issue().map(\.certificate)
        let again = try training.issue(issueDate: "2019-05-01").map(\.certificate)
        #expect(again.map(\.token) == first.map(\.token))
        #expect(first.allSatisfy { $0.token != nil })
        #expect(try training.database.signingKeys().count == 1)
    }

    @Test func theFirstKeyIsMadeOwnerOnlyAndRecorded() throws {
        let training = try Training()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("malaka-test-keys-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let totals = try training.database.issueCertificates(
            try training.plan(), keys: IssuingKeys(newKeyDirectory: folder), digest: Training.digest) { $0.map { _ in nil } }

        let created = try #require(totals.createdKey)
        #expect(created.organisation == "default")
        #expect(created.privateKeyPath.hasPrefix(folder.standardizedFileURL.path + "/default-"))
        let file = try FileManager.default.attributesOfItem(atPath: created.privateKeyPath)
        #expect((file[.posixPermissions] as? Int) == 0o600)
        let directory = try FileManager.default.attributesOfItem(atPath: folder.path)
        #expect((directory[.posixPermissions] as? Int) == 0o700)
        #expect(try training.database.signingKeys() == [created])
        // It is the key that signed
        let token = try #require(try training.database.certificates().first?.token)
        #expect(try CertificateToken.open(token).isSigned(by: [SigningKey(contentsOf: created.privateKeyPath).publicKey]) != nil)
    }

    @Test func withoutAKeyOrAFolderForOneNothingIsIssued() throws {
        let training = try Training()
        #expect {
            try training.database.issueCertificates(try training.plan(), keys: .existingOnly, digest: Training.digest) { $0.map { _ in nil } }
        } throws: { error in
            (error as? MalakaError)?.kind == .data && (error as? MalakaError)?.remedy == .generateKey(organisation: "default")
        }
        #expect(try training.database.certificates().isEmpty)
        #expect(try training.database.signingKeys().isEmpty)
    }

    @Test func aFailedRunLeavesNoKeyBehind() throws {
        struct PrinterJam: Error {}
        let training = try Training()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("malaka-test-keys-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: PrinterJam.self) {
            try training.database.issueCertificates(try training.plan(), keys: IssuingKeys(newKeyDirectory: folder),
                                                    digest: Training.digest) { _ in throw PrinterJam() }
        }
        #expect(try training.database.signingKeys().isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func anOrganisersOwnKeySignsForItAndNamesIt() throws {
        let training = try Training(organiser: "UNICEF Uzbekistan")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("malaka-test-keys-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let own = try training.database.generateSigningKey(organisation: "UNICEF Uzbekistan",
                                                           privateKeyPath: folder.appendingPathComponent("unicef.key").path)
        let token = try #require(try training.issue().first?.certificate.token)
        let opened = try CertificateToken.open(token)
        #expect(opened.token.organisation == "UNICEF Uzbekistan")
        #expect(opened.isSigned(by: [try PublicSigningKey(base64: own.publicKey)]) != nil)
        #expect(try training.database.signingKeys().count == 1)
    }

    @Test func afterARotationOldCertificatesStillVerifyAndNewOnesUseTheNewKey() throws {
        let training = try Training()
        let old = try #require(try training.issue().first?.certificate.token)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("malaka-test-keys-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let rotated = try training.database.generateSigningKey(organisation: "default", privateKeyPath: folder.appendingPathComponent("new.key").path)

        let later = try Training(database: training.database, year: 2020)
        let new = try #require(try later.issue(issueDate: "2020-04-01").first?.certificate.token)
        let keys = try Self.exportedKeys(of: training.database)
        #expect(keys.count == 2)
        #expect(try CertificateToken.open(new).isSigned(by: keys)?.idHex == rotated.keyID)
        #expect(try CertificateToken.open(old).isSigned(by: keys)?.idHex != rotated.keyID)
        #expect(try CertificateVerifier(publicKeys: keys).verify(token: old).status == .valid)
        #expect(try CertificateVerifier(publicKeys: keys).verify(token: new).status == .valid)
    }

    @Test func anOrganiserTooLongToSignIsRefusedAndTheNewKeyIsRemoved() throws {
        let organiser = String(repeating: "Oila va xotin-qizlar qoʻmitasi ", count: 3)
        let training = try Training(organiser: organiser)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("malaka-test-keys-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect {
            try training.database.issueCertificates(try training.plan(), keys: IssuingKeys(newKeyDirectory: folder),
                                                    digest: Training.digest) { $0.map { _ in nil } }
        } throws: { error in
            (error as? MalakaError)?.kind == .data && "\(error)".contains("80 bytes") && "\(error)".contains("organiser")
        }
        #expect(try training.database.certificates().isEmpty)
        #expect(try training.database.signingKeys().isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func aLostPrivateKeyStopsIssuingWithWhatToDo() throws {
        let training = try Training()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("malaka-test-keys-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("default.key").path
        _ = try training.database.generateSigningKey(organisation: "default", privateKeyPath: path)
        try FileManager.default.removeItem(atPath: path)
        #expect {
            try training.issue()
        } throws: { error in
            let text = "\(error)"
            return (error as? MalakaError)?.kind == .io && text.contains(path)
                && (error as? MalakaError)?.remedy == .restoreOrReplaceKey(organisation: "default")
        }
        #expect(try training.database.certificates().isEmpty)
    }

    @Test func aCertificateIssuedBeforeTokensGetsOneWhenIssuedAgain() throws {
        let training = try Training()
        let first = try training.issue().map(\.certificate)
        try training.database.dbWriter.write { db in try db.execute(sql: "UPDATE certificate SET token = NULL") }
        let again = try training.issue().map(\.certificate)
        #expect(again.map(\.serial) == first.map(\.serial))
        #expect(again.allSatisfy { $0.token != nil })
        #expect(try training.database.certificates().allSatisfy { $0.token != nil })
    }
}

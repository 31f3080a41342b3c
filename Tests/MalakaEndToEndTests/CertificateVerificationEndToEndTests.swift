import Foundation
import Testing

/// A certificate checked the way a school would: from its PDF, with only the public keys file
/// and the revocation list the programme shared, through the built `malaka`.
@Suite struct CertificateVerificationEndToEndTests {
    typealias Training = CertificatesEndToEndTests.Training

    /// Runs `malaka` with no database at all, in `folder`.
    static func offline(_ arguments: [String], in folder: String) throws -> MalakaResult {
        try MalakaProcess.run(arguments, in: URL(fileURLWithPath: folder))
    }

    @Test func anIssuedPDFVerifiesFromItsFileWithOnlyThePublicKeys() throws {
        // Given a programme with no signing key, which issues two certificates
        let training = try Training([("G\u{02BB}ulomjon O\u{02BB}rinboyev", "uz-Latn"), ("Lola Ismoilova", "en")])
        let issued = try training.programme.succeed(training.issueArguments(["--out", "certificates"]))

        // Then issuing made the key beside the database, owner-only, and said where it is and what to do
        let keys = training.programme.path("malaka-keys")
        let keyFiles = try FileManager.default.contentsOfDirectory(atPath: keys)
        try #require(keyFiles.count == 1 && keyFiles[0].hasPrefix("default-") && keyFiles[0].hasSuffix(".key"), "\(keyFiles)")
        let keyFile = keys + "/" + keyFiles[0]
        #expect(try FileManager.default.attributesOfItem(atPath: keyFile)[.posixPermissions] as? Int == 0o600)
        #expect(try FileManager.default.attributesOfItem(atPath: keys)[.posixPermissions] as? Int == 0o700)
        #expect(issued.stdout.contains("Private key: \(URL(fileURLWithPath: keyFile).standardizedFileURL.path)"), "\(issued)")
        #expect(issued.stdout.contains("Back it up"), "\(issued)")
        #expect(issued.stdout.contains("malaka keys export-public"), "\(issued)")

        // When the programme shares its public keys, and a school holds a PDF and that file only
        try training.programme.succeed(["keys", "export-public", "--out", "public-keys.json"])
        let school = training.programme.path("school")
        try FileManager.default.createDirectory(atPath: school, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: training.programme.path("public-keys.json"), toPath: school + "/public-keys.json")
        let pdfs = training.files(in: "certificates")
        try #require(pdfs.count == 2)
        for pdf in pdfs {
            try FileManager.default.copyItem(atPath: training.programme.path("certificates/\(pdf)"), toPath: school + "/" + pdf)
        }
        let first = try #require(pdfs.first { $0.hasPrefix("UZ-2019-000001") })

        // Then the PDF verifies offline, its name read off the page
        let valid = try Self.offline(["certificates", "verify", first, "--keys", "public-keys.json"], in: school)
        #expect(valid.status == 0, "\(valid)")
        // Without a revocation list, the verdict says revocation was not checked.
        #expect(valid.stdout.hasPrefix("VALID (revocation not checked): UZ-2019-000001\n"), "\(valid)")
        #expect(valid.stdout.contains("The name printed on it is the one signed."), "\(valid)")

        // And its token, with the wrong name, is forged
        let shown = try training.programme.json(CertificateJSON.self, ["certificates", "show", "UZ-2019-000001"])
        let token = try #require(shown.token)
        let wrongName = try Self.offline(["certificates", "verify", token, "--keys", "public-keys.json", "--name", "Gulomjon Orinboyev"],
                                         in: school)
        #expect(wrongName.status == 65 && wrongName.stdout.hasPrefix("FORGED: UZ-2019-000001"), "\(wrongName)")

        // And a PDF whose token was edited is forged
        var bytes = try Data(contentsOf: URL(fileURLWithPath: school + "/" + first))
        let tokenStart = try #require(bytes.range(of: Data(token.utf8)))
        let position = tokenStart.lowerBound + token.utf8.count / 2
        bytes[position] = bytes[position] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        try bytes.write(to: URL(fileURLWithPath: school + "/edited.pdf"))
        let edited = try Self.offline(["certificates", "verify", "edited.pdf", "--keys", "public-keys.json"], in: school)
        #expect(edited.status == 65 && edited.stdout.hasPrefix("FORGED"), "\(edited)")

        // When the second certificate is revoked and the programme shares its revocation list
        let second = try #require(pdfs.first { $0.hasPrefix("UZ-2019-000002") })
        try training.programme.succeed(["certificates", "revoke", "UZ-2019-000002", "--reason", "Issued to the wrong person"])
        try training.programme.succeed(["certificates", "revocations", "export", "--out", "revoked.json"])
        try FileManager.default.copyItem(atPath: training.programme.path("revoked.json"), toPath: school + "/revoked.json")

        // Then the school's offline check says revoked, and so does the programme's database
        let revoked = try Self.offline(["certificates", "verify", second, "--keys", "public-keys.json", "--revocations", "revoked.json"],
                                       in: school)
        #expect(revoked.status == 65 && revoked.stdout.hasPrefix("REVOKED: UZ-2019-000002"), "\(revoked)")
        let ledger = try training.programme.run(["certificates", "verify", "UZ-2019-000002"])
        #expect(ledger.status == 65 && ledger.stdout.contains("Issued to the wrong person"), "\(ledger)")
        // While the first still stands
        let still = try Self.offline(["certificates", "verify", first, "--keys", "public-keys.json", "--revocations", "revoked.json"],
                                     in: school)
        #expect(still.status == 0, "\(still)")
    }

    @Test func aLostPrivateKeyRefusesToIssueAndChangesNothing() throws {
        // Given a programme whose key file has gone
        let training = try Training([("Lola Ismoilova", "en")])
        try training.programme.succeed(["keys", "generate", "--organisation", "default", "--out", "programme.key"])
        try FileManager.default.removeItem(atPath: training.programme.path("programme.key"))

        // Then issuing is refused, names the file and says to restore it, and nothing is issued or written
        try training.programme.expectRefused(training.issueArguments(["--out", "certificates"]), status: 74,
                                             mentioning: ["programme.key", "backup", "Nothing was issued"])
        #expect(training.files(in: "certificates").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: training.programme.path("malaka-keys")))
    }

    @Test func aMissingKeysFileIsAnInputError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("malaka-verify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.offline(["certificates", "verify", "MLK1:ABC", "--keys", "nowhere.json"], in: folder.path)
        expectRefusal(result, status: 74, mentioning: ["nowhere.json"])
    }
}

import Foundation
import Testing

/// Per-site keys through the binary: a site makes its key, the programme's desk certifies it, the site issues
/// certificates with its own serials, and a checker holding only the programme's public keys file trusts them,
/// until the desk revokes the site's key from a day on.
@Suite struct SiteKeysEndToEndTests {
    typealias Training = CertificatesEndToEndTests.Training

    static func dotted(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "dd.MM.yyyy"
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    let today = SiteKeysEndToEndTests.dotted(Date())
    let tomorrow = SiteKeysEndToEndTests.dotted(Date().addingTimeInterval(86_400))

    @Test func aCertifiedSitesCertificatesVerifyWithTheProgrammeKeyAloneUntilItsKeyIsRevoked() throws {
        // Given the programme's desk with its key, and a site with the training
        let desk = try TemporaryProgramme()
        try desk.succeed(["keys", "generate", "--out", desk.path("programme.key")])
        let training = try Training([("Gʻulomjon Oʻrinboyev", "uz-Latn"), ("Lola Ismoilova", "en")])
        let site = training.programme
        let made = try site.succeed(["keys", "generate-site", "XO-URG1", "--out", site.path("xo-urg1.key")])
        #expect(made.stdout.contains("Public key: \(site.path("xo-urg1.key.pem"))"), "\(made)")
        #expect(try FileManager.default.attributesOfItem(atPath: site.path("xo-urg1.key"))[.posixPermissions] as? Int == 0o600)
        let issue = ["certificates", "issue", String(training.event), "--templates", CertificatesEndToEndTests.templates,
                     "--issue-date", today, "--out", "certificates"]

        // When the site issues before the programme certified its key, it is refused and nothing is issued
        try site.expectRefused(issue, status: 65, mentioning: ["XO-URG1", "not certified", "certify-site"])

        // When the desk certifies the site's public key and shares its public keys file, which the site loads
        let pem = desk.path("xo-urg1.pem")
        try FileManager.default.copyItem(atPath: site.path("xo-urg1.key.pem"), toPath: pem)
        let certified = try desk.succeed(["keys", "certify-site", "XO-URG1", "--key", pem])
        #expect(certified.stdout.hasPrefix("Certified site XO-URG1's key "), "\(certified)")
        try desk.succeed(["keys", "export-public", "--out", "programme-keys.json"])
        let keysFile = desk.path("programme-keys.json")
        let trusted = try site.succeed(["keys", "trust", keysFile])
        #expect(trusted.stdout.contains("1 new programme key(s), 1 new site certificate(s)"), "\(trusted)")

        // Then the site issues with serials of its own series, the site code in them
        let issued = try site.succeed(issue)
        let year = String(today.suffix(4))
        #expect(issued.stdout.contains("UZ-\(year)-XO-URG1-000001"), "\(issued)")
        let shown = try site.json(CertificateJSON.self, ["certificates", "show", "UZ-\(year)-XO-URG1-000001"])
        let token = try #require(shown.token)

        // And a checker with only the programme's public keys file finds it valid, signed by the certified site
        let school = try TemporaryProgramme(.noDatabase)
        try FileManager.default.copyItem(atPath: keysFile, toPath: school.path("programme-keys.json"))
        let valid = try MalakaProcess.run(["certificates", "verify", token, "--keys", "programme-keys.json"], in: school.directory)
        #expect(valid.status == 0 && valid.stdout.hasPrefix("VALID"), "\(valid)")
        #expect(valid.stdout.contains("site XO-URG1"), "\(valid)")

        // When the desk revokes the site's key from tomorrow: what it signed today stays valid
        try desk.succeed(["keys", "revoke-site", "XO-URG1", "--from", tomorrow])
        try desk.succeed(["keys", "export-public", "--out", "programme-keys.json"])
        try FileManager.default.removeItem(atPath: school.path("programme-keys.json"))
        try FileManager.default.copyItem(atPath: keysFile, toPath: school.path("programme-keys.json"))
        let stillValid = try MalakaProcess.run(["certificates", "verify", token, "--keys", "programme-keys.json"], in: school.directory)
        #expect(stillValid.status == 0, "\(stillValid)")

        // When it revokes it from today: a token dated today is refused
        try desk.succeed(["keys", "revoke-site", "XO-URG1", "--from", today])
        try desk.succeed(["keys", "export-public", "--out", "programme-keys.json"])
        try FileManager.default.removeItem(atPath: school.path("programme-keys.json"))
        try FileManager.default.copyItem(atPath: keysFile, toPath: school.path("programme-keys.json"))
        let refused = try MalakaProcess.run(["certificates", "verify", token, "--keys", "programme-keys.json"], in: school.directory)
        #expect(refused.status == 65 && refused.stdout.hasPrefix("FORGED") && refused.stdout.contains("revoked"), "\(refused)")

        // And a public keys file whose site certificate was edited is refused as a whole
        var text = try String(contentsOfFile: keysFile, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"siteCode\" : \"XO-URG1\"", with: "\"siteCode\" : \"XO-URG2\"")
        try text.write(toFile: school.path("edited-keys.json"), atomically: true, encoding: .utf8)
        let edited = try MalakaProcess.run(["certificates", "verify", token, "--keys", "edited-keys.json"], in: school.directory)
        #expect(edited.status == 65 && edited.stderr.contains("altered"), "\(edited)")
    }

    @Test func certifyingAndRevokingAreRefusedWithoutTheProgrammeKeyOrForAnUnknownSite() throws {
        let site = try TemporaryProgramme()
        try site.succeed(["keys", "generate-site", "XO-URG1", "--out", site.path("site.key")])
        // A site's database has no programme key: it cannot certify.
        try site.expectRefused(["keys", "certify-site", "XO-URG1", "--key", site.path("site.key.pem")], status: 65,
                               mentioning: ["programme signing key"])
        try site.expectRefused(["keys", "generate-site", "SA-SAM1", "--out", site.path("other.key")], status: 65,
                               mentioning: ["XO-URG1", "SA-SAM1"])
        try site.expectRefused(["keys", "generate-site", "Urgench", "--out", site.path("bad.key")], status: 64, mentioning: ["Urgench"])

        let desk = try TemporaryProgramme()
        try desk.succeed(["keys", "generate", "--out", desk.path("programme.key")])
        try desk.expectRefused(["keys", "revoke-site", "SA-SAM1", "--from", today], status: 65, mentioning: ["SA-SAM1"])
        try desk.expectRefused(["keys", "certify-site", "XO-URG1", "--key", desk.path("programme.key")], status: 65,
                               mentioning: ["programme.key", "PEM"])
    }
}

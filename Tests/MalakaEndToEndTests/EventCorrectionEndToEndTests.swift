import Foundation
import Testing

/// Correcting an event or a name after certificates were issued (issue 13).
@Suite struct EventCorrectionEndToEndTests {
    typealias Training = CertificatesEndToEndTests.Training

    @Test func aCorrectionThatPrintsListsTheCertificatesToIssueAgainAndOneThatDoesNotListsNone() throws {
        let training = try Training([("Lola Ismoilova", "en"), ("Gulnora Karimova", "uz-Latn")])
        let issued = try training.issue(["--out", "certificates"])
        try #require(issued.count == 2)

        let environment = ["MALAKA_TEMPLATES": CertificatesEndToEndTests.templates]
        // The venue does not print on the parenting certificate: nothing to issue again
        let venue = try training.programme.run(["event", "edit", String(training.event), "--venue", "Mahalla markazi"], environment: environment)
        try #require(venue.status == 0, "\(venue)")
        #expect(venue.stdout == "Updated event \(training.event): Positive parenting skills.\n", "\(venue)")
        // The locality prints in the place line: both certificates differ now
        let result = try training.programme.run(["event", "edit", String(training.event), "--locality", "Navbahor MFY"], environment: environment)
        try #require(result.status == 0, "\(result)")
        let edited = result.stdout
        #expect(edited.contains("2 valid certificates no longer match"), "\(edited)")
        for certificate in issued {
            #expect(edited.contains("malaka certificates reissue \(certificate.serial)"), "\(edited)")
        }
        let shown = try training.programme.json(EventJSON.self, ["event", "show", String(training.event)])
        #expect(shown.venue == "Mahalla markazi")
    }

    @Test func trainersAreReplacedAndCheckedForDoubleBookings() throws {
        let programme = try TemporaryProgramme()
        let first = try programme.parentingEvent(trainer: "Dilnoza Yusupova")
        let second = try programme.createEvent([
            "--course", "PS-PARENTING", "--region", "Samarqand", "--start", "26.03.2019", "--days", "2", "--time", "10:00-13:00",
            "--trainer", "Shahnoza Rahimova",
        ])
        try programme.expectRefused(["event", "edit", String(second), "--trainer", "Юсупова Дилноза"], status: 65,
                                    mentioning: ["Trainer Dilnoza Yusupova", "event \(first)"])
        try programme.succeed(["event", "edit", String(second), "--trainer", "Malika Qodirova", "--district", "Samarqand tumani"])
        let shown = try programme.json(EventJSON.self, ["event", "show", String(second)])
        #expect(shown.trainers == ["Malika Qodirova"])
        try programme.expectRefused(["event", "edit", String(second), "--venue", "Zal\u{202E}"], status: 65, mentioning: ["U+202E"])
    }

    @Test func aNameCorrectionListsTheCertificatesThatPrintTheOldName() throws {
        let training = try Training([("Gulnora Karimova", "uz-Latn")])
        let issued = try training.issue(["--out", "certificates"])
        let serial = try #require(issued.first?.serial)

        let edited = try training.programme.succeed(["participant", "edit", String(training.people[0]), "--name", "Gulnora Karimova-Rahimova"]).stdout
        #expect(edited.contains("1 valid certificate no longer matches"), "\(edited)")
        #expect(edited.contains("malaka certificates reissue \(serial)"), "\(edited)")
    }

    @Test func cancellingAnEventOrTakingSomeoneOffFlagsTheirValidCertificates() throws {
        let training = try Training([("Gulnora Karimova", "uz-Latn"), ("Lola Ismoilova", "en")])
        let issued = try training.issue(["--out", "certificates"])
        let unenrolled = try training.programme.succeed(["unenroll", String(training.event), String(training.people[0]), "--force"]).stdout
        #expect(unenrolled.contains("Warning: 1 valid certificate stands although the person was taken off event \(training.event)"), "\(unenrolled)")
        let cancelled = try training.programme.succeed(["event", "cancel", String(training.event), "--reason", "Entered twice"]).stdout
        #expect(cancelled.contains("Warning: 2 valid certificates stand although the event was cancelled"), "\(cancelled)")
        for certificate in issued {
            #expect(cancelled.contains("malaka certificates revoke \(certificate.serial)"), "\(cancelled)")
        }
    }

    @Test func theLedgerAndVerifySayWhatHappenedToAGenuineCertificatesEventOrHolder() throws {
        // Given two valid certificates, one of whose holders is then taken off the event
        let training = try Training([("Gulnora Karimova", "uz-Latn"), ("Lola Ismoilova", "en")])
        let issued = try training.issue(["--out", "certificates"])
        let gulnora = try #require(issued.first { $0.participant == training.people[0] }).serial
        let lola = try #require(issued.first { $0.participant == training.people[1] }).serial
        func flags() throws -> [String: [String]] {
            Dictionary(uniqueKeysWithValues: try training.list().map { ($0.serial, $0.since ?? []) })
        }
        try training.programme.succeed(["unenroll", String(training.event), String(training.people[0]), "--force"])

        // Then the ledger flags her certificate, and verify calls it genuine and says she was taken off
        #expect(try flags() == [gulnora: ["holder-removed"], lola: []])
        let verified = try training.programme.succeed(["certificates", "verify", gulnora]).stdout
        #expect(verified.hasPrefix("VALID (name not checked): \(gulnora); since issued: holder removed"), "\(verified)")
        #expect(verified.contains("Its holder has since been taken off the event's list; the certificate is genuine and was not revoked."))

        // When the event is cancelled, every certificate of it says so, in the table, the record and the verdict
        try training.programme.succeed(["event", "cancel", String(training.event), "--reason", "Entered twice"])
        #expect(try flags() == [gulnora: ["event-cancelled", "holder-removed"], lola: ["event-cancelled"]])
        let table = try training.programme.succeed(["certificates", "list"]).stdout
        #expect(table.contains("valid (event cancelled, holder removed)") && table.contains("valid (event cancelled)"), "\(table)")
        let shown = try training.programme.succeed(["certificates", "show", lola]).stdout
        #expect(shown.contains("Since issued:") && shown.contains("Its event has since been cancelled (Entered twice)"), "\(shown)")
        let verdict = try training.programme.succeed(["certificates", "verify", lola, "--json"]).stdout
        let view = try JSONSerialization.jsonObject(with: Data(verdict.utf8)) as? [String: Any]
        #expect(view?["status"] as? String == "valid" && view?["since"] as? [String] == ["event-cancelled"], "\(verdict)")

        // And a revoked one is simply revoked
        try training.programme.succeed(["certificates", "revoke", gulnora, "--reason", "Taken off the list"])
        #expect(try flags() == [gulnora: [], lola: ["event-cancelled"]])
    }
}

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
}

import Foundation
import GRDB
import Testing
@testable import TrainingCore

/// The certificate ledger on an in-memory database: serials, issuing again, re-issue and revocation.
@Suite struct CertificateLedgerTests {
    /// A Khorezm parenting training of four people; Aziza, Bekzod and Charos complete it, Dilnoza does not.
    struct Training {
        let database: AppDatabase
        let event: EventDetail
        let people: [Int64]

        init(database: AppDatabase? = nil, organiser: String? = nil, year: Int = 2019) throws {
            self.database = try database ?? Fixtures.database()
            // Trainings sharing a database run at the same hours, so each gets its own trainer.
            let earlier = try self.database.events().count
            let trainer = earlier == 0 ? "Dilnoza Yusupova" : "Trainer \(earlier + 1)"
            event = try self.database.createEvent(EventPlan(
                courseCode: "PS-PARENTING", region: "Xorazm", district: "Urganch tumani", organiser: organiser,
                trainers: [trainer],
                sessions: EventPlan.consecutiveSessions(from: Fixtures.day("\(year)-03-25"), days: 4, time: Fixtures.morning())))
            people = try self.database.addParticipants([
                ParticipantDraft(fullName: "Aziza Karimova", alternateName: "Азиза Каримова", category: .parent, language: .uzbekLatin),
                ParticipantDraft(fullName: "Bekzod Toʻxtayev", category: .parent, language: .english),
                ParticipantDraft(fullName: "Charos Ҳамроева", category: .parent),
                ParticipantDraft(fullName: "Dilnoza Qurbonova", category: .parent),
            ]).map { $0.id! }
            try self.database.enroll(eventID: event.id, participantIDs: people)
            for (index, session) in event.sessions.enumerated() {
                try self.database.markAttendance(AttendanceMarks(
                    eventID: event.id, date: session.date, everyoneElse: .present,
                    marks: index == 0 ? [:] : [people[3]: .absent]))
            }
        }

        func plan(_ participants: [Int64] = [], language: DocumentLanguage? = nil, issueDate: String = "2019-04-01") throws -> CertificatePlan {
            try database.planCertificates(
                CertificateRequest(eventID: event.id, participantIDs: participants, language: language, issueDate: Fixtures.day(issueDate)),
                templateLanguages: Self.languages)
        }

        /// Issues, and returns every certificate as `produce` saw it, with its record as stored.
        @discardableResult
        func issue(_ participants: [Int64] = [], language: DocumentLanguage? = nil, issueDate: String = "2019-04-01",
                   digest: @escaping (CertificateContent) -> String = Self.digest) throws -> [IssuedCertificate] {
            try Self.issue(try plan(participants, language: language, issueDate: issueDate), in: database, digest: digest)
        }

        static func issue(_ plan: CertificatePlan, in database: AppDatabase, digest: (CertificateContent) -> String = Self.digest,
                          pdfHash: String? = nil) throws -> [IssuedCertificate] {
            var issued: [IssuedCertificate] = []
            let totals = try database.issueCertificates(plan, keys: Fixtures.issuingKeys(), digest: digest) { chunk in
                issued += chunk
                return chunk.map { _ in pdfHash }
            }
            #expect(totals.count == issued.count)
            #expect(totals.new == issued.filter(\.isNew).count)
            return try issued.map { certificate in
                var stored = certificate
                stored.certificate = try database.certificate(serial: certificate.certificate.serial)
                return stored
            }
        }

        static func languages(_ template: String) throws -> [DocumentLanguage] {
            guard template == "parenting" || template == "participation" else {
                throw MalakaError.data("No template \(template).")
            }
            return [.uzbekLatin, .uzbekCyrillic, .kyrgyz, .russian, .english]
        }

        /// A stand-in for the renderer's digest: 64 hex digits that differ with the serial and language.
        static func digest(_ content: CertificateContent) -> String {
            let hex = "\(content.serial)|\(content.language.rawValue)".utf8.map { String(format: "%02x", $0) }.joined()
            return String((hex + String(repeating: "0", count: 64)).prefix(64))
        }
    }

    @Test func issuingNumbersTheCompletersWithoutGaps() throws {
        // Given a training where three of four people completed
        let training = try Training()

        // When the certificates are issued
        let issued = try training.issue()

        // Then the three get consecutive serials in the default format, in the order of their names
        #expect(issued.map(\.certificate.serial) == ["UZ-2019-000001", "UZ-2019-000002", "UZ-2019-000003"])
        #expect(issued.map(\.certificate.printedName) == ["Aziza Karimova", "Bekzod Toʻxtayev", "Charos Ҳамроева"])
        #expect(issued.allSatisfy { $0.isNew && $0.certificate.id != nil })
        // And each record holds what the certificate prints
        let first = issued[0].certificate
        #expect(first.template == "parenting")
        #expect(first.language == .uzbekLatin, "the person's own language")
        #expect(issued[1].certificate.language == .english)
        #expect(issued[2].certificate.language == .uzbekCyrillic, "no language given: inferred from the name's letters (ҳ)")
        #expect(first.issueDate == Fixtures.day("2019-04-01"))
        #expect(first.series == "UZ-2019-{seq:06}" && first.sequence == 1)
        #expect(first.contentSHA256 == Training.digest(issued[0].content))
        #expect(first.pdfSHA256 == nil, "no PDF of its own was made")
        #expect(issued[0].content.verificationURL == "https://example.org/verify/UZ-2019-000001")
        #expect(issued[0].content.courseTitle[.uzbekLatin] == "Ijobiy ota-onalik koʻnikmalari")
        #expect(issued[0].content.dates[.uzbekLatin] == "25–28-mart 2019-yil")
        #expect(issued[0].content.dates[.russian] == "25–28 марта 2019 г.")
        #expect(issued[0].content.hours[.english] == "12 hours")
        #expect(issued[0].content.issueDateText[.english] == "1 April 2019")
        #expect(issued[0].content.trainers == ["Dilnoza Yusupova"])
        #expect(try training.database.certificates().count == 3)
    }

    @Test func theNameIsPrintedInTheScriptOfTheLanguage() throws {
        let training = try Training()
        let issued = try training.issue([training.people[0]], language: .russian)
        #expect(issued[0].certificate.printedName == "Азиза Каримова")
        #expect(issued[0].certificate.language == .russian)
    }

    @Test func issuingAgainGivesTheSameSerialsAndNeverDuplicates() throws {
        // Given certificates issued once
        let training = try Training()
        let first = try training.issue()

        // When the same event is issued again, another day and in another language
        let second = try training.issue(language: .russian, issueDate: "2019-05-02")

        // Then the same certificates come back unchanged, and none is added
        #expect(second.map(\.certificate) == first.map(\.certificate))
        #expect(second.map(\.content) == first.map(\.content))
        #expect(second.allSatisfy { !$0.isNew && !$0.printsDifferently })
        #expect(try training.database.certificates().count == 3)
    }

    @Test func someoneWhoCompletesLaterGetsTheNextNumber() throws {
        // Given certificates issued to the three who completed
        let training = try Training()
        try training.issue()

        // When the fourth person's absences turn out to be lateness, and the event is issued again
        for session in training.event.sessions.dropFirst() {
            try training.database.markAttendance(AttendanceMarks(eventID: training.event.id, date: session.date,
                                                                 marks: [training.people[3]: .late]))
        }
        let again = try training.issue()

        // Then the three keep their serials and she gets the next one
        #expect(again.map(\.certificate.serial) == ["UZ-2019-000001", "UZ-2019-000002", "UZ-2019-000003", "UZ-2019-000004"])
        #expect(again.map(\.isNew) == [false, false, false, true])
    }

    @Test func aFailureWhileProducingIssuesNothing() throws {
        // Given a training
        let training = try Training()
        struct DiskFull: Error {}

        // When making the PDFs fails
        #expect(throws: DiskFull.self) {
            try training.database.issueCertificates(try training.plan(), keys: Fixtures.issuingKeys(), digest: Training.digest, produce: { _ in throw DiskFull() })
        }

        // Then nothing is recorded, and the next issue starts from the first number
        #expect(try training.database.certificates().isEmpty)
        #expect(try training.issue().first?.certificate.serial == "UZ-2019-000001")
    }

    @Test func eachChunkIsCheckedBeforeItIsNumberedAndARefusalIssuesNothing() throws {
        // Given a training of 300 people who all attended
        let (database, plan) = try Self.planForThreeHundredWhoAttended()

        // When the check of the second chunk refuses it
        var events: [String] = []
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            try database.issueCertificates(plan, keys: Fixtures.issuingKeys(), checkingEachChunk: { range in
                events.append("check \(range.lowerBound)..<\(range.upperBound)")
                if range.lowerBound > 0 { throw Refused() }
            }, digest: Training.digest, produce: { chunk in
                events.append("produce \(chunk.first!.certificate.serial)…\(chunk.last!.certificate.serial)")
                return chunk.map { _ in nil }
            })
        }

        // Then each chunk was checked, by its positions in the plan, before it was numbered, and nothing was recorded
        #expect(events == ["check 0..<256", "produce UZ-2019-000001…UZ-2019-000256", "check 256..<300"])
        #expect(try database.certificates().isEmpty)
    }

    @Test func largeBatchesAreProducedInChunksInsideOneTransaction() throws {
        // Given a training of 300 people who all attended
        let (database, plan) = try Self.planForThreeHundredWhoAttended()

        // When issuing fails at the very end, after every chunk was produced
        var chunks: [[String]] = []
        struct Late: Error {}
        #expect(throws: Late.self) {
            try database.issueCertificates(plan, keys: Fixtures.issuingKeys(), digest: Training.digest, produce: { chunk in
                chunks.append(chunk.map(\.certificate.serial))
                return chunk.map { _ in nil }
            }, finish: { throw Late() })
        }

        // Then the chunks came in order, at most 256 at a time, and nothing was recorded
        #expect(chunks.map(\.count) == [256, 44])
        #expect(chunks.flatMap { $0 } == (1...300).map { String(format: "UZ-2019-%06d", $0) })
        #expect(try database.certificates().isEmpty)

        // And when it succeeds, all 300 are recorded in one go
        var finished = false
        let totals = try database.issueCertificates(plan, keys: Fixtures.issuingKeys(), digest: Training.digest, produce: { chunk in chunk.map { _ in nil } },
                                                    finish: { finished = true })
        #expect(finished)
        #expect((totals.count, totals.new, totals.printedDifferently) == (300, 300, 0))
        // The first run of a database made its `default` key
        #expect(totals.createdKey?.organisation == "default")
        #expect(try database.certificates().map(\.sequence) == Array(1...300))
    }

    @Test func pdfHashesAreRecordedWhenTheyAreMade() throws {
        // Given certificates issued as a bundle only, so without PDFs of their own
        let training = try Training()
        try training.issue()
        #expect(try training.database.certificates().allSatisfy { $0.pdfSHA256 == nil })

        // When they are issued again with their own PDFs
        let fake = String(repeating: "ab", count: 32)
        let again = try Training.issue(try training.plan(), in: training.database, pdfHash: fake)

        // Then the hashes are recorded, and nothing else changes
        #expect(again.allSatisfy { $0.certificate.pdfSHA256 == fake && !$0.isNew })
        #expect(try training.database.certificates().map(\.pdfSHA256) == [fake, fake, fake])
    }

    @Test func aCertificateThatPrintsDifferentlyKeepsItsSerialAndRecordsTheNewContent() throws {
        // Given certificates issued once
        let training = try Training()
        try training.issue()

        // When they are printed again from a changed template
        let changed = try training.issue(digest: { "changed" + Training.digest($0).dropFirst(7) })

        // Then they keep their serials, are flagged, and the ledger records what was printed now
        #expect(changed.map(\.certificate.serial) == ["UZ-2019-000001", "UZ-2019-000002", "UZ-2019-000003"])
        #expect(changed.allSatisfy { $0.printsDifferently && !$0.isNew })
        #expect(try training.database.certificates().allSatisfy { $0.contentSHA256?.hasPrefix("changed") == true })
    }

    @Test func namedPeopleWhoDidNotCompleteAreProblems() throws {
        let training = try Training()
        let plan = try training.plan([training.people[0], training.people[3]])
        #expect(plan.items.map(\.participantID) == [training.people[0]])
        #expect(plan.problems == ["Dilnoza Qurbonova (\(training.people[3])) attended 1 of 4 sessions, below the 80% the course requires."])

        let outsider = try training.database.addParticipant(ParticipantDraft(fullName: "Outsider"))
        #expect(try training.plan([outsider.id!]).problems == ["Outsider (\(outsider.id!)) is not enrolled in event \(training.event.id)."])
    }

    @Test func aLanguageTheTemplateDoesNotPrintIsRefused() throws {
        let training = try Training()
        #expect {
            try training.database.planCertificates(CertificateRequest(eventID: training.event.id, language: .russian)) { _ in
                [.uzbekLatin, .english]
            }
        } throws: { error in
            (error as? MalakaError)?.message.contains("The template “parenting” prints uz-Latn, en only, not ru.") ?? false
        }
    }

    @Test func aCancelledEventHasNoCertificates() throws {
        let training = try Training()
        _ = try training.database.cancelEvent(id: training.event.id, reason: "Flooding")
        #expect(throws: MalakaError.self) { try training.plan() }
    }

    @Test func seriesFollowTheOrganisationsFormatAndTheIssueYear() throws {
        // Given an organisation that numbers by region and year
        let database = try Fixtures.database()
        try database.setOrganisation(name: "Oila qoʻmitasi", serialFormat: "{country}-{region}-{year}-{seq:04}",
                                     verificationURL: "https://oila.example.uz/check/")
        let training = try Training(database: database, organiser: "OILA QOʻMITASI")

        // When certificates are issued in two years
        let first = try training.issue([training.people[0]], issueDate: "2019-12-31")
        let second = try training.issue([training.people[1]], issueDate: "2020-01-02")
        let third = try training.issue([training.people[2]], issueDate: "2020-01-03")

        // Then each year has its own series, numbered from 1
        #expect(first[0].certificate.serial == "UZ-XO-2019-0001")
        #expect(second[0].certificate.serial == "UZ-XO-2020-0001")
        #expect(third[0].certificate.serial == "UZ-XO-2020-0002")
        #expect(third[0].content.verificationURL == "https://oila.example.uz/check/UZ-XO-2020-0002")
    }

    @Test func theDefaultOrganisationAppliesToEventsWithoutSettings() throws {
        let database = try Fixtures.database()
        try database.setOrganisation(name: "default", serialFormat: "MLK-{year}-{seq:05}", verificationURL: nil)
        let training = try Training(database: database, organiser: "Nobody registered")
        #expect(try training.issue().map(\.certificate.serial) == ["MLK-2019-00001", "MLK-2019-00002", "MLK-2019-00003"])
        #expect(try database.organisations().map(\.name) == ["default"])
    }

    @Test func badOrganisationSettingsAreRefused() throws {
        let database = try Fixtures.database()
        #expect(throws: MalakaError.self) { try database.setOrganisation(name: "X", serialFormat: "{year}", verificationURL: nil) }
        #expect(throws: MalakaError.self) { try database.setOrganisation(name: "X", serialFormat: "{country}/{seq}", verificationURL: nil) }
        #expect(throws: MalakaError.self) { try database.setOrganisation(name: "X", serialFormat: nil, verificationURL: "ftp://x.org/") }
        #expect(throws: MalakaError.self) { try database.setOrganisation(name: "X", serialFormat: nil, verificationURL: "https://x.org/ä") }
        #expect(throws: MalakaError.self) { try database.setOrganisation(name: " ", serialFormat: nil, verificationURL: nil) }
        #expect(try database.organisations().isEmpty)
    }

    @Test func reissuingGivesANewSerialThatReplacesTheOldOne() throws {
        // Given issued certificates, and a name corrected afterwards
        let training = try Training()
        try training.issue()
        var changes = ParticipantChanges()
        changes.fullName = "Aziza Karimova-Yusupova"
        _ = try training.database.editParticipant(id: training.people[0], changes)

        // When her certificate is re-issued
        let reissued = try training.database.reissueCertificate(
            serial: "UZ-2019-000001", issueDate: Fixtures.day("2019-06-10"), keys: Fixtures.issuingKeys(), digest: Training.digest) { _ in nil }

        // Then she has a new serial, the next in the series, which names the old one
        #expect(reissued.certificate.serial == "UZ-2019-000004")
        #expect(reissued.certificate.replacesSerial == "UZ-2019-000001")
        #expect(reissued.certificate.printedName == "Aziza Karimova-Yusupova")
        #expect(reissued.content.replacesSerial == "UZ-2019-000001")
        #expect(try training.database.certificate(serial: "UZ-2019-000001").status == .superseded)
        #expect(try training.database.replacement(ofCertificate: "UZ-2019-000001")?.serial == "UZ-2019-000004")
        // And the old one cannot be re-issued again, but the new one can
        #expect(throws: MalakaError.self) {
            try training.database.reissueCertificate(serial: "UZ-2019-000001", keys: Fixtures.issuingKeys(), digest: Training.digest) { _ in nil }
        }
        // And issuing the event again gives her the replacement, not a fourth certificate
        let again = try training.issue()
        #expect(again.map(\.certificate.serial) == ["UZ-2019-000004", "UZ-2019-000002", "UZ-2019-000003"])
        #expect(try training.database.certificates(status: .valid).count == 3)
    }

    @Test func aFailedReissueChangesNothing() throws {
        let training = try Training()
        try training.issue()
        struct PrinterJam: Error {}
        #expect(throws: PrinterJam.self) {
            try training.database.reissueCertificate(serial: "UZ-2019-000002", keys: Fixtures.issuingKeys(), digest: Training.digest) { _ in throw PrinterJam() }
        }
        #expect(try training.database.certificate(serial: "UZ-2019-000002").status == .valid)
        #expect(try training.database.certificates().count == 3)
    }

    @Test func revokingKeepsTheCertificateWithItsReason() throws {
        // Given issued certificates
        let training = try Training()
        try training.issue()

        // When one is revoked
        let revoked = try training.database.revokeCertificate(serial: " UZ-2019-000002 ", reason: "Issued to the wrong person")

        // Then it stays on record as revoked, with the reason
        #expect(revoked.status == .revoked && revoked.revokedReason == "Issued to the wrong person")
        #expect(try training.database.certificates(status: .revoked).map(\.serial) == ["UZ-2019-000002"])
        // And it cannot be revoked twice, nor without a reason, nor re-issued
        #expect(throws: MalakaError.self) { try training.database.revokeCertificate(serial: "UZ-2019-000002", reason: "again") }
        #expect(throws: MalakaError.self) { try training.database.revokeCertificate(serial: "UZ-2019-000003", reason: "  ") }
        #expect(throws: MalakaError.self) {
            try training.database.reissueCertificate(serial: "UZ-2019-000002", keys: Fixtures.issuingKeys(), digest: Training.digest) { _ in nil }
        }
        #expect(throws: MalakaError.self) { try training.database.revokeCertificate(serial: "UZ-1999-000001", reason: "unknown") }
    }

    @Test func issuingAgainLeavesOutRevokedCertificatesUnlessTheHolderIsNamed() throws {
        // Given a revoked certificate
        let training = try Training()
        try training.issue()
        try training.database.revokeCertificate(serial: "UZ-2019-000002", reason: "Wrong person")

        // When the whole event is issued again, she is left out with a note
        let plan = try training.plan()
        #expect(plan.items.map(\.participantID) == [training.people[0], training.people[2]])
        #expect(plan.notes == ["Bekzod Toʻxtayev (\(training.people[1])) is left out: certificate UZ-2019-000002 was revoked (Wrong person). Name them to issue a new one."])

        // And when she is named, she gets a new certificate with the next number
        let named = try training.issue([training.people[1]])
        #expect(named.map(\.certificate.serial) == ["UZ-2019-000004"])
    }

    @Test func listingFiltersByEventPersonAndStatus() throws {
        let training = try Training()
        try training.issue()
        let other = try Training(database: training.database, year: 2020)
        try other.issue(issueDate: "2020-04-01")
        try training.database.revokeCertificate(serial: "UZ-2019-000003", reason: "Duplicate")

        #expect(try training.database.certificates().map(\.serial)
                == ["UZ-2019-000001", "UZ-2019-000002", "UZ-2019-000003", "UZ-2020-000001", "UZ-2020-000002", "UZ-2020-000003"])
        #expect(try training.database.certificates(eventID: other.event.id).count == 3)
        #expect(try training.database.certificates(participantID: training.people[0]).map(\.serial) == ["UZ-2019-000001"])
        #expect(try training.database.certificates(eventID: training.event.id, status: .valid).map(\.serial)
                == ["UZ-2019-000001", "UZ-2019-000002"])
        #expect(try training.database.certificateContent(serial: "UZ-2020-000002").participantName == "Bekzod Toʻxtayev")
        #expect(throws: MalakaError.self) { try training.database.certificate(serial: "nope") }
    }

    @Test func twoDatabaseConnectionsIssuingAtOnceGetDistinctGaplessSerials() throws {
        // Given one database file opened twice, as two processes would, with two trainings in it
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("ledger.sqlite").path
        let first = try AppDatabase.open(at: path, creating: true)
        try first.syncCourses([Fixtures.parenting, Fixtures.meeting])
        let trainings = try (0..<4).map { _ in try Training(database: first) }
        let second = try AppDatabase.open(at: path)

        // When the two connections issue all four trainings at once, each of them twice, on separate threads
        let results = ResultBox()
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            let database = index % 2 == 0 ? first : second
            let training = trainings[index % 4]
            do {
                let plan = try database.planCertificates(
                    CertificateRequest(eventID: training.event.id, issueDate: Fixtures.day("2019-04-01")),
                    templateLanguages: Training.languages)
                var serials: [String] = []
                try database.issueCertificates(plan, keys: Fixtures.issuingKeys(), digest: Training.digest) { batch in
                    Thread.sleep(forTimeInterval: 0.01)
                    serials += batch.map(\.certificate.serial)
                    return batch.map { _ in nil }
                }
                results.add(serials)
            } catch {
                results.fail(error)
            }
        }

        // Then every run succeeded, and the twelve certificates are numbered 1 to 12 without a gap or a duplicate
        #expect(results.errors.isEmpty, "\(results.errors)")
        let recorded = try first.certificates()
        #expect(recorded.map(\.sequence).sorted() == Array(1...12))
        #expect(Set(results.serials.flatMap { $0 }) == Set(recorded.map(\.serial)))
        for training in trainings {
            #expect(try first.certificates(eventID: training.event.id).count == 3)
        }
    }

    @Test func theMigrationKeepsEarlierCertificatesAndTheirPDFHashes() throws {
        // Given a database with a certificate recorded under the first certificates migration
        let queue = try DatabaseQueue()
        try AppDatabase.migrator.migrate(queue, upTo: "Add certificates")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO region (code, country, nameEn) VALUES ('UZ-XO', 'UZ', 'Khorezm');
                INSERT INTO course (id, code, kind, plannedHours, sessionCount, minimumShare, lateCountsAsPresent, excusedCounts, audience)
                  VALUES (1, 'PS-PARENTING', 'training', 12, 4, 0.8, 1, 0, '[]');
                INSERT INTO event (id, courseId, regionCode, status, startDate, endDate, createdAt)
                  VALUES (1, 1, 'UZ-XO', 'held', '2019-03-25', '2019-03-28', '2019-03-01 00:00:00');
                INSERT INTO participant (id, fullName, category, searchKey, createdAt) VALUES (1, 'Aziza', 'parent', 'aziza', '2019-03-01 00:00:00');
                INSERT INTO certificate (serial, series, sequence, eventId, participantId, template, language, issueDate,
                  printedName, sha256, status, createdAt)
                  VALUES ('UZ-2019-000001', 'UZ-2019-', 1, 1, 1, 'parenting', 'uz-Latn', '2019-04-01', 'Aziza', '\(String(repeating: "c", count: 64))', 'valid', '2019-04-01 00:00:00');
                """)
        }

        // When the rest of the migrations run
        let database = try AppDatabase(queue)

        // Then the certificate is still there, with its PDF hash and no content hash yet
        let certificate = try database.certificate(serial: "UZ-2019-000001")
        #expect(certificate.pdfSHA256 == String(repeating: "c", count: 64))
        #expect(certificate.contentSHA256 == nil)
        // And the one-valid-certificate rule still holds
        #expect(throws: (any Error).self) {
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO certificate (serial, series, sequence, eventId, participantId, template, language, issueDate,
                      printedName, status, createdAt)
                      VALUES ('UZ-2019-000002', 'UZ-2019-', 2, 1, 1, 'parenting', 'uz-Latn', '2019-04-01', 'Aziza', 'valid', '2019-04-01 00:00:00')
                    """)
            }
        }
    }
}

extension CertificateLedgerTests {
    /// A training of 300 people who all attended (more than one chunk of certificates), and its plan.
    static func planForThreeHundredWhoAttended() throws -> (AppDatabase, CertificatePlan) {
        let database = try Fixtures.database()
        let event = try Fixtures.khorezmTraining(in: database)
        let people = try Fixtures.people((1...300).map { String(format: "Person %03d", $0) }, in: database)
        try database.enroll(eventID: event.id, participantIDs: people)
        for session in event.sessions {
            try database.markAttendance(AttendanceMarks(eventID: event.id, date: session.date, everyoneElse: .present))
        }
        let plan = try database.planCertificates(CertificateRequest(eventID: event.id, issueDate: Fixtures.day("2019-04-01")),
                                                 templateLanguages: Training.languages)
        return (database, plan)
    }
}

/// What concurrent runs return, gathered under a lock.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var serialLists: [[String]] = []
    private var failures: [String] = []

    func add(_ serials: [String]) { lock.withLock { serialLists.append(serials) } }
    func fail(_ error: any Error) { lock.withLock { failures.append("\(error)") } }
    var serials: [[String]] { lock.withLock { serialLists } }
    var errors: [String] { lock.withLock { failures } }
}

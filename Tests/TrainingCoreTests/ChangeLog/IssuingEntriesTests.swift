import Foundation
import GRDB
import Testing
@testable import TrainingCore

/// A large issue recorded in the change log a chunk at a time, so that no entry grows with the count.
@Suite struct IssuingEntriesTests {
    /// The certificate rows of each `issueCertificate` entry, oldest first, with the entry's detail.
    func issueEntries(_ database: AppDatabase) throws -> [(detail: String?, certificates: [String])] {
        try database.changeLog(includingRows: true).map(\.entry).filter { $0.operation == ChangeOperation.issueCertificate.name }.map { entry -> (detail: String?, certificates: [String]) in
            let rows = try SyncBundleReader.rows(entry.rows)
            return (entry.detail, rows.filter { $0["table"] as? String == "certificate" }.compactMap { $0["uuid"] as? String })
        }
    }

    func training(of count: Int, in database: AppDatabase) throws -> EventDetail {
        let event = try Fixtures.khorezmTraining(in: database)
        let people = try Fixtures.people((0..<count).map { "Participant \($0 + 1) Karimova" }, in: database)
        try database.enroll(eventID: event.id, participantIDs: people)
        for session in event.sessions {
            _ = try database.markAttendance(AttendanceMarks(eventID: event.id, date: session.date, everyoneElse: .present))
        }
        return event
    }

    func issue(_ event: EventDetail, in database: AppDatabase) throws {
        let plan = try database.planCertificates(CertificateRequest(eventID: event.id, issueDate: Fixtures.day("2019-04-01")),
                                                 templateLanguages: CertificateLedgerTests.Training.languages)
        try database.issueCertificates(plan, keys: Fixtures.issuingKeys(), digest: CertificateLedgerTests.Training.digest) { chunk in
            chunk.map { _ in nil }
        }
    }

    @Test func aLargeIssueIsOneEntryPerChunkAndEveryCertificateIsInOne() throws {
        // Given a training of 600 people who all completed it
        let database = try Fixtures.database()
        let event = try training(of: 600, in: database)

        // When their certificates are issued in one run
        try issue(event, in: database)

        // Then the log holds three entries of at most 256 certificates, each saying which part it is
        let entries = try issueEntries(database)
        #expect(entries.map { $0.certificates.count } == [256, 256, 88])
        #expect(entries.map { $0.detail } == ["certificates 1–256 of 600, issued together", "certificates 257–512 of 600, issued together",
                                          "certificates 513–600 of 600, issued together"])
        // and every certificate issued is in exactly one of them, the chain whole and nothing left staged
        let recorded = try database.read { try String.fetchAll($0, sql: "SELECT uuid FROM certificate") }
        let logged = entries.flatMap { $0.certificates }
        #expect(logged.count == 600 && Set(logged) == Set(recorded))
        #expect(try database.verifyChangeLog().isEmpty)
        #expect(try database.changeLogCounts().staged == 0)
    }

    @Test func anIssueOfOneChunkIsOneEntryAsEveryWriteIs() throws {
        let database = try Fixtures.database()
        let event = try training(of: 256, in: database)
        try issue(event, in: database)
        let entries = try issueEntries(database)
        #expect(entries.map { $0.certificates.count } == [256])
        #expect(entries.map { $0.detail } == [nil])
    }
}

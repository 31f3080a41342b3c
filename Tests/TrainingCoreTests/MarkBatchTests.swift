import Foundation
import GRDB
import Testing
@testable import TrainingCore

/// Marks tapped at the same moment, written in one transaction: each its own change, a refused one alone.
@Suite struct MarkBatchTests {
    @Test func aRefusedMarkIsRolledBackAloneAndEveryOtherIsWrittenAsItsOwnChange() throws {
        // Given a training with two people enrolled and one who is not
        let database = try Fixtures.database()
        let event = try Fixtures.khorezmTraining(in: database)
        let ids = try Fixtures.people(["Aziza", "Bekzod", "Outsider"], in: database)
        try database.enroll(eventID: event.id, participantIDs: [ids[0], ids[1]])
        let day = Fixtures.day("2019-03-25")
        let before = try database.changeLogCounts().entries
        let versionBefore = try database.changeVersion()

        // When three trainers' marks arrive together, the middle one for the person not enrolled
        let written = database.markAttendance(batch: [
            QueuedMarks(AttendanceMarks(eventID: event.id, date: day, marks: [ids[0]: .present]), actor: "web:one"),
            QueuedMarks(AttendanceMarks(eventID: event.id, date: day, marks: [ids[2]: .present]), actor: "web:two"),
            QueuedMarks(AttendanceMarks(eventID: event.id, date: day, marks: [ids[1]: .late]), actor: "web:three"),
        ])
        let results = written.results

        // Then the first and last are written, the middle one refused with its reason
        #expect(try results[0].get() == 1)
        #expect(try results[2].get() == 1)
        #expect(throws: MalakaError.self) { try results[1].get() }
        if case .failure(let error as MalakaError) = results[1] { #expect(error.code == .notEnrolled) }
        let sheet = try database.attendanceSheet(eventID: event.id)
        #expect(sheet.rows.map { $0.marks[0] } == [.present, .late])
        // And each written mark is an entry of its own, naming its actor, the chain unbroken
        let log = try database.changeLog().suffix(2).map(\.entry)
        #expect(try database.changeLogCounts().entries == before + 2)
        #expect(log.map(\.actor) == ["web:one", "web:three"])
        #expect(log.allSatisfy { $0.operation == "markAttendance" })
        #expect(try database.verifyChangeLog().isEmpty)
        // And the versions around the batch are the database's before it and after it
        #expect(written.versions?.before == versionBefore)
        #expect(written.versions?.after == (try database.changeVersion()))
        #expect(written.versions?.after != versionBefore)
    }

    @Test func aMarkAClosedPeriodRefusesIsLoggedAsRefusedAndTheOthersGoThrough() throws {
        // Given the first quarter of 2019 closed for Khorezm, and a training in the second quarter
        let database = try AppDatabase(DatabaseQueue())
        try database.syncCourses([Fixtures.parenting, Fixtures.meeting])
        let closed = try Fixtures.khorezmTraining(in: database)
        let open = try database.createEvent(EventPlan(
            courseCode: "PS-PARENTING", region: "Xorazm", trainers: ["Dilnoza Yusupova"],
            sessions: EventPlan.consecutiveSessions(from: Fixtures.day("2019-04-08"), days: 4, time: Fixtures.morning())))
        let ids = try Fixtures.people(["Gulnora Karimova"], in: database)
        try database.enroll(eventID: closed.id, participantIDs: ids)
        try database.enroll(eventID: open.id, participantIDs: ids)
        _ = try database.closePeriod(try ReportPeriod(quarter: "2019Q1"), scope: .region("UZ-XO"), reason: "UNICEF Q1 report",
                                     today: Fixtures.day("2020-01-01"))

        // When a mark in the closed quarter and one in the open quarter arrive together
        let written = database.markAttendance(batch: [
            QueuedMarks(AttendanceMarks(eventID: closed.id, date: Fixtures.day("2019-03-25"), marks: [ids[0]: .present]), actor: "web:one"),
            QueuedMarks(AttendanceMarks(eventID: open.id, date: Fixtures.day("2019-04-08"), marks: [ids[0]: .present]), actor: "web:two"),
        ])
        let results = written.results

        // Then the lock refuses the first, naming itself, and the second is written
        if case .failure(let error as MalakaError) = results[0] {
            #expect(error.message.contains("UNICEF Q1 report"))
        } else {
            Issue.record("the mark in the closed quarter was not refused: \(results[0])")
        }
        #expect(try results[1].get() == 1)
        #expect(try database.attendanceSheet(eventID: closed.id).rows[0].marks[0] == nil)
        #expect(try database.attendanceSheet(eventID: open.id).rows[0].marks[0] == .present)
        let log = try database.changeLog().suffix(2).map(\.entry)
        #expect(log.map(\.operation) == ["refusedByPeriodLock", "markAttendance"])
        #expect(log.map(\.actor) == ["web:one", "web:two"])
        #expect(try database.verifyChangeLog().isEmpty)
    }

    @Test func aMarkingTargetIsTheSessionOfItsOwnEventOnly() throws {
        let database = try Fixtures.database()
        let event = try Fixtures.khorezmTraining(in: database)
        let other = try database.createEvent(EventPlan(
            courseCode: "PS-PARENTING", region: "Xorazm", trainers: ["Dilnoza Yusupova"],
            sessions: EventPlan.consecutiveSessions(from: Fixtures.day("2019-05-06"), days: 2, time: Fixtures.morning())))
        let third = event.sessions[2]
        let target = try #require(try database.markingTarget(eventID: event.id, sessionID: third.id!))
        #expect(target.regionCode == "UZ-XO" && target.districtCode == event.event.districtCode)
        #expect(target.date == Fixtures.day("2019-03-27") && target.startTime == third.startTime)
        #expect(target.days == Fixtures.day("2019-03-25") ... Fixtures.day("2019-03-28"))
        // Another event's session, or an event that does not exist, is no target.
        #expect(try database.markingTarget(eventID: event.id, sessionID: other.sessions[0].id!) == nil)
        #expect(try database.markingTarget(eventID: 9_999, sessionID: third.id!) == nil)
    }

    @Test func theVersionMovesWithEveryChangeAndWithRowsChangedOutsideMalaka() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("malaka-version-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("malaka.sqlite").path
        let database = try AppDatabase.open(at: path, creating: true)
        try database.syncCourses([Fixtures.parenting])
        let first = try database.changeVersion()
        _ = try database.events()
        #expect(try database.changeVersion() == first)
        let event = try Fixtures.khorezmTraining(in: database)
        let second = try database.changeVersion()
        #expect(second != first)
        // A change made with SQL alone, as the sqlite3 shell would, is not logged, but moves the version all the same.
        try DatabaseQueue(path: path).write { try $0.execute(sql: "UPDATE session SET hours = 4 WHERE eventId = ?", arguments: [event.id]) }
        let third = try database.changeVersion()
        #expect(third != second && third.head == second.head)
        #expect(try database.changeVersion() == third)
    }
}

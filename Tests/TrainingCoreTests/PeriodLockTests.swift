import Foundation
import GRDB
import Testing
@testable import TrainingCore

@Suite struct PeriodLockTests {
    /// The Khorezm training of March 2019 with two people enrolled, and the first quarter closed for Khorezm.
    func closedQuarter(_ queue: DatabaseQueue) throws -> (AppDatabase, EventDetail, [Int64]) {
        let database = try AppDatabase(queue)
        try database.syncCourses([Fixtures.parenting, Fixtures.meeting])
        let event = try Fixtures.khorezmTraining(in: database)
        let people = try Fixtures.people(["Gulnora Karimova", "Rustam Aliyev"], in: database)
        _ = try database.enroll(eventID: event.id, participantIDs: people)
        _ = try database.closePeriod(try ReportPeriod(quarter: "2019Q1"), scope: .region("UZ-XO"), reason: "UNICEF Q1 report",
                                     today: Fixtures.day("2020-01-01"))
        return (database, event, people)
    }

    @Test func aWriteThatBypassesTheLibraryIsRefusedByTheTriggersAll() throws {
        // Given a closed quarter
        let queue = try DatabaseQueue()
        let (_, event, people) = try closedQuarter(queue)

        // When SQL writes straight to the tables, as the sqlite3 shell would, then SQLite refuses it
        let enrollment = try queue.read { try Int64.fetchOne($0, sql: "SELECT id FROM enrollment LIMIT 1") }!
        let session = event.sessions[0].id!
        let statements = [
            "INSERT INTO attendance (enrollmentId, sessionId, status, markedAt) VALUES (\(enrollment), \(session), 'present', '2019-03-25')",
            "DELETE FROM enrollment WHERE id = \(enrollment)",
            "UPDATE event SET status = 'cancelled', cancelReason = 'x' WHERE id = \(event.id)",
            "UPDATE session SET hours = 4 WHERE id = \(session)",
            "UPDATE participant SET sex = 'female' WHERE id = \(people[0])",
            "UPDATE course SET minimumShare = 0.5 WHERE code = 'PS-PARENTING'",
        ]
        for sql in statements {
            let error = #expect(throws: DatabaseError.self, "\(sql)") { try queue.write { try $0.execute(sql: sql) } }
            #expect(error?.message?.hasPrefix("malaka-period-lock:1:") == true, "\(String(describing: error))")
        }
        // And a change the quarter's numbers do not depend on goes through
        try queue.write { try $0.execute(sql: "UPDATE participant SET phone = '+998 90 000 00 00' WHERE id = \(people[0])") }
    }

    @Test func theLibraryNamesTheLockAndLogsTheRefusal() throws {
        let queue = try DatabaseQueue()
        let (database, event, people) = try closedQuarter(queue)
        #expect(throws: MalakaError.self) {
            try database.markAttendance(AttendanceMarks(eventID: event.id, date: Fixtures.day("2019-03-25"), everyoneElse: .present))
        }
        do {
            _ = try database.enroll(eventID: event.id, participantIDs: [try Fixtures.people(["Lola Ismoilova"], in: database)[0]])
            Issue.record("the enrollment was allowed")
        } catch let error as MalakaError {
            #expect(error.kind == .data)
            #expect(error.message.contains("2019-Q1 for Khorezm Region (UZ-XO)") && error.message.contains("UNICEF Q1 report"))
        }
        let log = try database.periodLockLog()
        #expect(log.map(\.action) == [.close, .refused, .refused])
        #expect(log.map(\.detail) == ["UNICEF Q1 report", "attendance insert", "enrollment insert"])
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM attendance") } == 0)
        _ = people

        // Reopened, the same change goes through, and the triggers are gone
        _ = try database.reopenPeriod(try ReportPeriod(quarter: "2019Q1"), scope: .region("UZ-XO"), reason: "Sheet found")
        #expect(try database.markAttendance(AttendanceMarks(eventID: event.id, date: Fixtures.day("2019-03-25"), everyoneElse: .present)) == 2)
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'periodLock%'") } == 0)
    }

    @Test func locksOverlapReportsByDaysAndPlace() throws {
        let lock = PeriodLock(id: 1, label: "2019-Q4", fromDate: Fixtures.day("2019-10-01"), toDate: Fixtures.day("2019-12-31"),
                              scopeKind: "region", scopeCode: "UZ-XO", reason: "r", closedAt: Date(), reopenedAt: nil, reopenReason: nil)
        let year = try ReportPeriod(year: "2019")
        #expect(lock.overlaps(year, .all))
        #expect(lock.overlaps(year, .country("UZ")))
        #expect(!lock.overlaps(year, .country("KG")))
        #expect(lock.overlaps(year, .district("UZ-XO-URG")))
        #expect(!lock.overlaps(year, .region("UZ-SA")))
        #expect(!lock.overlaps(try ReportPeriod(quarter: "2019Q3"), .region("UZ-XO")))
    }

    @Test func aRefusalsMessageGivesTheLockAndTheChange() {
        let refusal = PeriodLockTriggers.refusal(in: "malaka-period-lock:12:attendance:insert")
        #expect(refusal?.lock == 12 && refusal?.change == "attendance insert")
        #expect(PeriodLockTriggers.refusal(in: "UNIQUE constraint failed") == nil)
    }
}

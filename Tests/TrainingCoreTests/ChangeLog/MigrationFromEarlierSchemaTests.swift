import Foundation
import GRDB
import Testing
@testable import TrainingCore

/// A database made by the schema before sites and the change log, opened by this one.
@Suite struct MigrationFromEarlierSchemaTests {
    /// The last migration before #16.
    static let previousSchema = "Add period locks"

    func earlierDatabase() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try AppDatabase.migrator.migrate(queue, upTo: Self.previousSchema)
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO region (code, country, nameEn) VALUES ('UZ-XO', 'UZ', 'Khorezm');
                INSERT INTO course (id, code, kind, plannedHours, sessionCount, minimumShare, lateCountsAsPresent, excusedCounts, audience)
                  VALUES (1, 'PS-PARENTING', 'training', 12, 4, 0.8, 1, 0, '["parent"]');
                INSERT INTO trainer (id, name, nameKey) VALUES (1, 'Dilnoza Yusupova', 'dilnoza yusupova');
                INSERT INTO event (id, courseId, regionCode, status, startDate, endDate, createdAt)
                  VALUES (7, 1, 'UZ-XO', 'held', '2019-03-25', '2019-03-28', '2019-03-01 09:00:00.000');
                INSERT INTO eventTrainer (eventId, trainerId) VALUES (7, 1);
                INSERT INTO session (id, eventId, date, startTime, endTime, hours) VALUES (70, 7, '2019-03-25', '09:00', '12:00', 3);
                INSERT INTO participant (id, fullName, category, searchKey, createdAt, crossScriptKey)
                  VALUES (42, 'Gulnora Karimova', 'parent', 'gulnora karimova', '2019-03-02 10:00:00.000', 'gulnora karimova');
                INSERT INTO enrollment (id, eventId, participantId, enrolledAt) VALUES (5, 7, 42, '2019-03-03 10:00:00.000');
                INSERT INTO attendance (enrollmentId, sessionId, status, markedAt) VALUES (5, 70, 'present', '2019-03-25 12:00:00.000');
                INSERT INTO periodLock (id, label, fromDate, toDate, scopeKind, scopeCode, reason, closedAt)
                  VALUES (1, '2019-Q1', '2019-01-01', '2019-03-31', 'region', 'UZ-XO', 'UNICEF Q1 report', '2020-01-02 08:00:00.000');
                INSERT INTO periodLockEvent (lockId, action, at, detail) VALUES (1, 'close', '2020-01-02 08:00:00.000', 'UNICEF Q1 report');
                INSERT INTO periodLockEvent (lockId, action, at, detail) VALUES (1, 'refused', '2020-01-03 08:00:00.000', 'attendance insert');
                """)
        }
        return queue
    }

    @Test func existingRowsKeepTheirNumbersAndGetIdentifiersFromWhenTheyWereMade() throws {
        let queue = try earlierDatabase()
        _ = try AppDatabase(queue)
        try queue.read { db in
            let person = try Row.fetchOne(db, sql: "SELECT id, fullName, uuid, originSite FROM participant")!
            let id: Int64 = person["id"], name: String = person["fullName"], origin: String? = person["originSite"]
            #expect(id == 42 && name == "Gulnora Karimova" && origin == nil)
            #expect(UUIDv7.milliseconds(in: person["uuid"]) == 1_551_520_800_000)
            let mark = try Row.fetchOne(db, sql: "SELECT enrollmentId, sessionId, status, uuid FROM attendance")!
            let enrollment: Int64 = mark["enrollmentId"], session: Int64 = mark["sessionId"], status: String = mark["status"]
            #expect(enrollment == 5 && session == 70 && status == "present")
            #expect(UUIDv7.isValid(mark["uuid"]))
            for table in TravellingTables.names {
                let missing = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE uuid IS NULL OR length(uuid) <> 36")
                #expect(missing == 0, "\(table)")
            }
            #expect(try db.foreignKeyViolations().map { _ in 1 }.reduce(0, +) == 0)
            #expect(try !db.tableExists("periodLockEvent"))
            // The indexes and the triggers of the earlier schema are still there
            #expect(try db.indexes(on: "attendance").contains { $0.name == "attendance_on_enrollmentId_status" })
            #expect(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'session'")
                .contains("session_within_event_insert"))
        }
    }

    @Test func theLocksTriggersStillRefuseAndTheLockLogIsInTheChangeLog() throws {
        let queue = try earlierDatabase()
        let database = try AppDatabase(queue)
        #expect(try database.periodLockLog().map(\.action) == [.close, .refused])
        #expect(try database.periodLockLog().map(\.lockId) == [1, 1])
        // The lock was closed before the migration, so its triggers were made by the earlier schema's code: none
        // here, as the fixture wrote the row by hand; a session outside its event's dates is refused as before.
        #expect(throws: (any Error).self) {
            try queue.write { try $0.execute(sql: "INSERT INTO session (eventId, date, startTime, endTime, hours) VALUES (7, '2020-01-01', '09:00', '12:00', 3)") }
        }
        #expect(try database.verifyChangeLog().isEmpty)
        #expect(try database.changeLog().map(\.entry.actor) == ["unknown", "unknown"])
    }

    @Test func changesAfterTheMigrationAreRecorded() throws {
        let queue = try earlierDatabase()
        let database = try AppDatabase(queue)
        try database.markAttendance(AttendanceMarks(eventID: 7, date: Fixtures.day("2019-03-25"), marks: [42: .late]))
        let entry = try database.changeLog(includingRows: true).last!.entry
        #expect(entry.operation == "markAttendance")
        let uuid = try queue.read { try String.fetchOne($0, sql: "SELECT uuid FROM participant WHERE id = 42")! }
        #expect(entry.subjects.contains(uuid))
        #expect(entry.listedRows.contains(#""kind":"update","table":"attendance""#))
    }
}

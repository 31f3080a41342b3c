import Foundation
import GRDB
import Testing
@testable import TrainingCore

/// The rows the preupdate hook captures are what SQLite's own JSON functions make of the same values, so entries
/// written before and after the capture moved out of SQL read alike.
@Suite struct ChangeTapTests {
    @Test(arguments: [
        "Gulnora Karimova", "Oʻgʻiloy Toʻxtayeva", "Гулнора Каримова", "Айжамал Токтогулова", "",
        "quote \" backslash \\ slash /", "tab\tnew line\ncarriage\rbell\u{07}back\u{08}feed\u{0C}unit\u{1F}del\u{7F}",
        "line\u{2028}separator 😀",
    ])
    func textIsWrittenAsJSONObjectWritesIt(_ text: String) throws {
        let queue = try DatabaseQueue()
        let expected = try queue.read { try String.fetchOne($0, sql: "SELECT json_object('k', ?) ->> '$' ", arguments: [text]) }
        let sqlite = try queue.read { try String.fetchOne($0, sql: "SELECT json_object('k', ?)", arguments: [text])! }
        var bytes: [UInt8] = Array(#"{"k":"#.utf8)
        Array(text.utf8).withUnsafeBufferPointer { CapturedJSON.appendString($0, to: &bytes) }
        bytes.append(UInt8(ascii: "}"))
        #expect(String(decoding: bytes, as: UTF8.self) == sqlite)
        #expect(expected != nil)
    }

    @Test(arguments: [0.0, 2.0, 1.5, -0.5, 0.1, 1.0 / 3.0, 2.0 / 3.0, 1e20, 1.5e-7, 123456789012345678.0])
    func realsAreWrittenAsJSONObjectWritesThem(_ real: Double) throws {
        let queue = try DatabaseQueue()
        let sqlite = try queue.read { try String.fetchOne($0, sql: "SELECT json_object('k', ?) ->> '$.k'", arguments: [real]) }
        let written = try queue.read { try String.fetchOne($0, sql: "SELECT json_object('k', ?)", arguments: [real])! }
        #expect(written == #"{"k":"# + CapturedJSON.realText(real) + "}", "\(sqlite ?? "")")
    }

    @Test(arguments: [Int64.min, -1, 0, 7, 1_000_000, Int64.max])
    func integersAreWrittenInDecimal(_ integer: Int64) {
        var bytes: [UInt8] = []
        CapturedJSON.appendDecimal(integer, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == String(integer))
    }

    /// A row is recorded as SQLite's `json_array` writes its values, references as uuids, and reads back, listed, as the
    /// triggers recorded it before the hook: the same keys in the same order.
    @Test func aRowIsCapturedWithItsReferencesAsUUIDs() throws {
        let queue = try DatabaseQueue()
        let database = try AppDatabase(queue)
        try database.syncCourses([Fixtures.parenting])
        let event = try Fixtures.khorezmTraining(in: database)
        let people = try Fixtures.people(["Oʻgʻiloy Toʻxtayeva"], in: database)
        try database.enroll(eventID: event.id, participantIDs: people)
        let entry = try queue.read { try ChangeEntry.order(Column("id").desc).fetchOne($0)! }
        let (compact, listed) = try queue.read { db in
            try (String.fetchOne(db, sql: """
                SELECT '{"columns":{"enrollment":["originSite","eventUuid","participantUuid","enrolledAt"]},"rows":['
                  || json_array('enrollment', 'insert', en.uuid, en.originSite, e.uuid, p.uuid, en.enrolledAt) || ']}'
                FROM enrollment en JOIN event e ON e.id = en.eventId JOIN participant p ON p.id = en.participantId
                """),
             String.fetchOne(db, sql: """
                SELECT '[{"kind":"insert","table":"enrollment","uuid":"' || en.uuid || '","values":' || json_object(
                  'originSite', en.originSite, 'eventUuid', e.uuid, 'participantUuid', p.uuid, 'enrolledAt', en.enrolledAt) || '}]'
                FROM enrollment en JOIN event e ON e.id = en.eventId JOIN participant p ON p.id = en.participantId
                """))
        }
        #expect(entry.rows == compact)
        #expect(entry.listedRows == listed)
        let eventUUID = try queue.read { try String.fetchOne($0, sql: "SELECT uuid FROM event")! }
        let personUUID = try queue.read { try String.fetchOne($0, sql: "SELECT uuid FROM participant")! }
        #expect(entry.subjects == CanonicalJSON.object(["events": [eventUUID], "participants": [personUUID]]))
    }

    @Test func aDeletedRowKeepsTheUUIDsOfWhatWasDeletedWithIt() throws {
        let queue = try DatabaseQueue()
        let database = try AppDatabase(queue)
        try database.syncCourses([Fixtures.parenting])
        let event = try Fixtures.khorezmTraining(in: database)
        let people = try Fixtures.people(["Gulnora Karimova"], in: database)
        try database.enroll(eventID: event.id, participantIDs: people)
        let sessionUUID = try queue.read { try String.fetchOne($0, sql: "SELECT uuid FROM session ORDER BY id LIMIT 1")! }
        let sessionDay = try queue.read { try String.fetchOne($0, sql: "SELECT date FROM session ORDER BY id LIMIT 1")! }
        try database.markAttendance(AttendanceMarks(eventID: event.id, date: Fixtures.day(sessionDay), marks: [people[0]: .present]))
        // The session and its mark go in one statement, the mark by the foreign key's cascade.
        try database.write(.deleteSession) { db in
            try db.execute(sql: "DELETE FROM session WHERE uuid = ?", arguments: [sessionUUID])
        }
        let rows = try queue.read { try String.fetchOne($0, sql: "SELECT rows FROM change ORDER BY id DESC LIMIT 1")! }
        let parsed = try SyncBundleReader.rows(rows)
        let mark = try #require(parsed.first { $0["table"] as? String == "attendance" })
        #expect(mark["kind"] as? String == "delete")
        #expect((mark["values"] as? [String: Any])?["sessionUuid"] as? String == sessionUUID)
    }

    @Test func aSavepointRolledBackLeavesNothingCaptured() throws {
        let queue = try DatabaseQueue()
        let database = try AppDatabase(queue)
        try queue.write { db in
            let tap = try ChangeTap.of(db)
            try tap.prepareForWrite(db)
            let mark = tap.mark
            try? db.inSavepoint {
                try db.execute(sql: "INSERT INTO trainer (name, nameKey, originSite) VALUES ('Aziz', 'aziz', 'XO-URG1')")
                #expect(tap.count == 1)
                return .rollback
            }
            tap.rollBack(to: mark)
            #expect(tap.count == 0)
        }
        #expect(try database.changeLogCounts().staged == 0)
    }

    @Test func aRolledBackWriteLeavesNothingCaptured() throws {
        let queue = try DatabaseQueue()
        let database = try AppDatabase(queue)
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            try database.write(.addPerson) { db in
                try db.execute(sql: "INSERT INTO trainer (name, nameKey, originSite) VALUES ('Aziz', 'aziz', 'XO-URG1')")
                throw Refused()
            }
        }
        #expect(try database.changeLogCounts().staged == 0)
        #expect(try database.changeLogCounts().entries == 0)
    }

    /// A database from before the capture moved out of SQL, with a row the triggers staged (changed with the
    /// `sqlite3` shell) and no write since: opening it records that row as one `migrate` entry, and leaves no
    /// capture trigger and no staging table.
    @Test func rowsTheTriggersStagedAreRecordedWhenTheCaptureMoves() throws {
        let queue = try DatabaseQueue()
        try AppDatabase.migrator.migrate(queue, upTo: "Merges indexed where entries are stored")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO participant (fullName, category, searchKey, createdAt, crossScriptKey)
                  VALUES ('Gulnora Karimova', 'parent', 'gulnora karimova', '2019-03-02 10:00:00.000', 'gulnora karimova')
                """)
        }
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM rowChange") } == 1)

        let database = try AppDatabase(queue)
        let last = try database.changeLog(includingRows: true).last!.entry
        #expect(last.operation == "migrate" && last.actor == "unknown")
        #expect(last.rows.contains(#""kind":"insert","table":"participant""#) && last.rows.contains("Gulnora Karimova"))
        #expect(try database.verifyChangeLog().isEmpty)
        #expect(try queue.read { try $0.tableExists("rowChange") } == false)
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'change_*'") } == 0)
        // And the next change is captured by the hook.
        _ = try Fixtures.people(["Rustam Aliyev"], in: database)
        #expect(try database.changeLog(includingRows: true).last!.entry.rows.contains("Rustam Aliyev"))
    }

    /// SQLite gives a connection opened after another closed the memory the closed one had. A tap still alive then
    /// (its connection's `Database` not yet released on another thread, or held, as here) is not the new
    /// connection's: taken for it, the new connection's writes were captured by no one, and travelled nowhere.
    @Test func aConnectionOpenedWhereAClosedOneWasGetsATapOfItsOwn() throws {
        var stale: ChangeTap?
        var address: UnsafeMutableRawPointer?
        try DatabaseQueue().writeWithoutTransaction { db in
            stale = try ChangeTap.of(db)
            address = db.sqliteConnection.map { UnsafeMutableRawPointer($0) }
        }
        // The allocator hands a freed block back at once, as a rule; a few tries find the same address.
        var reused = false
        for _ in 0..<20 where !reused {
            try DatabaseQueue().writeWithoutTransaction { db in
                guard db.sqliteConnection.map({ UnsafeMutableRawPointer($0) }) == address else { return }
                reused = true
                let tap = try ChangeTap.of(db)
                #expect(tap !== stale)
            }
        }
        #expect(reused, "no connection was opened at the closed one's address, so this test tested nothing")
        #expect(stale != nil)
    }
}

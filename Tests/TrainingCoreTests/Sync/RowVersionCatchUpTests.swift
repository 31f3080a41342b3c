import Foundation
import GRDB
import Testing
@testable import TrainingCore

/// This site's own changes get their rows' versions when an import needs them, not as they are recorded: the
/// versions an import finds are the ones recording each change's rows at once gave before.
@Suite struct RowVersionCatchUpTests {
    @Test func anImportFindsEveryRowAtTheVersionOfItsLatestChangeHere() throws {
        // Given a site that added, enrolled, marked, renamed and marked again, its rows in both forms of the log
        let queue = try DatabaseQueue()
        let database = try AppDatabase(queue)
        _ = try database.joinSite(code: "XO-URG1", programme: "Parenting Khorezm")
        try database.syncCourses([Fixtures.parenting])
        let event = try Fixtures.khorezmTraining(in: database)
        let people = try Fixtures.people(["Oʻgʻiloy Toʻxtayeva", "Гулнора Каримова"], in: database)
        try database.enroll(eventID: event.id, participantIDs: people)
        try database.markAttendance(AttendanceMarks(eventID: event.id, date: Fixtures.day("2019-03-25"), everyoneElse: .present))
        var changes = ParticipantChanges()
        changes.fullName = "Oʻgʻiloy Toʻxtayeva-Karimova"
        _ = try database.editParticipant(id: people[0], changes)
        try database.markAttendance(AttendanceMarks(eventID: event.id, date: Fixtures.day("2019-03-25"), marks: [people[1]: .absent]))
        // and an entry in the listed form of rows, as recorded before the compact one
        try queue.write { db in
            let uuid = try String.fetchOne(db, sql: "SELECT uuid FROM participant WHERE id = ?", arguments: [people[1]])!
            _ = try ChangeRecorder(actor: ChangeRecorder.unknownActor).append(
                .outsideMalaka, detail: nil, subjects: "{}",
                rows: #"[{"kind":"update","table":"participant","uuid":"\#(uuid)","values":{"fullName":"Гулнора Каримова"}}]"#, in: db)
        }
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM rowVersion") } == 0)

        // When an import catches up
        try queue.write { try AppDatabase.catchUpRowVersions($0) }

        // Then every row has the version of the latest entry that changed it, and the watermark is the head
        let expected = try Self.latestChanges(queue)
        #expect(expected.count >= 10)
        let head = try queue.read { try Int64.fetchOne($0, sql: "SELECT max(siteSequence) FROM change")! }
        #expect(expected.values.contains { $0.hasPrefix("XO-URG1 \(head) ") })
        #expect(try Self.versions(queue) == expected)
        #expect(try queue.read { try Int64.fetchOne($0, sql: "SELECT versionedThrough FROM syncState") } == head)

        // And a second catch-up, or one after a later change, writes only what changed since
        try queue.write { try AppDatabase.catchUpRowVersions($0) }
        #expect(try Self.versions(queue) == expected)
        try database.markAttendance(AttendanceMarks(eventID: event.id, date: Fixtures.day("2019-03-25"), marks: [people[1]: .present]))
        try queue.write { try AppDatabase.catchUpRowVersions($0) }
        #expect(try Self.versions(queue) == Self.latestChanges(queue))
        #expect(try Self.versions(queue) != expected)
    }

    /// Joining a programme renames the site's entries; versions written before under the provisional code would
    /// name entries that no longer exist.
    @Test func versionsWrittenBeforeJoiningAreWrittenAgainUnderTheSiteCode() throws {
        let queue = try DatabaseQueue()
        let database = try AppDatabase(queue)
        _ = try Fixtures.people(["Gulnora Karimova", "Rustam Aliyev"], in: database)
        try queue.write { try AppDatabase.catchUpRowVersions($0) }
        #expect(try queue.read { try String.fetchAll($0, sql: "SELECT DISTINCT site FROM rowVersion") }.allSatisfy(SiteCode.isProvisional))

        _ = try database.joinSite(code: "XO-URG1", programme: "Parenting Khorezm")
        try queue.write { try AppDatabase.catchUpRowVersions($0) }

        let versions = try Self.versions(queue)
        #expect(versions.count == 2 && versions.values.allSatisfy { $0.hasPrefix("XO-URG1 ") })
        #expect(versions == (try Self.latestChanges(queue)))
    }

    /// `"table uuid" → "site sequence hlc"` as `rowVersion` holds it.
    private static func versions(_ queue: DatabaseQueue) throws -> [String: String] {
        try queue.read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT tableName, uuid, site, siteSequence, hlc FROM rowVersion").map { row in
                ("\(row[0] as String) \(row[1] as String)", "\(row[2] as String) \(row[3] as Int64) \(row[4] as String)")
            })
        }
    }

    /// The same, worked out from the log in Swift: the entry with the latest clock among those naming each row.
    private static func latestChanges(_ queue: DatabaseQueue) throws -> [String: String] {
        var latest: [String: (hlc: String, version: String)] = [:]
        for entry in try queue.read({ try ChangeEntry.fetchAll($0) }) {
            let rows = try SyncBundleReader.rows(entry.rows)
            for row in rows {
                let key = "\(row["table"] as! String) \(row["uuid"] as! String)"
                if latest[key].map({ entry.hlc > $0.hlc }) ?? true {
                    latest[key] = (entry.hlc, "\(entry.site) \(entry.siteSequence) \(entry.hlc)")
                }
            }
        }
        return latest.mapValues(\.version)
    }
}

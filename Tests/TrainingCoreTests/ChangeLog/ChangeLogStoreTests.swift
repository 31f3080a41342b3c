import Foundation
import CertificateVerification
import GRDB
import Testing
@testable import TrainingCore

@Suite struct ChangeLogStoreTests {
    func entries(_ queue: DatabaseQueue) throws -> [ChangeEntry] {
        try queue.read { try ChangeEntry.order(Column("id")).fetchAll($0) }
    }

    func staged(_ queue: DatabaseQueue) throws -> Int {
        try queue.writeWithoutTransaction { try ChangeTap.of($0).count }
    }

    @Test func aNewDatabaseHasASiteOfItsOwnAndAnEmptyLog() throws {
        let queue = try DatabaseQueue()
        let database = try AppDatabase(queue)
        let site = try database.localSite()
        #expect(SiteCode.isProvisional(site.code) && site.isLocal && site.programme == nil)
        // The regions are not records that travel: loading them records nothing.
        #expect(try entries(queue).isEmpty)
        #expect(try staged(queue) == 0)
    }

    @Test func everyWriteIsOneEntryWithItsOperationActorSubjectsAndRows() throws {
        // Given a database acting for a person of the web front end
        let queue = try DatabaseQueue()
        let database = try AppDatabase(queue).acting(as: "web:dilnoza")
        try database.syncCourses([Fixtures.parenting, Fixtures.meeting])
        let event = try Fixtures.khorezmTraining(in: database)
        let people = try Fixtures.people(["Gulnora Karimova", "Rustam Aliyev"], in: database)

        // When two people are enrolled and marked
        try database.enroll(eventID: event.id, participantIDs: people)
        try database.markAttendance(AttendanceMarks(eventID: event.id, date: Fixtures.day("2019-03-25"), everyoneElse: .present))

        // Then each write is one entry, chained, naming what it did, who did it and to whom
        let log = try entries(queue)
        #expect(log.map(\.operation) == ["syncCourses", "createEvent", "addPeople", "enroll", "markAttendance"])
        #expect(log.allSatisfy { $0.actor == "web:dilnoza" })
        #expect(log.map(\.siteSequence) == [1, 2, 3, 4, 5])
        #expect(zip(log.dropFirst(), log).allSatisfy { $0.previousHash == $1.hash } && log[0].previousHash == nil)
        #expect(zip(log.dropFirst(), log).allSatisfy { $0.hlc > $1.hlc })
        let eventUUID = try queue.read { try String.fetchOne($0, sql: "SELECT uuid FROM event WHERE id = ?", arguments: [event.id])! }
        let peopleUUIDs = try queue.read { try String.fetchAll($0, sql: "SELECT uuid FROM participant ORDER BY uuid") }
        let marking = log[4]
        #expect(marking.subjects == CanonicalJSON.object(["events": [eventUUID], "participants": peopleUUIDs]))
        let rows = try SyncBundleReader.rows(marking.rows)
        #expect(rows.count == 2 && rows.allSatisfy { $0["table"] as? String == "attendance" && $0["kind"] as? String == "insert" })
        let values = rows[0]["values"] as! [String: Any]
        #expect(values["status"] as? String == "present" && values["enrollmentUuid"] is String && values["sessionUuid"] is String)
        #expect(values["enrollmentId"] == nil && values["id"] == nil)
        // And nothing stays staged, and the log verifies
        #expect(try staged(queue) == 0)
        #expect(try database.verifyChangeLog().isEmpty)
        #expect(try database.changeLog(ChangeLogFilter(participantID: people[0])).map(\.entry.operation) == ["addPeople", "enroll", "markAttendance"])
        #expect(try database.changeLog(ChangeLogFilter(eventID: event.id)).map(\.entry.operation) == ["createEvent", "enroll", "markAttendance"])
        #expect(try database.changeLog(ChangeLogFilter(actor: "someone else")).isEmpty)
        #expect(try database.changeLog()[4].rowCounts == ["attendance insert": 2])
    }

    @Test func everyTravellingRowHasAUUIDAndNoOriginWhenMadeHere() throws {
        let queue = try DatabaseQueue()
        let database = try AppDatabase(queue)
        try database.syncCourses([Fixtures.parenting])
        let event = try Fixtures.khorezmTraining(in: database)
        try database.enroll(eventID: event.id, participantIDs: try Fixtures.people(["Gulnora Karimova"], in: database))
        try queue.read { db in
            for table in TravellingTables.names {
                for row in try Row.fetchAll(db, sql: "SELECT uuid, originSite FROM \(table)") {
                    #expect(UUIDv7.isValid(row["uuid"]), "\(table)")
                    #expect((row["originSite"] as String?) == nil)
                }
            }
        }
    }

    @Test func aRefusedWriteRecordsNothing() throws {
        let queue = try DatabaseQueue()
        let database = try AppDatabase(queue)
        try database.syncCourses([Fixtures.parenting])
        let event = try Fixtures.khorezmTraining(in: database)
        let before = try entries(queue)
        #expect(throws: MalakaError.self) {
            try database.markAttendance(AttendanceMarks(eventID: event.id, date: Fixtures.day("2019-03-25"), marks: [999: .present]))
        }
        #expect(try entries(queue) == before)
        #expect(try staged(queue) == 0)
    }

    @Test func rowsChangedWithoutMalakaAreRecordedApartBeforeTheNextWrite() throws {
        let queue = try DatabaseQueue()
        let database = try AppDatabase(queue)
        let people = try Fixtures.people(["Gulnora Karimova"], in: database)
        // A script on the library changes a phone on Malaka's connection, without AppDatabase
        try queue.write { try $0.execute(sql: "UPDATE participant SET phone = '+998 90 000 00 00' WHERE id = ?", arguments: [people[0]]) }
        #expect(try staged(queue) == 1)
        _ = try Fixtures.people(["Rustam Aliyev"], in: database)
        let log = try entries(queue)
        #expect(log.map(\.operation) == ["addPerson", "outsideMalaka", "addPerson"])
        #expect(log[1].actor == "unknown" && log[1].rows.contains("+998 90 000 00 00"))
        #expect(try staged(queue) == 0)
    }

    @Test func rowsAppliedFromABundleAreNotRecordedAsThisSiteChanges() throws {
        let queue = try DatabaseQueue()
        let database = try AppDatabase(queue)
        try queue.write { db in
            try db.execute(sql: "UPDATE syncState SET applying = 1")
            try ChangeTap.of(db).isPaused = true
            try db.execute(sql: "INSERT INTO trainer (name, nameKey, originSite) VALUES ('Aziz', 'aziz', 'SA-SAM1')")
        }
        #expect(try staged(queue) == 0)
        _ = try Fixtures.people(["Gulnora Karimova"], in: database)
        #expect(try queue.read { try Bool.fetchOne($0, sql: "SELECT applying FROM syncState") } == false)
        #expect(try entries(queue).map(\.operation) == ["addPerson"])
    }

    @Test func handEditsOfTheLogAreFound() throws {
        let queue = try DatabaseQueue()
        let database = try AppDatabase(queue)
        for name in ["Gulnora Karimova", "Rustam Aliyev", "Lola Ismoilova", "Aziz Karimov"] {
            _ = try Fixtures.people([name], in: database)
        }
        let site = try database.localSite().code
        #expect(try database.verifyChangeLog().isEmpty)

        try queue.write { try $0.execute(sql: "UPDATE change SET actor = 'someone else' WHERE siteSequence = 2") }
        #expect(try database.verifyChangeLog() == [ChangeChain.Break(site: site, sequence: 2, entryID: 2, kind: .edited)])
        try queue.write { try $0.execute(sql: "DELETE FROM change WHERE siteSequence = 2") }
        #expect(try database.verifyChangeLog() == [ChangeChain.Break(site: site, sequence: 3, entryID: 3, kind: .missing(expected: 2))])
        try queue.write { try $0.execute(sql: "DELETE FROM change WHERE siteSequence <> 1") }
        #expect(try database.verifyChangeLog() == [ChangeChain.Break(site: site, sequence: 1, entryID: nil, kind: .truncated(head: 4))])
    }

    @Test func joiningAProgrammeRenamesTheSiteAndKeepsTheChainWhole() throws {
        let queue = try DatabaseQueue()
        let database = try AppDatabase(queue)
        _ = try Fixtures.people(["Gulnora Karimova", "Rustam Aliyev"], in: database)
        let old = try database.localSite().code

        let site = try database.joinSite(code: "XO-URG1", programme: "Parenting Khorezm", name: "Urgench office")

        #expect(site.code == "XO-URG1" && site.programme == "Parenting Khorezm" && site.name == "Urgench office" && site.joinedAt != nil)
        let log = try entries(queue)
        #expect(log.map(\.operation) == ["addPeople", "joinSite"])
        #expect(log.allSatisfy { $0.site == "XO-URG1" && $0.hlc.hasSuffix("-XO-URG1") })
        #expect(log[1].detail == "\(old) → XO-URG1, programme Parenting Khorezm")
        #expect(try database.verifyChangeLog().isEmpty)
        #expect(try database.sites().map(\.code) == ["XO-URG1"])

        // Once anything was exchanged, the code is fixed
        try queue.write { try $0.execute(sql: "UPDATE syncState SET exchangedAt = '2026-12-01 10:00:00'") }
        #expect(throws: MalakaError.self) { try database.joinSite(code: "XO-URG2", programme: "Parenting Khorezm") }
        #expect(throws: MalakaError.self) { try database.joinSite(code: "urgench", programme: "Parenting Khorezm") }
    }

    /// A second laptop set up from a copy of the first's file, then joined as another site: the two logs share
    /// no entry's uuid, so that each can import the other's bundles.
    @Test func twoCopiesOfOneFileJoinedAsTwoSitesShareNoEntry() throws {
        let first = try DatabaseQueue()
        _ = try Fixtures.people(["Gulnora Karimova", "Rustam Aliyev"], in: try AppDatabase(first))
        let second = try DatabaseQueue()
        try first.backup(to: second)

        _ = try AppDatabase(first).joinSite(code: "XO-URG1", programme: "Parenting Khorezm")
        _ = try AppDatabase(second).joinSite(code: "XO-SHO1", programme: "Parenting Khorezm")

        let (mine, theirs) = (Set(try entries(first).map(\.uuid)), Set(try entries(second).map(\.uuid)))
        #expect(mine.count == 2 && theirs.count == 2)
        #expect(mine.isDisjoint(with: theirs))
        #expect(try AppDatabase(second).verifyChangeLog().isEmpty)
    }

    @Test func anotherSiteIsAddedWithItsKey() throws {
        let database = try AppDatabase.inMemory()
        let key = SigningKey.generate().publicKey.base64
        let site = try database.addSite(code: "SA-SAM1", name: "Samarkand office", key: key)
        #expect(site.publicKey == key && !site.isLocal)
        // The same key again is no change; another key for that code is refused
        #expect(try database.addSite(code: "SA-SAM1", key: key) == site)
        #expect(throws: MalakaError.self) { try database.addSite(code: "SA-SAM1", key: SigningKey.generate().publicKey.base64) }
        #expect(throws: MalakaError.self) { try database.addSite(code: "TK-TAS1", key: "not a key") }
        // A PEM block as OpenSSL writes it holds the same key
        let der = Data([0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00]) + Data(base64Encoded: key)!
        let pem = "-----BEGIN PUBLIC KEY-----\n\(der.base64EncodedString())\n-----END PUBLIC KEY-----\n"
        #expect(try database.addSite(code: "TK-TAS1", key: pem).publicKey == key)
        #expect(try database.sites().map(\.code).dropFirst() == ["SA-SAM1", "TK-TAS1"])
    }
}

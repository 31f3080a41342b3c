import Foundation
import GRDB
import Testing
@testable import TrainingCore

@Suite struct BackupTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("malaka-backup-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    @Test func aBackupRestoresEveryRecord() throws {
        // Given a database with a course, an event and a person
        let live = try AppDatabase.open(at: path("live.sqlite"), creating: true)
        try live.syncCourses([Fixtures.parenting])
        let event = try Fixtures.khorezmTraining(in: live)
        let ids = try Fixtures.people(["Gʻulomjon Oʻrinboyev"], in: live)
        try live.enroll(eventID: event.id, participantIDs: ids)
        // When it is backed up, changed, and restored
        try live.backup(to: path("copy.sqlite"))
        _ = try Fixtures.people(["Added after the backup"], in: live)
        try live.restore(from: path("copy.sqlite"))
        // Then it holds exactly what it held at the backup
        #expect(try live.participants().map(\.fullName) == ["Gʻulomjon Oʻrinboyev"])
        #expect(try live.eventDetail(id: event.id).enrolledCount == 1)
    }

    @Test func aBackupNeverOverwritesAFile() throws {
        let live = try AppDatabase.open(at: path("live.sqlite"), creating: true)
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: path("existing.sqlite")))
        #expect(throws: MalakaError.self) { try live.backup(to: path("existing.sqlite")) }
        #expect(try String(contentsOfFile: path("existing.sqlite"), encoding: .utf8) == "keep me")
    }

    @Test func restoreRefusesWhatIsNotAMalakaDatabase() throws {
        let live = try AppDatabase.open(at: path("live.sqlite"), creating: true)
        _ = try Fixtures.people(["Still here"], in: live)
        let other = try DatabaseQueue(path: path("other.sqlite"))
        try other.write { try $0.execute(sql: "CREATE TABLE note (text TEXT)") }
        try other.close()
        try Data("not a database at all".utf8).write(to: URL(fileURLWithPath: path("text.sqlite")))
        for file in ["other.sqlite", "text.sqlite", "missing.sqlite"] {
            #expect(throws: MalakaError.self) { try live.restore(from: path(file)) }
        }
        #expect(try live.participants().map(\.fullName) == ["Still here"])
    }
}

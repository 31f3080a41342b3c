import Foundation
import Testing

/// Files that hold names are their owner's only (0600), whatever the umask; shared ones stay readable.
@Suite struct FileModeEndToEndTests {
    typealias Training = CertificatesEndToEndTests.Training

    private func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    /// `malaka` under `umask 000`, where a file made without an explicit mode would be 0666.
    private func runUnderOpenUmask(_ programme: TemporaryProgramme, _ arguments: [String]) throws -> MalakaResult {
        let malaka = try #require(MalakaProcess.executable)
        return try MalakaProcess.run(["-c", "umask 000; exec \"$0\" \"$@\"", malaka.path] + arguments + ["--db", programme.databasePath],
                                     in: programme.directory, program: URL(fileURLWithPath: "/bin/sh"))
    }

    @Test func aNewDatabaseIsTheOwnersOnly() throws {
        let programme = try TemporaryProgramme(.noDatabase)
        let run = try runUnderOpenUmask(programme, ["init"])
        #expect(run.status == 0, "\(run)")
        #expect(try mode(programme.databasePath) == 0o600)
    }

    @Test func backupsExportsAndReportsWithNamesAreTheOwnersOnly() throws {
        let training = try Training(CertificatesEndToEndTests.fourLanguages)
        let programme = training.programme
        let commands: [(file: String, arguments: [String])] = [
            ("backup.sqlite", ["backup", programme.path("backup.sqlite")]),
            ("people.csv", ["export", "participants", "--out", programme.path("people.csv")]),
            ("summary.pdf", ["report", "regions", "--year", "2019", "--format", "pdf", "--out", programme.path("summary.pdf")]),
        ]
        for (file, arguments) in commands {
            let run = try runUnderOpenUmask(programme, arguments)
            #expect(run.status == 0, "\(run)")
            #expect(try mode(programme.path(file)) == 0o600, "\(file)")
        }
        let run = try runUnderOpenUmask(programme, training.issueArguments(["--bundle", "all.pdf"]))
        #expect(run.status == 0, "\(run)")
        #expect(try mode(programme.path("all.pdf")) == 0o600)
    }

    @Test func initSaysWhenOthersCanReadTheDatabase() throws {
        let programme = try TemporaryProgramme(.emptyDatabase)
        chmod(programme.databasePath, 0o644)
        let run = try programme.succeed(["init"])
        #expect(run.stderr.contains("warning: \(programme.databasePath) has mode 644"), "\(run)")
        #expect(run.stderr.contains("chmod 600"), "\(run)")
        chmod(programme.databasePath, 0o600)
        #expect(try programme.succeed(["init"]).stderr.isEmpty)
    }
}

import Foundation
import Testing

/// Commands that only read work on a database the user may read but not write.
@Suite(.enabled(if: geteuid() == 0, "Reading as another user needs root to switch to user nobody; run the tests as root (CI does)."))
struct ReadOnlyDatabaseEndToEndTests {
    /// `malaka ARGUMENTS --db …` as user nobody, who may read the database and its folder but write neither.
    private func runAsNobody(_ programme: TemporaryProgramme, _ arguments: [String]) throws -> MalakaResult {
        let malaka = try #require(MalakaProcess.executable)
        return try MalakaProcess.run(["-u", "nobody", "--", malaka.path] + arguments + ["--db", programme.databasePath],
                                     in: URL(fileURLWithPath: "/"), program: URL(fileURLWithPath: "/usr/sbin/runuser"))
    }

    @Test func readingCommandsWorkOnADatabaseTheUserMayNotWrite() throws {
        // Given a programme with one person, readable by everyone and writable by its owner only
        let programme = try TemporaryProgramme()
        let person = try programme.addParticipant("Gulnora Karimova")
        chmod(programme.databasePath, 0o644)
        chmod(programme.directory.path, 0o755)
        let before = try programme.fingerprint()

        // When another user lists, shows and exports
        for arguments in [["participant", "list"], ["participant", "show", String(person)], ["course", "list"],
                          ["event", "list"], ["export", "participants"]] {
            let run = try runAsNobody(programme, arguments)
            // Then each works, and nothing changed
            #expect(run.status == 0, "\(run)")
            #expect(!run.stderr.contains("readonly"), "\(run)")
        }
        #expect(try runAsNobody(programme, ["participant", "list"]).stdout.contains("Gulnora Karimova"))
        #expect(try programme.fingerprint().changes(since: before) == nil)

        // And a command that writes is refused with a clear I/O error, changing nothing
        let add = try runAsNobody(programme, ["participant", "add", "--name", "Lola Ismoilova"])
        #expect(add.status != 0, "\(add)")
        #expect(try programme.fingerprint().changes(since: before) == nil)
    }
}

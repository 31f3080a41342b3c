import Foundation
import Testing

/// Commands that only read work on a database the user may read but not write.
@Suite(.enabled(if: geteuid() == 0, "Reading as another user needs root to switch to user nobody; run the tests as root (CI does)."))
struct ReadOnlyDatabaseEndToEndTests {
    /// `malaka ARGUMENTS --db …` as user nobody, who may read the database and its folder but write neither.
    private func runAsNobody(_ programme: TemporaryProgramme, _ arguments: [String], malaka: URL) throws -> MalakaResult {
        try MalakaProcess.run(["-u", "nobody", "--", malaka.path] + arguments + ["--db", programme.databasePath],
                              in: URL(fileURLWithPath: "/"), program: URL(fileURLWithPath: "/usr/sbin/runuser"))
    }

    /// The built `malaka` with its resource bundles, in a `bin` folder inside `folder`, which every user may
    /// enter: the checkout may lie in a folder only its owner may (a clone made in `mktemp -d` is mode 700),
    /// where nobody could not even start it. The binary is hard-linked when it can be, else copied.
    private func malakaEveryoneCanRun(in folder: URL) throws -> URL {
        let built = try #require(MalakaProcess.executable)
        let files = FileManager.default
        let bin = folder.appendingPathComponent("bin")
        try files.createDirectory(at: bin, withIntermediateDirectories: false)
        chmod(bin.path, 0o755)
        let malaka = bin.appendingPathComponent("malaka")
        if link(built.path, malaka.path) != 0 { try files.copyItem(at: built, to: malaka) }
        for name in try files.contentsOfDirectory(atPath: built.deletingLastPathComponent().path) where name.hasSuffix(".resources") {
            try files.copyItem(at: built.deletingLastPathComponent().appendingPathComponent(name), to: bin.appendingPathComponent(name))
        }
        return malaka
    }

    @Test func readingCommandsWorkOnADatabaseTheUserMayNotWrite() throws {
        // Given a programme with one person, readable by everyone and writable by its owner only
        let programme = try TemporaryProgramme()
        let person = try programme.addParticipant("Gulnora Karimova")
        chmod(programme.databasePath, 0o644)
        chmod(programme.directory.path, 0o755)
        let malaka = try malakaEveryoneCanRun(in: programme.directory)
        let before = try programme.fingerprint()

        // When another user lists, shows and exports
        for arguments in [["participant", "list"], ["participant", "show", String(person)], ["course", "list"],
                          ["event", "list"], ["export", "participants"]] {
            let run = try runAsNobody(programme, arguments, malaka: malaka)
            // Then each works, and nothing changed
            #expect(run.status == 0, "\(run)")
            #expect(!run.stderr.contains("readonly"), "\(run)")
        }
        #expect(try runAsNobody(programme, ["participant", "list"], malaka: malaka).stdout.contains("Gulnora Karimova"))
        #expect(try programme.fingerprint().changes(since: before) == nil)

        // And a command that writes is refused with a clear I/O error, changing nothing
        let add = try runAsNobody(programme, ["participant", "add", "--name", "Lola Ismoilova"], malaka: malaka)
        #expect(add.status != 0, "\(add)")
        #expect(try programme.fingerprint().changes(since: before) == nil)
    }
}

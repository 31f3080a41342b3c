import ArgumentParser
import Foundation
import TrainingCore

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the database, even while others use it.",
        discussion: "Example: malaka backup backups/programme-2019-12-31.sqlite")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The new backup file.") var file: String

    func run() throws {
        try database.openForReading().backup(to: file)
        print("Backed up \(database.resolvedPath) to \(file).")
    }
}

struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the database's content with a backup's.",
        discussion: """
            The backup must be a Malaka database that passes SQLite's integrity check. \
            The database is created if it does not exist; an existing one needs --force.
            Example: malaka restore backups/programme-2019-12-31.sqlite --db programme.sqlite --force
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The backup file.") var file: String
    @Flag(help: "Replace an existing database's content.") var force = false

    func run() throws {
        let path = database.resolvedPath
        let exists = ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) > 0
        if exists && !force {
            throw MalakaError.usage("\(path) already holds a database; restoring replaces all of it. Add --force to go ahead, or give another --db.")
        }
        // Check the backup before creating anything, so a wrong file leaves no new database behind.
        try AppDatabase.checkBackup(at: file)
        let target = try AppDatabase.open(at: path, creating: true)
        try target.restore(from: file)
        print("Restored \(path) from \(file).")
    }
}

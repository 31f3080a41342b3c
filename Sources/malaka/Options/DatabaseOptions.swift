import ArgumentParser
import Foundation
import TrainingCore

/// Where the database is: `--db`, else `MALAKA_DB`, else `./malaka.sqlite`.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp("The database file.", valueName: "path"))
    var path: String?

    var resolvedPath: String {
        if let path, !path.isEmpty { return path }
        if let path = ProcessInfo.processInfo.environment["MALAKA_DB"], !path.isEmpty { return path }
        return "malaka.sqlite"
    }

    /// Opens the existing database; a missing file is an error, so that a typo never creates a new one.
    func open() throws -> AppDatabase {
        try AppDatabase.open(at: resolvedPath, creating: false)
    }

    /// Opens the existing database read-only, for commands that only read: they work on a database the user may not write.
    func openForReading() throws -> AppDatabase {
        try AppDatabase.openForReading(at: resolvedPath)
    }
}

/// `--json` for commands that print records.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON instead of a table, for scripts.")
    var json = false
}

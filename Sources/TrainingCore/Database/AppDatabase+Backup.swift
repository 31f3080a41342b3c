import Foundation
import GRDB
import MalakaSupport

extension AppDatabase {
    /// Writes a consistent copy of the live database to a new file, with SQLite's online backup.
    ///
    /// Other `malaka` processes may go on writing meanwhile; the copy is one
    /// moment's state. The copy is written under a temporary name, checked with
    /// `PRAGMA integrity_check`, then renamed, so a cut-off backup never looks finished.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/backup.html>
    ///
    /// The backup holds everything the database does, names and phones included, so only its owner may read it (0600).
    public func backup(to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let exists = MalakaError.io("\(path) already exists. Give a new file name for the backup; nothing was written.")
        guard !FileManager.default.fileExists(atPath: path) else { throw exists }
        do {
            let file = try AtomicFile(destination: url, permissions: 0o600)
            defer { file.discard() }
            do {
                let copy = try DatabaseQueue(path: file.temporaryPath)
                try dbWriter.backup(to: copy)
                let check = try copy.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
                try copy.close()
                guard check == ["ok"] else {
                    throw MalakaError.data("The backup did not pass SQLite's integrity check (\(check.prefix(3).joined(separator: "; "))); nothing was written to \(path).")
                }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL || error.resultCode == .SQLITE_IOERR {
                // SQLite's own words for a full disk can end in "not an error"; say what happened, and where.
                throw FileWriteError(path: path, step: .write, code: error.resultCode == .SQLITE_FULL ? ENOSPC : EIO)
            }
            guard try file.publishWithoutReplacing() else { throw exists }
        } catch let error as FileWriteError {
            throw MalakaError.io("Cannot write the backup: \(error.description)")
        } catch let error as DatabaseError {
            throw MalakaError.io("Cannot write the backup to \(path): \(error.message ?? "\(error.resultCode)").")
        }
    }

    /// Checks that a file is a sound Malaka database that this version can read, without writing to it.
    public static func checkBackup(at path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw MalakaError.io("There is no backup at \(path).")
        }
        try checkIsMalakaDatabase(at: path)
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let source = try DatabaseQueue(path: path, configuration: configuration)
            let check = try source.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
            try source.close()
            guard check == ["ok"] else {
                throw MalakaError.data("\(path) is damaged (SQLite's integrity check says: \(check.prefix(3).joined(separator: "; "))); nothing was restored.")
            }
        } catch let error as DatabaseError {
            throw MalakaError.data("\(path) cannot be read as a database (\(error.message ?? "\(error.resultCode)")); nothing was restored.")
        }
    }

    /// Replaces the database's content with a backup's, after ``checkBackup(at:)``.
    ///
    /// - Parameter path: the backup file, as written by ``backup(to:)``.
    public func restore(from path: String) throws {
        try Self.checkBackup(at: path)
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let source = try DatabaseQueue(path: path, configuration: configuration)
            try source.backup(to: dbWriter)
            try source.close()
            try Self.migrator.migrate(dbWriter)
        } catch let error as DatabaseError {
            throw MalakaError.io("Cannot restore from \(path): \(error.message ?? "\(error.resultCode)"); the database was left as it was.")
        }
        // The restored log goes on with the restore itself, so a history that went back in time says so.
        try write(.restoreBackup, detail: "from \((path as NSString).lastPathComponent)") { _ in }
    }
}

import Foundation
import GRDB

extension AppDatabase {
    /// Opens the database file at `path` for commands that only read: nothing is written, not even
    /// the schema, so a database the user may read but not write (a colleague's, a copy on a
    /// read-only disk) can be listed, reported and exported.
    ///
    /// A database an older Malaka wrote is refused: bringing it up to date is a write.
    public static func openForReading(at path: String) throws -> AppDatabase {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size > 0 else {
            throw MalakaError(.io, .noDatabase, "There is no Malaka database at \(path).",
                              subject: .database(path: path), remedy: .createDatabase(path: path))
        }
        try checkIsMalakaDatabase(at: path)
        do {
            let queue = try readOnlyQueue(at: path)
            guard try queue.read({ try migrator.hasCompletedMigrations($0) }) else {
                throw MalakaError(.data, .databaseOutOfDate, "\(path) was written by an older Malaka and must be brought up to date, which writes to it.",
                                  subject: .database(path: path), remedy: .bringDatabaseUpToDate(path: path))
            }
            return AppDatabase(reading: queue)
        } catch let error as DatabaseError {
            throw MalakaError.io("Cannot read the database at \(path): \(error.message ?? error.description).")
        }
    }

    /// A read-only connection. SQLite reads a WAL database through its `-shm` file, which it must
    /// be able to create beside it; where the folder is not writable either, and no write-ahead log
    /// is pending, the file is read as immutable, which needs no `-shm`.
    static func readOnlyQueue(at path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in db.add(function: ChangeRows.listedFunction) }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            _ = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
            return queue
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_CANTOPEN {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            let pendingLog = ((try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0) > 0
            guard access(folder, W_OK) != 0, !pendingLog else { throw error }
            var allowed = CharacterSet.urlPathAllowed
            allowed.remove(charactersIn: "?#")
            let encoded = URL(fileURLWithPath: path).path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
            return try DatabaseQueue(path: "file:\(encoded)?immutable=1", configuration: configuration)
        }
    }
}

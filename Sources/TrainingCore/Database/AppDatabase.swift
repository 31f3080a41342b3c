import Foundation
import GRDB

/// The Malaka database: one SQLite file holding the catalogue, the events, the people and their attendance.
///
/// `AppDatabase` migrates the schema when it opens and exposes methods named
/// after what they do. Every change that touches several rows runs in one
/// transaction, so a refused command leaves the database as it was.
///
/// For example:
/// ```swift
/// let database = try AppDatabase.open(at: "malaka.sqlite", creating: true)
/// try database.syncCourses(CourseCatalogue.load(directory: courses))
/// ```
///
/// ## Topics
/// - Opening: ``open(at:creating:)``, ``inMemory()``
/// - Catalogue: ``syncCourses(_:)``, ``courses()``, ``course(code:)``
/// - Events: ``createEvent(_:)``, ``events(matching:)``, ``eventDetail(id:)``, ``cancelEvent(id:reason:)``
/// - People: ``addParticipant(_:)``, ``addParticipants(_:)``, ``participant(id:)``, ``searchParticipants(_:)``
/// - Attendance: ``enroll(eventID:participantIDs:)``, ``markAttendance(_:)``, ``attendanceSheet(eventID:)``
public final class AppDatabase: Sendable {
    let dbWriter: any DatabaseWriter
    /// Sees commits made around Malaka, for ``changeVersion()``; nil for a database in memory.
    let commitWatcher: CommitWatcher?
    /// Who the change log names for the changes made through this value: the OS account, or the web's `web:NAME`.
    public let actor: String
    var gazetteer: Gazetteer { .bundled }

    /// Wraps a connection, migrates it and brings its regions up to date.
    public init(_ dbWriter: any DatabaseWriter, actor: String = AppDatabase.systemAccount) throws {
        self.dbWriter = dbWriter
        self.actor = actor
        commitWatcher = CommitWatcher(path: dbWriter.path)
        // A connection made elsewhere (a test's queue) learns the SQL function Malaka's own configuration adds.
        try dbWriter.writeWithoutTransaction { $0.add(function: ChangeRows.listedFunction) }
        try Self.migrator.migrate(dbWriter)
        try syncGazetteer()
    }

    /// Wraps a read-only connection to an up-to-date database, without migrating it.
    init(reading reader: DatabaseQueue) {
        dbWriter = reader
        actor = Self.systemAccount
        commitWatcher = nil
    }

    private init(sharing other: AppDatabase, actor: String) {
        dbWriter = other.dbWriter
        commitWatcher = other.commitWatcher
        self.actor = actor
    }

    /// The same database, its changes recorded as made by `actor`, such as `web:dilnoza`.
    ///
    /// The copy shares the connection: a front end serving many people makes one per request.
    public func acting(as actor: String) -> AppDatabase {
        AppDatabase(sharing: self, actor: actor)
    }

    /// The name of the account running this process, such as `dilnoza`.
    public static var systemAccount: String {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return "uid \(geteuid())" }
        return String(cString: name)
    }

    /// An empty database in memory, for tests and previews.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: configuration()))
    }

    /// Opens the database file at `path`.
    ///
    /// A file that is not a Malaka database, or that a newer Malaka wrote, is
    /// refused before anything is written to it.
    ///
    /// - Parameter creating: create the file if there is none; otherwise a missing file is an error.
    public static func open(at path: String, creating: Bool = false) throws -> AppDatabase {
        let fileManager = FileManager.default
        let exists = fileManager.fileExists(atPath: path)
        let size = (try? fileManager.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        // An empty file is what `touch` or a failed copy leaves: only `init` may make it a database.
        if (!exists || size == 0) && !creating {
            throw MalakaError(.io, .noDatabase, "There is no Malaka database at \(path).",
                              subject: .database(path: path), remedy: .createDatabase(path: path))
        }
        if exists && size > 0 {
            try checkIsMalakaDatabase(at: path)
        }
        if !exists {
            // Names, phones and the pseudonym secret: the owner's only, from the first byte. SQLite gives
            // the -wal and -shm files the database's own mode.
            let descriptor = Foundation.open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if descriptor >= 0 {
                fchmod(descriptor, 0o600)
                close(descriptor)
            }
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration())
            // GRDB leaves a WAL pool's writer at synchronous=NORMAL, which keeps the file sound in a power cut but
            // may lose the last commits; the ledger and the attendance are evidence, and FULL costs one fsync per command.
            try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
            return try AppDatabase(pool)
        } catch let error as DatabaseError {
            throw MalakaError.io("Cannot open the database at \(path): \(error.message ?? error.description).")
        }
    }

    /// Reads the file without writing to it, and refuses what is not ours or is too new.
    static func checkIsMalakaDatabase(at path: String) throws {
        // Reading a WAL database creates its -wal and -shm files; a refused file gets back what it had.
        let sideFiles = [path + "-wal", path + "-shm"].filter { !FileManager.default.fileExists(atPath: $0) }
        do {
            try readMalakaMarks(at: path)
        } catch {
            for file in sideFiles { try? FileManager.default.removeItem(atPath: file) }
            throw error
        }
    }

    private static func readMalakaMarks(at path: String) throws {
        do {
            let queue = try readOnlyQueue(at: path)
            try queue.read { db in
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                guard applicationID == AppDatabase.applicationID else {
                    throw MalakaError(.data, .notMalakaDatabase, "\(path) is a SQLite database but not a Malaka database. Nothing was changed.",
                                      subject: .database(path: path), remedy: .giveMalakaDatabase)
                }
                if try migrator.hasBeenSuperseded(db) {
                    throw MalakaError(.data, .newerDatabase, "\(path) was written by a newer version of Malaka than this one. Nothing was changed.",
                                      subject: .database(path: path), remedy: .updateMalaka)
                }
            }
            try queue.close()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            throw MalakaError.data("\(path) is not a Malaka database (SQLite says: \(error.message ?? "\(error.resultCode)")). Nothing was changed.")
        } catch let error as DatabaseError {
            throw describe(error)
        }
    }

    /// WAL, foreign keys, and a busy timeout so that two Malaka processes writing at once both succeed.
    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            // A statement that fires a trigger (a deletion from a travelling table does, for its tombstone) keeps a
            // statement journal of the pages it touches. SQLite keeps it in memory up to 64 KiB, then in a temporary
            // file, and once one has spilled every later one of the connection is written there: 1,000 certificates
            // issued made 17,000 writes of 35 MB to it. In memory, a journal costs a copy of each page and no call.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            db.add(function: ChangeRows.listedFunction)
        }
        return configuration
    }

    /// Runs a change in one transaction, records it in the change log as `operation`, and turns what
    /// SQLite refuses into a sentence.
    ///
    /// This is the one door every change goes through: the rows it changes are captured as they change
    /// (``ChangeTap``) and recorded as one entry before the transaction commits, and a change a
    /// closed period's triggers refuse is logged and named here (see ``PeriodLockTriggers``).
    ///
    /// - Parameter detail: what the rows do not say, recorded with the entry.
    func write<T>(_ operation: ChangeOperation, detail: String? = nil, _ updates: (Database) throws -> T) throws -> T {
        do {
            return try dbWriter.write { db in
                try ChangeRecorder.recordOutsideChanges(db)
                let value = try updates(db)
                try ChangeRecorder(actor: actor).record(operation, detail: detail, in: db)
                return value
            }
        } catch let error as DatabaseError {
            if let refusal = error.message.flatMap(PeriodLockTriggers.refusal(in:)) {
                throw self.refusal(lockID: refusal.lock, change: refusal.change)
            }
            throw Self.describe(error)
        }
    }

    func read<T>(_ value: (Database) throws -> T) throws -> T {
        do {
            return try dbWriter.read(value)
        } catch let error as DatabaseError {
            throw Self.describe(error)
        }
    }

    /// A read of one statement, outside a transaction: a statement sees one state of the database by itself, and
    /// the `BEGIN` and `COMMIT` around it cost as much as the small queries the pages ask at every request.
    func readStatement<T>(_ value: (Database) throws -> T) throws -> T {
        do {
            return try dbWriter.unsafeRead(value)
        } catch let error as DatabaseError {
            throw Self.describe(error)
        }
    }

    static func describe(_ error: DatabaseError) -> MalakaError {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return MalakaError(.io, .databaseBusy, "The database stayed busy with another Malaka process for too long; nothing was changed.",
                              remedy: .tryAgain)
        case .SQLITE_CONSTRAINT:
            return .data("The database refused the change (\(error.message ?? "constraint")); nothing was changed.")
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_IOERR, .SQLITE_FULL:
            return .io("The database could not be written (\(error.message ?? "\(error.resultCode)")); nothing was changed.")
        default:
            return .data("The database reported an error (\(error.message ?? "\(error.resultCode)")); nothing was changed.")
        }
    }

    /// Copies the bundled regions and districts into the database when they changed.
    private func syncGazetteer() throws {
        let fingerprintSQL = "SELECT value FROM meta WHERE key = 'gazetteer'"
        // Most opens find the regions current; only read, so they take no write lock.
        let current = Gazetteer.bundledFingerprint
        guard try read({ try String.fetchOne($0, sql: fingerprintSQL) }) != current else { return }
        try write(.updateRegions) { db in
            guard try String.fetchOne(db, sql: fingerprintSQL) != current else { return }
            func names(_ names: [DocumentLanguage: String]) -> [(any DatabaseValueConvertible)?] {
                Self.placeNameLanguages.map { names[$0] }
            }
            for region in gazetteer.regions {
                try db.execute(sql: """
                    INSERT INTO region (code, country, nameEn, nameRu, nameUzLatn, nameUzCyrl, nameKy) VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(code) DO UPDATE SET country = excluded.country, nameEn = excluded.nameEn, nameRu = excluded.nameRu,
                      nameUzLatn = excluded.nameUzLatn, nameUzCyrl = excluded.nameUzCyrl, nameKy = excluded.nameKy
                    """, arguments: StatementArguments([region.code, region.country] + names(region.names)))
                for district in region.districts {
                    try db.execute(sql: """
                        INSERT INTO district (code, regionCode, nameEn, nameRu, nameUzLatn, nameUzCyrl, nameKy) VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT(code) DO UPDATE SET regionCode = excluded.regionCode, nameEn = excluded.nameEn, nameRu = excluded.nameRu,
                          nameUzLatn = excluded.nameUzLatn, nameUzCyrl = excluded.nameUzCyrl, nameKy = excluded.nameKy
                        """, arguments: StatementArguments([district.code, region.code] + names(district.names)))
                }
            }
            try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('gazetteer', ?)", arguments: [current])
        }
    }
}

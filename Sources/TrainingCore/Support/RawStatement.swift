import GRDB
import GRDBSQLite

/// A statement run through SQLite's C API, for the lookups and writes a bundle's import makes at every row.
///
/// GRDB's arguments (an array of existentials checked against the statement), its cursors and rows cost
/// as much as SQLite's own lookup by an index. Here the values are bound and read straight; the statement
/// is prepared once, is the holder's own (not in GRDB's cache, which could hand it to another caller half
/// run) and is always reset after use. For statements inside a transaction GRDB already holds: no
/// transaction is begun or observed here, and no `TransactionObserver` watches this database's changes
/// (``ChangeTap`` hears of commits and rollbacks only).
final class RawStatement {
    private let statement: Statement
    private let handle: SQLiteStatement
    private let db: Database

    init(_ db: Database, sql: String) throws {
        self.db = db
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
    }

    /// The statement of GRDB's cache, for a caller that runs it to its end before anyone else may: prepared once
    /// per connection instead of once per use.
    init(cachedIn db: Database, sql: String) throws {
        self.db = db
        statement = try db.cachedStatement(sql: sql)
        handle = statement.sqliteStatement
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// A text as GRDB binds it: up to its first NUL, if it holds one, copied by SQLite.
    func bind(_ index: Int32, _ text: String) {
        sqlite3_bind_text(handle, index, text, -1, Self.transient)
    }

    /// UTF-8 text that stays where it is until the statement is reset.
    func bind(_ index: Int32, utf8 text: UnsafeBufferPointer<UInt8>) {
        sqlite3_bind_text(handle, index, UnsafeRawPointer(text.baseAddress!).assumingMemoryBound(to: CChar.self), Int32(text.count), nil)
    }

    func bind(_ index: Int32, _ text: String?) {
        if let text { bind(index, text) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(handle, index, value)
    }

    func bind(_ index: Int32, _ value: Bool) {
        sqlite3_bind_int64(handle, index, value ? 1 : 0)
    }

    /// Any value as GRDB would bind it.
    func bind(_ index: Int32, _ value: (any DatabaseValueConvertible)?) {
        switch value?.databaseValue.storage ?? .null {
        case .null: sqlite3_bind_null(handle, index)
        case .int64(let integer): sqlite3_bind_int64(handle, index, integer)
        case .double(let double): sqlite3_bind_double(handle, index, double)
        case .string(let text): bind(index, text)
        case .blob(let data):
            _ = data.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), Self.transient) }
        }
    }

    /// Runs the statement to its first row: true when there is one, whose columns are read before ``reset()``.
    /// A failure resets the statement and throws as GRDB does.
    func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            let message = sqlite3_errmsg(db.sqliteConnection).map { String(cString: $0) }
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }

    /// Runs a statement that returns no row, then resets it.
    func execute() throws {
        defer { reset() }
        while try step() {}
    }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(handle, column) == SQLITE_NULL
    }

    func int64(_ column: Int32) -> Int64 {
        sqlite3_column_int64(handle, column)
    }

    func text(_ column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(handle, column) else { return nil }
        return String(cString: bytes)
    }

    /// The first column of the first row as an integer, nil when there is no row or it is NULL.
    func int64() throws -> Int64? {
        defer { reset() }
        return try step() && !isNull(0) ? int64(0) : nil
    }

    /// The first column of the first row as text, nil when there is no row or it is NULL.
    func text() throws -> String? {
        defer { reset() }
        return try step() ? text(0) : nil
    }
}

import CChangeHook
import Foundation
import GRDB

/// Captures every change to a travelling table, as the change log's rows, from SQLite's preupdate hook on the
/// connection that writes; ``ChangeRecorder`` takes them at the end of the write and records them as one entry.
///
/// Each row is written as JSON as it changes, in the compact form of ``ChangeRows``: its table, its kind, its uuid,
/// then its columns but the integer `id` and `uuid`, in the table's order, with each reference to a travelling row left
/// as a hole for that row's uuid (the column is named with `Id` turned into `Uuid`: `eventId` → `eventUuid`). The
/// holes are filled when the rows are taken, from the database, or from the rows the same write deleted (the tables
/// rows refer to are `AUTOINCREMENT`: an id never names two rows). Deletions carry the row as it was, for the audit;
/// a receiving site applies them as tombstones. For example:
/// ```json
/// ["enrollment","insert","…","XO-URG1","…","…","2026-03-25 09:00:00.000"]
/// ```
///
/// Capture by SQL triggers (``ChangeCapture``, until the migration "Capture changes in Swift") cost 1.5 to 1.7 times
/// the write itself; a trigger that does nothing already costs half an insert (BENCHMARKS.md, "Session 9"). The
/// hook sees only Malaka's own connections: rows changed with the `sqlite3` shell are not logged.
///
/// The rows follow the transaction: a rollback drops them, and so does ``rollBack(to:)`` for a savepoint rolled
/// back. Rows a transaction committed without recording them (a write that did not go through
/// ``AppDatabase``) are recorded at the start of the next write, as changes made outside Malaka. Nothing is
/// captured while a bundle from another site is applied (``isPaused``).
///
/// A migration that adds a column to a travelling table, or rebuilds one, is seen by the schema's version:
/// every write reads the tables' shapes again when it changed (``prepareForWrite(_:)``).
final class ChangeTap: TransactionObserver {
    /// A travelling table as the hook reads it.
    struct Shape {
        let table: String
        let cName: ContiguousArray<CChar>
        let columnCount: Int32
        let uuidColumn: Int32
        /// `["participant","insert","` for each kind, in the order of ``Kind/allCases``.
        let heads: [[UInt8]]
        let columns: [Column]
        /// The table's entry in the rows' list of columns: `"participant":["originSite","fullName",…]`.
        let columnNames: [UInt8]
    }

    struct Column {
        let index: Int32
        /// The shape of the travelling table the column refers to, if any.
        let references: Int?
        let subject: Subject?
    }

    /// What a reference says about the entry's subjects (the events, people and period locks it concerns).
    enum Subject {
        case event, participant, enrollment
    }

    enum Kind: String, CaseIterable {
        case insert, update, delete
    }

    /// A hole for the uuid of row `id` of shape `target`, at `offset` of ``bytes``.
    private struct Hole {
        let offset: Int
        let target: Int
        let id: Int64
        let subject: Subject?
    }

    /// Row `id` of shape `target`, as a hole names it.
    private struct Reference: Hashable {
        let target: Int
        let id: Int64
    }

    /// Where the rows stand, for rolling back to it.
    struct Mark {
        fileprivate let rows: Int, bytes: Int, holes: Int
    }

    private var shapes: [Shape] = []
    /// The shape of each table name SQLite has passed, by the name's address (SQLite keeps a table's name in one
    /// place), or -1 for a table that does not travel, with the name: a row changed is looked up by one comparison
    /// of names, not sixteen. An address SQLite reused for another table after reading the schema again does not
    /// compare equal, and is looked up afresh.
    private var shapeOfName: [UInt: (shape: Int, name: ContiguousArray<CChar>)] = [:]
    private var schemaVersion: Int32?
    private let connection: UnsafeMutableRawPointer
    /// A row whose column count is not its shape's: the schema changed under the hook. The write is refused.
    private var outOfDate: String?

    /// The rows, one JSON array each, separated by commas, the holes left out.
    private var bytes: [UInt8] = []
    private var holes: [Hole] = []
    /// Each row's shape, and where its uuid is in `bytes`.
    private var rows: [(shape: Int, uuid: Range<Int>)] = []
    /// The uuids of rows deleted by the transaction, by shape and id, for the holes that refer to them.
    private var deleted: [Int: [Int64: String]] = [:]

    private init(connection: UnsafeMutableRawPointer) {
        self.connection = connection
    }

    /// Installs a tap on `db`'s connection.
    private static func install(on sqlite: OpaquePointer, of db: Database) -> ChangeTap {
        let tap = ChangeTap(connection: UnsafeMutableRawPointer(sqlite))
        registryLock.withLock {
            if !callbackSet {
                malaka_set_change_callback { context, operation, table, oldRowID in
                    Unmanaged<ChangeTap>.fromOpaque(context!).takeUnretainedValue().rowWillChange(operation, table!, oldRowID)
                }
                callbackSet = true
            }
            registry[UInt(bitPattern: tap.connection)] = Entry(tap: tap, database: db)
        }
        // Unretained: the connection holds the tap (``of(_:)``), and calls the hook no more once it is closed.
        malaka_set_change_hook(tap.connection, Unmanaged.passUnretained(tap).toOpaque())
        return tap
    }

    deinit {
        let key = UInt(bitPattern: connection)
        let me = ObjectIdentifier(self)
        Self.registryLock.withLock {
            if Self.registry[key].map({ $0.tap == nil || ObjectIdentifier($0.tap!) == me }) == true { Self.registry[key] = nil }
        }
    }

    private struct Entry {
        weak var tap: ChangeTap?
        /// The connection's `Database`. SQLite gives a connection opened after another closed the closed one's
        /// memory, while its tap may live on a moment (released with its `Database`, perhaps on another thread):
        /// the tap of an address is the connection's only while this is the connection's `Database`.
        weak var database: Database?
    }

    /// The taps by connection, held by their connections (a transaction observer for the database's lifetime).
    /// Guarded by `registryLock`.
    nonisolated(unsafe) private static var registry: [UInt: Entry] = [:]
    /// Whether the hooks' one callback is set. Guarded by `registryLock`.
    nonisolated(unsafe) private static var callbackSet = false
    private static let registryLock = NSLock()

    /// The tap of `db`'s connection, installed by the first write that asks.
    static func of(_ db: Database) throws -> ChangeTap {
        guard let sqlite = db.sqliteConnection else {
            throw MalakaError.data("The database is closed. Nothing was changed.")
        }
        if let tap = registryLock.withLock({ registry[UInt(bitPattern: UnsafeMutableRawPointer(sqlite))].flatMap { $0.database === db ? $0.tap : nil } }) {
            return tap
        }
        let tap = install(on: sqlite, of: db)
        // The connection holds the tap for as long as it lives, and tells it of commits and rollbacks.
        db.add(transactionObserver: tap, extent: .databaseLifetime)
        return tap
    }

    /// Reads the travelling tables' shapes again when the schema changed since they were read.
    func prepareForWrite(_ db: Database) throws {
        let version = try Int32.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
        guard version != schemaVersion else { return }
        shapes = try Self.shapes(db)
        shapeOfName = [:]
        schemaVersion = version
    }

    /// Whether capture is off: while a bundle's rows are applied (the site that made them recorded them), and
    /// while a merge's removals are followed. Turned on again when the transaction ends.
    var isPaused = false

    /// Turns capture off for as long as the connection is open (``AppDatabase/stopCapturingChanges()``): the hook is
    /// taken off, so SQLite does not prepare the rows for it either.
    func turnOff() {
        malaka_set_change_hook(connection, nil)
    }

    /// The number of rows captured and not taken yet.
    var count: Int { rows.count }

    var mark: Mark {
        Mark(rows: rows.count, bytes: bytes.count, holes: holes.count)
    }

    /// Forgets the rows captured since `mark`, which a savepoint rolled back.
    func rollBack(to mark: Mark) {
        // Rows taken for an entry since are gone already: the entry was rolled back with them.
        guard mark.rows <= rows.count else { return }
        rows.removeSubrange(mark.rows...)
        bytes.removeSubrange(mark.bytes...)
        holes.removeSubrange(mark.holes...)
    }

    /// The uuids of the rows of `table` captured and not taken yet.
    func uuids(in table: String) -> Set<String> {
        Set(rows.filter { shapes[$0.shape].table == table }.map { String(decoding: bytes[$0.uuid], as: UTF8.self) })
    }

    private func clear() {
        rows.removeAll()
        bytes.removeAll(keepingCapacity: bytes.count < 1 << 20)
        holes.removeAll()
        deleted.removeAll()
    }

    // MARK: - Capture

    private func rowWillChange(_ operation: Int32, _ table: UnsafePointer<CChar>, _ oldRowID: Int64) {
        guard !isPaused else { return }
        let shapeIndex: Int
        if let known = shapeOfName[UInt(bitPattern: table)],
           known.name.withUnsafeBufferPointer({ strcmp($0.baseAddress!, table) == 0 }) {
            shapeIndex = known.shape
        } else {
            shapeIndex = shapes.firstIndex { shape in shape.cName.withUnsafeBufferPointer { strcmp($0.baseAddress!, table) == 0 } } ?? -1
            shapeOfName[UInt(bitPattern: table)] = (shapeIndex, ContiguousArray(UnsafeBufferPointer(start: table, count: strlen(table) + 1)))
        }
        guard shapeIndex >= 0 else { return }
        let shape = shapes[shapeIndex]
        guard malaka_changing_column_count(connection) == shape.columnCount else {
            outOfDate = shape.table
            return
        }
        let kind: Kind = operation == 18 ? .insert : operation == 9 ? .delete : .update
        let old: Int32 = kind == .delete ? 1 : 0
        var value = malaka_column_value()
        // Written into a local array, moved out and back: appending to the property checks exclusive access every time.
        var bytes = self.bytes
        self.bytes = []
        defer { self.bytes = bytes }
        if !rows.isEmpty { bytes.append(UInt8(ascii: ",")) }
        bytes.append(contentsOf: shape.heads[Kind.allCases.firstIndex(of: kind)!])
        guard malaka_changing_column(connection, shape.uuidColumn, old, &value) == 0, value.type == 3 else {
            outOfDate = shape.table
            return
        }
        let uuidStart = bytes.count
        bytes.append(contentsOf: UnsafeBufferPointer(start: value.text, count: Int(value.length)))
        let uuid = uuidStart..<bytes.count
        bytes.append(UInt8(ascii: "\""))
        if kind == .delete {
            deleted[shapeIndex, default: [:]][oldRowID] = String(decoding: bytes[uuid], as: UTF8.self)
        }
        // Through the array's storage: iterating the columns as values retained and released each one's parts.
        let complete = shape.columns.withUnsafeBufferPointer { columns in
            for position in columns.indices {
                bytes.append(UInt8(ascii: ","))
                guard malaka_changing_column(connection, columns[position].index, old, &value) == 0 else { return false }
                if let target = columns[position].references, value.type == 1 {
                    holes.append(Hole(offset: bytes.count, target: target, id: value.integer, subject: columns[position].subject))
                } else {
                    Self.append(value, to: &bytes)
                }
            }
            return true
        }
        guard complete else {
            outOfDate = shape.table
            return
        }
        bytes.append(UInt8(ascii: "]"))
        rows.append((shapeIndex, uuid))
    }

    /// The tables whose rows are subjects of an entry by their own uuid, and as what.
    private static let rowSubjects = ["event": "events", "participant": "participants", "periodLock": "periodLocks"]

    private static func append(_ value: malaka_column_value, to bytes: inout [UInt8]) {
        switch value.type {
        case 1:
            CapturedJSON.appendDecimal(value.integer, to: &bytes)
        case 2:
            bytes.append(contentsOf: CapturedJSON.realText(value.real).utf8)
        case 3:
            CapturedJSON.appendString(UnsafeBufferPointer(start: value.text, count: Int(value.length)), to: &bytes)
        default:
            // A blob, which JSON cannot hold (no travelling column has one), or NULL.
            bytes.append(contentsOf: "null".utf8)
        }
    }

    // MARK: - Taking the rows

    /// The rows captured since the last take, ready for an entry; nil when there are none.
    struct Rows {
        /// The entry's rows, in the compact form of ``ChangeRows``.
        var rows: String
        /// The events, people and period locks the rows concern.
        var subjects: [String: [String]]
    }

    /// Fills the holes, hands over the rows and forgets them. Throws when the schema changed under the capture.
    func take(_ db: Database) throws -> Rows? {
        if let table = outOfDate {
            outOfDate = nil
            clear()
            throw MalakaError.data("The change log could not read a change to \(table): the database's tables changed while it was open. Nothing was changed; try again.")
        }
        guard !rows.isEmpty else { return nil }
        defer { clear() }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + holes.count * 38 + 1024)
        out.append(contentsOf: #"{"columns":{"#.utf8)
        var named = Set<Int>()
        for row in rows where named.insert(row.shape).inserted {
            if named.count > 1 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: shapes[row.shape].columnNames)
        }
        out.append(contentsOf: #"},"rows":["#.utf8)
        // Listed as found, sorted and made unique at the end: rows come in the order they were made, so their uuids
        // (UUIDv7) mostly come sorted already, and a set of a hundred thousand uuids cost more than the sort.
        var subjects: [String: [String]] = [:]
        var uuids: [Reference: String?] = [:]
        // Through SQLite's C API: GRDB's arguments and rows cost more than the lookups, one or two for every mark.
        var lookups: [Int: RawStatement] = [:]
        func lookUp(_ target: Int, _ id: Int64) throws -> String? {
            if lookups[target] == nil {
                lookups[target] = try RawStatement(cachedIn: db, sql: "SELECT uuid FROM \(shapes[target].table.quotedDatabaseIdentifier) WHERE id = ?")
            }
            lookups[target]!.bind(1, id)
            return try lookups[target]!.text()
        }
        // A mark's enrollment, with the event and the person the mark concerns, in one lookup.
        let enrollment = try RawStatement(cachedIn: db, sql: """
            SELECT en.uuid, e.uuid, p.uuid FROM enrollment en LEFT JOIN event e ON e.id = en.eventId
              LEFT JOIN participant p ON p.id = en.participantId WHERE en.id = ?
            """)
        func lookUpEnrollment(_ id: Int64) throws -> String? {
            enrollment.bind(1, id)
            defer { enrollment.reset() }
            guard try enrollment.step(), let uuid = enrollment.text(0) else { return nil }
            if let event = enrollment.text(1), let person = enrollment.text(2) {
                subjects["events", default: []].append(event)
                subjects["participants", default: []].append(person)
            }
            return uuid
        }
        var copied = 0
        for hole in holes {
            out.append(contentsOf: bytes[copied..<hole.offset])
            copied = hole.offset
            let reference = Reference(target: hole.target, id: hole.id)
            let uuid: String?
            if let known = uuids[reference] {
                uuid = known
            } else {
                uuid = try (hole.subject == .enrollment ? lookUpEnrollment(hole.id) : lookUp(hole.target, hole.id))
                    ?? deleted[hole.target]?[hole.id]
                uuids[reference] = .some(uuid)
            }
            if let uuid {
                out.append(UInt8(ascii: "\""))
                out.append(contentsOf: uuid.utf8)
                out.append(UInt8(ascii: "\""))
                switch hole.subject {
                case .event: subjects["events", default: []].append(uuid)
                case .participant: subjects["participants", default: []].append(uuid)
                case .enrollment, nil: break
                }
            } else {
                out.append(contentsOf: "null".utf8)
            }
        }
        out.append(contentsOf: bytes[copied...])
        out.append(contentsOf: "]}".utf8)
        for row in rows {
            if let kind = Self.rowSubjects[shapes[row.shape].table] {
                subjects[kind, default: []].append(String(decoding: bytes[row.uuid], as: UTF8.self))
            }
        }
        return Rows(
            rows: String(decoding: out, as: UTF8.self),
            subjects: subjects.mapValues { uuids in
                var unique: [String] = []
                unique.reserveCapacity(uuids.count)
                // Sorted, each uuid's copies are next to each other.
                for uuid in uuids.sorted() where uuid != unique.last { unique.append(uuid) }
                return unique
            })
    }

    // MARK: - TransactionObserver

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { false }

    func databaseDidChange(with event: DatabaseEvent) {}

    func databaseDidCommit(_ db: Database) {
        isPaused = false
    }

    func databaseDidRollback(_ db: Database) {
        isPaused = false
        outOfDate = nil
        clear()
    }
}

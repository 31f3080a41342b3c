import GRDB

/// A travelling table's row as the change log writes it, in SQL: `json_object` of its columns but the integer
/// `id` and `uuid`, with each reference to a travelling row written as that row's uuid under the column's name
/// with `Id` turned into `Uuid`. ``BundleApplier`` reads a row here that way, to compare it with one received.
///
/// Until the migration "Capture changes in Swift", SQLite triggers made of it staged every change in
/// `rowChange` (``createStatements``); the migrations before that one still install them, and that migration
/// drops them. Changes are captured by ``ChangeTap`` now, which writes the same JSON.
///
/// For example, the insert trigger of `enrollment`:
/// ```sql
/// CREATE TRIGGER change_enrollment_insert AFTER INSERT ON "enrollment"
/// WHEN (SELECT applying FROM syncState) = 0
/// BEGIN INSERT INTO rowChange (tableName, rowUuid, kind, rowValues) VALUES ('enrollment', NEW."uuid", 'insert',
///   json_object('eventUuid', (SELECT uuid FROM "event" WHERE id = NEW."eventId"), …)); END
/// ```
public struct ChangeCapture: Sendable {
    /// A column of a travelling table, and the travelling table it refers to, if any.
    public struct Column: Hashable, Sendable {
        public let name: String
        public let references: String?
        /// `participantId` → `participantUuid`; `legId` → `legUuid`. Made once: an import reads it at every row.
        let travellingName: String

        public init(_ name: String, references: String? = nil) {
            self.name = name
            self.references = references
            travellingName = references == nil ? name : (name.hasSuffix("Id") ? String(name.dropLast(2)) : name) + "Uuid"
        }
    }

    public let table: String
    public let columns: [Column]

    public init(table: String, columns: [Column]) {
        self.table = table
        self.columns = columns
    }

    static let kinds = ["insert", "update", "delete"]

    /// The statements that create the table's three triggers.
    public var createStatements: [String] {
        Self.kinds.map { kind in
            let row = kind == "delete" ? "OLD" : "NEW"
            return """
                CREATE TRIGGER \(Self.triggerName(table, kind)) AFTER \(kind.uppercased()) ON \(table.quotedDatabaseIdentifier)
                WHEN (SELECT applying FROM syncState) = 0
                BEGIN INSERT INTO rowChange (tableName, rowUuid, kind, rowValues) VALUES ('\(table)', \(row)."uuid", '\(kind)', \(valuesExpression(row: row))); END
                """
        }
    }

    public var dropStatements: [String] {
        Self.kinds.map { "DROP TRIGGER IF EXISTS \(Self.triggerName(table, $0))" }
    }

    /// `json_object('name', NEW."name", 'eventUuid', (SELECT uuid FROM "event" WHERE id = NEW."eventId"), …)`.
    func valuesExpression(row: String) -> String {
        let pairs = columns.map { column -> String in
            let value = "\(row).\(column.name.quotedDatabaseIdentifier)"
            guard let target = column.references else { return "'\(column.travellingName)', \(value)" }
            return "'\(column.travellingName)', (SELECT uuid FROM \(target.quotedDatabaseIdentifier) WHERE id = \(value))"
        }
        return "json_object(\(pairs.joined(separator: ", ")))"
    }

    static func triggerName(_ table: String, _ kind: String) -> String {
        "change_\(table)_\(kind)"
    }

    /// The capture of `table` as the database has it now: every column but `id` and `uuid`.
    static func reading(_ db: Database, table: String) throws -> ChangeCapture {
        let travelling = Set(TravellingTables.names)
        var references = TravellingTables.referencesWithoutForeignKeys[table] ?? [:]
        for key in try db.foreignKeys(on: table) where travelling.contains(key.destinationTable) {
            for (origin, destination) in key.mapping where destination == "id" {
                references[origin] = key.destinationTable
            }
        }
        let columns = try db.columns(in: table).map(\.name).filter { $0 != "id" && $0 != "uuid" }
        return ChangeCapture(table: table, columns: columns.map { Column($0, references: references[$0]) })
    }

    /// (Re)creates the triggers of every travelling table, for the migrations before "Capture changes in Swift".
    public static func install(_ db: Database) throws {
        for table in TravellingTables.names {
            let capture = try reading(db, table: table)
            for statement in capture.dropStatements + capture.createStatements {
                try db.execute(sql: statement)
            }
        }
    }
}

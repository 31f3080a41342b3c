import Foundation
import GRDB

/// An entry's rows as the change log stores them, in one of two forms.
///
/// - **Listed**: every entry recorded before the migration "Record rows with their column names once", and every
///   entry without rows (`[]`). A list of objects:
///   `[{"kind":"insert","table":"attendance","uuid":"…","values":{"enrollmentUuid":"…","status":"present",…}},…]`.
/// - **Compact**: every entry with rows recorded since. The column names once per table, then each row as a list
///   of its table, kind, uuid and values in the columns' order:
///   `{"columns":{"attendance":["enrollmentUuid","originSite","sessionUuid","status","markedAt"]},"rows":[["attendance","insert","…","…",null,"…","present","…"],…]}`.
///   A mark takes about 180 bytes instead of 255 and a person 330 instead of 570: bytes that are captured, hashed,
///   stored, written to disk twice and sent in bundles.
///
/// An entry keeps the form it was recorded in, since its hash covers the text. Readers in Swift get listed rows
/// from either form (``SyncBundleReader/rows(_:)``); readers in SQL read `changeRows(rows)`, the listed form of
/// either (``listedFunction``), except where the whole log is read and both forms are read as they are
/// (``eachSQL(_:)``).
enum ChangeRows {
    /// One row: its table, kind and uuid, its columns' names and its values in the same order.
    typealias Row = (table: String, kind: String, uuid: String, names: [String], values: ArraySlice<Any>)

    /// The rows of either form as `JSONSerialization` would read the listed form: objects with `kind`, `table`,
    /// `uuid` and `values`.
    static func rows(from json: Any) throws -> [[String: Any]] {
        if let listed = json as? [Any] {
            return try listed.map { row in
                guard let row = row as? [String: Any] else { throw SyncBundleReader.Failure(offset: 0, expected: "rows that are objects") }
                return row
            }
        }
        var rows: [[String: Any]] = []
        try forEachCompactRow(json) { row in
            var values: [String: Any] = [:]
            values.reserveCapacity(row.names.count)
            for (name, value) in zip(row.names, row.values) { values[name] = value }
            rows.append(["kind": row.kind, "table": row.table, "uuid": row.uuid, "values": values])
        }
        return rows
    }

    /// The listed form of `text`: itself when it is listed already, or not rows at all (which readers then refuse
    /// as before).
    static func listed(_ text: String) -> String {
        guard text.utf8.first == UInt8(ascii: "{"), let json = try? SyncBundleReader.json(text) else { return text }
        var out = "["
        do {
            try forEachCompactRow(json) { row in
                if out.utf8.count > 1 { out += "," }
                out += #"{"kind":\#(CanonicalJSON.string(row.kind)),"table":\#(CanonicalJSON.string(row.table)),"#
                out += #""uuid":\#(CanonicalJSON.string(row.uuid)),"values":{"#
                for (position, (name, value)) in zip(row.names, row.values).enumerated() {
                    out += (position == 0 ? "" : ",") + CanonicalJSON.string(name) + ":" + Self.text(of: value)
                }
                out += "}}"
            }
        } catch {
            return text
        }
        return out + "]"
    }

    /// `changeRows(rows)` in SQL: ``listed(_:)``, for `json_each` and `json_extract` written for the listed form.
    static let listedFunction = DatabaseFunction("changeRows", argumentCount: 1, pure: true) { values in
        String.fromDatabaseValue(values[0]).map(listed)
    }

    /// Where a whole log is read, `changeRows` would write every compact entry out again: SQL reads both forms as they
    /// are instead. `json_each(\(eachSQL("c.rows")))` gives each row of the entry, listed (an object) or compact (a
    /// list), and ``headSQL(_:of:)`` reads its table, kind or uuid from either.
    static func eachSQL(_ rows: String) -> String {
        "\(rows), CASE WHEN substr(\(rows), 1, 1) = '{' THEN '$.rows' ELSE '$' END"
    }

    enum Head: Int {
        case table, kind, uuid
    }

    /// A row's table, kind or uuid, from a `json_each` value of ``eachSQL(_:)``: a compact row's position, or a listed
    /// row's key (the other is null for it). The compact form, which every entry recorded from now on has, first.
    static func headSQL(_ head: Head, of row: String) -> String {
        "coalesce(\(row) ->> \(head.rawValue), \(row) ->> '$.\(head)')"
    }

    private static func forEachCompactRow(_ json: Any, _ body: (Row) throws -> Void) throws {
        let notCompact = SyncBundleReader.Failure(offset: 0, expected: "rows with their columns named once")
        guard let object = json as? [String: Any], let columns = object["columns"] as? [String: Any],
              let rows = object["rows"] as? [Any] else { throw notCompact }
        var namesOfTable: [String: [String]] = [:]
        for (table, names) in columns {
            guard let names = names as? [Any] else { throw notCompact }
            namesOfTable[table] = try names.map { name in
                guard let name = name as? String else { throw notCompact }
                return name
            }
        }
        for row in rows {
            guard let values = row as? [Any], values.count >= 3, let table = values[0] as? String, let kind = values[1] as? String,
                  let uuid = values[2] as? String, let names = namesOfTable[table], names.count == values.count - 3 else {
                throw SyncBundleReader.Failure(offset: 0, expected: "rows of a table, a kind, a uuid and one value for each of the table's columns")
            }
            try body((table, kind, uuid, names, values[3...]))
        }
    }

    /// A value of a compact row as JSON text.
    private static func text(of value: Any) -> String {
        switch value {
        case let text as String:
            return CanonicalJSON.string(text)
        case let number as NSNumber:
            // A real stays a real (`2.0`), as SQLite's `json_object` wrote it in the listed form.
            let type = String(cString: number.objCType)
            return type == "d" || type == "f" ? CapturedJSON.realText(number.doubleValue) : String(number.int64Value)
        default:
            return "null"
        }
    }
}

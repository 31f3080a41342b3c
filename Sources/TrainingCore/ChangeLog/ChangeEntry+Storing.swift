import GRDB

extension ChangeEntry {
    /// Stores the entry through a statement prepared once per connection.
    ///
    /// GRDB's record insert built its SQL and encoded the entry field by field at every call: a fifth
    /// of the time an import spent storing the entries it received, one at a time. The rows are bound from the
    /// entry's own text, not copied by SQLite first: tens of megabytes for a large import.
    mutating func store(_ db: Database) throws {
        let insert = try RawStatement(cachedIn: db, sql: Self.insertSQL)
        insert.bind(1, uuid)
        insert.bind(2, site)
        insert.bind(3, siteSequence)
        insert.bind(4, hlc)
        insert.bind(5, actor)
        insert.bind(6, operation)
        insert.bind(7, detail)
        insert.bind(8, subjects)
        insert.bind(10, previousHash)
        insert.bind(11, hash)
        var rows = rows
        try rows.withUTF8 { bytes in
            if bytes.isEmpty { insert.bind(9, "") } else { insert.bind(9, utf8: bytes) }
            try insert.execute()
        }
        id = db.lastInsertedRowID
        try indexMerges(db)
    }

    /// Adds the merges of people among the entry's rows to `syncMerge`, once it is stored, as the trigger on `change`
    /// did before ``AppDatabase/registerMergeIndexMigrations(_:)`` (and still does in a database not yet migrated;
    /// before `syncMerge` was made, nothing is indexed).
    func indexMerges(_ db: Database) throws {
        // The trigger's own condition, `instr(NEW.rows, '"participantMerge"') > 0`, on the bytes: most entries hold no merge.
        guard Self.mayHoldMerges(rows) else { return }
        guard try !db.triggerExists("change_syncMerge"), try db.tableExists("syncMerge") else { return }
        try db.executeCached(sql: AppDatabase.entryMergesSQL, arguments: [rows, hlc])
    }

    private static let mergeMarker = Array(#""participantMerge""#.utf8)

    /// Whether `rows` holds the text `"participantMerge"` (quotes included), byte for byte.
    static func mayHoldMerges(_ rows: String) -> Bool {
        var rows = rows
        return rows.withUTF8 { bytes in
            let marker = mergeMarker
            guard bytes.count >= marker.count else { return false }
            var start = 0
            let last = bytes.count - marker.count
            while start <= last {
                // The marker opens with a quote: only those positions are compared further.
                guard let quote = bytes[start...last].firstIndex(of: marker[0]) else { return false }
                if bytes[quote..<(quote + marker.count)].elementsEqual(marker) { return true }
                start = quote + 1
            }
            return false
        }
    }

    static let insertSQL = """
        INSERT INTO change (uuid, site, siteSequence, hlc, actor, operation, detail, subjects, rows, previousHash, hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
}

/// The columns every travelling table gains: `uuid`, made where the row is made (by the column's
/// default, in SQL, with ``UUIDv7``'s layout), and `originSite`, the site that made it.
///
/// `originSite` is null for a row made at this database's own site, whatever its code is now (so
/// joining a programme renames nothing); a row received from another site carries that site's code.
enum IdentityColumns {
    static let definitions = "\"uuid\" TEXT NOT NULL UNIQUE DEFAULT (\(UUIDv7.sqlExpression(milliseconds: UUIDv7.sqlNow))), "
        + "\"originSite\" TEXT"

    /// `createSQL` (a table's `CREATE TABLE` statement, as `sqlite_master` keeps it) for a table named
    /// `newName`, with the identity columns after its first column.
    ///
    /// For example, `CREATE TABLE "trainer" ("id" INTEGER PRIMARY KEY, "name" TEXT)` becomes
    /// `CREATE TABLE "trainer_new" ("id" INTEGER PRIMARY KEY, "uuid" TEXT …, "originSite" TEXT, "name" TEXT)`.
    static func addingColumns(to createSQL: String, renamedTo newName: String) -> String? {
        guard let open = createSQL.firstIndex(of: "(") else { return nil }
        var depth = 0
        var closing: Character?
        var index = createSQL.index(after: open)
        while index < createSQL.endIndex {
            let character = createSQL[index]
            if let quote = closing {
                if character == quote { closing = nil }
            } else {
                switch character {
                case "'", "\"", "`": closing = character
                case "[": closing = "]"
                case "(": depth += 1
                case ")" where depth == 0, "," where depth == 0:
                    return "CREATE TABLE \"\(newName)\" " + createSQL[open..<index] + ", " + definitions + createSQL[index...]
                case ")": depth -= 1
                default: break
                }
            }
            index = createSQL.index(after: index)
        }
        return nil
    }
}

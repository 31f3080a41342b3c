import GRDB

extension ChangeRecorder {
    /// Records the rows captured so far as an entry of their own, when there are any: one part of a
    /// write too large for one entry, such as 10,000 certificates issued in one transaction.
    ///
    /// The entries follow one another in the site's chain and commit or roll back with the write; the
    /// write's own entry at its end takes whatever was captured after the last part, if anything.
    func recordCaptured(_ operation: ChangeOperation, detail: String, in db: Database) throws {
        guard try ChangeTap.of(db).count > 0 else { return }
        try record(operation, detail: detail, in: db)
    }
}

import Foundation

extension Date {
    /// Now, to the whole second, so a record reads back equal to what was written
    /// (the database keeps milliseconds as text, which do not round-trip a Double exactly).
    static var databaseNow: Date {
        Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
    }
}

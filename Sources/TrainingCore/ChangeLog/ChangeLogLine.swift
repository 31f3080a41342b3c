import Foundation
import GRDB

/// One entry of the change log as `malaka audit` lists it: the entry without its rows, and how many
/// rows of each table and kind it changed.
public struct ChangeLogLine: Sendable, Hashable {
    public var entry: ChangeEntry
    /// Such as `["attendance insert": 1000, "enrollment insert": 100]`.
    public var rowCounts: [String: Int]

    /// When the change was made, by its hybrid clock.
    public var date: Date? { entry.stamp?.date }
}

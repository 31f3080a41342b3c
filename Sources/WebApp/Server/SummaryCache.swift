import Foundation
import TrainingCore

/// Region summaries kept until the database changes, each recounted by one reader at a time.
///
/// A summary is counted for the database's version read just before its count began
/// (``AppDatabase/changeVersion()``); it is served while the version is the same, so a page shows
/// every change committed before it was asked for. When something changed, the first reader counts
/// again and the readers arriving meanwhile wait for that count instead of starting their own: under
/// a steady stream of marks a page may be up to one count old (the changes committed while the count
/// it waited for ran). Marks written by this server for events held wholly outside a summary's period
/// do not make it count again (``advance(from:to:touching:)``).
final class SummaryCache: @unchecked Sendable {
    private struct Entry {
        var version: ChangeVersion
        var summary: RegionSummary
    }

    let database: AppDatabase
    private let condition = NSCondition()
    private var entries: [RegionSummaryRequest: Entry] = [:]
    private var counting: Set<RegionSummaryRequest> = []
    /// Summaries asked for with many filters are many; this keeps the ones of the last few minutes.
    private let capacity = 64
    /// How many counts were made, for the tests to see which changes made one.
    private(set) var countsMade = 0

    init(database: AppDatabase) {
        self.database = database
    }

    /// The summary of `request` as of now, or as of the count that was running when it was asked for.
    func summary(_ request: RegionSummaryRequest) throws -> RegionSummary {
        let version = try database.changeVersion()
        condition.lock()
        while true {
            if let entry = entries[request], entry.version == version {
                condition.unlock()
                return entry.summary
            }
            if !counting.contains(request) { break }
            condition.wait()
            // The count waited for answers this reader, even when something changed while it ran.
            if let entry = entries[request], !counting.contains(request) {
                condition.unlock()
                return entry.summary
            }
        }
        counting.insert(request)
        countsMade += 1
        condition.unlock()
        let result = Result { try database.regionSummary(request) }
        condition.lock()
        counting.remove(request)
        switch result {
        case .success(let summary):
            if entries.count >= capacity { entries.removeAll() }
            entries[request] = Entry(version: version, summary: summary)
        case .failure:
            // The readers that waited count again themselves, and meet the error or succeed.
            entries[request] = nil
        }
        condition.broadcast()
        condition.unlock()
        return try result.get()
    }

    /// Learns that the database went from `before` to `after` by marks alone, for events whose sessions fall
    /// within `days`: a summary counted at `before` for a period none of them overlaps is the summary at
    /// `after` too. (A summary counts the marks of the events held in its period, and nothing else of theirs.)
    func advance(from before: ChangeVersion, to after: ChangeVersion, touching days: [ClosedRange<DayDate>]) {
        condition.lock()
        defer { condition.unlock() }
        for (request, entry) in entries where entry.version == before
            && !days.contains(where: { $0.overlaps(request.period.from ... request.period.to) }) {
            entries[request]?.version = after
        }
    }
}

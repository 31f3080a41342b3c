import Foundation
import TrainingCore

/// Region summaries kept until the database changes, each recounted by one reader at a time, and a long
/// count not redone over and over.
///
/// A summary is counted for the database's version read just before its count began
/// (``AppDatabase/changeVersion()``); it is served while the version is the same, so a page shows
/// every change committed before it was asked for. When something changed, the first reader counts
/// again and the readers arriving meanwhile wait for that count instead of starting their own.
///
/// Under a steady stream of marks every count is out of date by the time it ends. A summary whose
/// count is quick (``exactBelow``) is counted again whenever the database changed; one that took longer
/// is counted again only once ``restFactor`` times its counting time has passed since its count ended,
/// and is served as it was until then. So recounting a national year under a room of trainers marking
/// keeps at most a fifth of one core busy, instead of one core all the time, and such a page is at most
/// about five counts old (about a second over the 10,000 events of the load test).
final class SummaryCache: @unchecked Sendable {
    private struct Entry {
        var version: ChangeVersion
        var summary: RegionSummary
        /// How long its count took, and when it ended.
        var countTime: Duration
        var counted: ContinuousClock.Instant

        /// Whether it may still be served though the database changed since its count began.
        func restsAt(_ now: ContinuousClock.Instant) -> Bool {
            countTime >= SummaryCache.exactBelow && now < counted + countTime * SummaryCache.restFactor
        }
    }

    /// A count quicker than this is always redone when the database changed: the page is exact.
    static let exactBelow: Duration = .milliseconds(50)
    /// A longer count waits this many times its own length after it ended before it is redone.
    static let restFactor = 4

    let database: AppDatabase
    private let condition = NSCondition()
    private var entries: [RegionSummaryRequest: Entry] = [:]
    private var counting: Set<RegionSummaryRequest> = []
    /// Summaries asked for with many filters are many; this keeps the ones of the last few minutes.
    private let capacity = 64

    init(database: AppDatabase) {
        self.database = database
    }

    /// The summary of `request` as of now, as of the count that was running when it was asked for, or,
    /// for a long count, as of a count that ended less than ``restFactor`` of its lengths ago.
    func summary(_ request: RegionSummaryRequest) throws -> RegionSummary {
        let version = try database.changeVersion()
        let clock = ContinuousClock()
        condition.lock()
        while true {
            if let entry = entries[request], entry.version == version || entry.restsAt(clock.now) {
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
        condition.unlock()
        let start = clock.now
        let result = Result { try database.regionSummary(request) }
        let end = clock.now
        condition.lock()
        counting.remove(request)
        switch result {
        case .success(let summary):
            if entries.count >= capacity { entries.removeAll() }
            entries[request] = Entry(version: version, summary: summary, countTime: end - start, counted: end)
        case .failure:
            // The readers that waited count again themselves, and meet the error or succeed.
            entries[request] = nil
        }
        condition.broadcast()
        condition.unlock()
        return try result.get()
    }
}

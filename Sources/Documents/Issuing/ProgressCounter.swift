import Foundation

/// Counts pages and files done, reporting at most every tenth of a second.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let report: IssueProgress?
    private var done = 0
    private var lastReport = DispatchTime(uptimeNanoseconds: 0)

    init(total: Int, report: IssueProgress?) {
        self.total = total
        self.report = report
    }

    func tick() {
        guard let report else { return }
        let (count, due): (Int, Bool) = lock.withLock {
            done += 1
            let now = DispatchTime.now()
            let due = done == total || now.uptimeNanoseconds - lastReport.uptimeNanoseconds > 100_000_000
            if due { lastReport = now }
            return (done, due)
        }
        if due { report(count, total) }
    }
}

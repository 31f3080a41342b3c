#if canImport(Glibc)
import Glibc
#endif
import NIOPosix

/// Runs the pages' database work and password hashing on threads of their own.
///
/// SQLite and bcrypt block the thread they run on. Run on Swift's cooperative threads (one per core),
/// two region summaries over a national programme would hold both cores' threads and every mark tapped
/// meanwhile would wait for them; on these threads the system shares the cores between them instead.
///
/// A mark waits on its thread until the batch holding it is committed (``MarkCommitter``): the threads
/// are many so that the marks of a room of trainers can all be waiting in one batch while the next
/// requests are read, instead of queueing behind them.
enum DatabaseThreads {
    /// What a request is, for the system to choose whom to run first when the cores are busy.
    enum Priority {
        /// A page or a tap a person waits for: marking, registering, lists.
        case interactive
        /// A report counted or a document drawn (region summaries, certificates, sign-in sheets): it runs
        /// when the interactive requests leave the cores free, so that a manager's summary or a
        /// coordinator's certificates never slow down a room of trainers marking.
        case report
    }

    static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 64)
        pool.start()
        return pool
    }()

    /// The report threads: fewer, and each lowered to `nice` 10 as it takes its first report.
    static let reportPool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 16)
        pool.start()
        return pool
    }()

    static func run<T: Sendable>(_ priority: Priority = .interactive, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        switch priority {
        case .interactive:
            return try await pool.runIfActive(work)
        case .report:
            return try await reportPool.runIfActive {
                lowerThisThread()
                return try work()
            }
        }
    }

    /// On Linux a thread's `nice` value is its own, and `setpriority` on "process 0" sets the calling thread's;
    /// lowering it needs no privilege, and raising it again would, so these threads stay lowered.
    private static func lowerThisThread() {
        #if os(Linux)
        setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #endif
    }
}

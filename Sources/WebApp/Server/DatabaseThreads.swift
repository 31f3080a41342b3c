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
    static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 64)
        pool.start()
        return pool
    }()

    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await pool.runIfActive(work)
    }
}

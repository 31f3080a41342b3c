import NIOPosix

/// Runs the pages' database work and password hashing on threads of their own.
///
/// SQLite and bcrypt block the thread they run on. Run on Swift's cooperative threads (one per core),
/// two region summaries over a national programme would hold both cores' threads and every mark tapped
/// meanwhile would wait for them; on these threads the system shares the cores between them instead.
enum DatabaseThreads {
    static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 16)
        pool.start()
        return pool
    }()

    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await pool.runIfActive(work)
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program started with `posix_spawn`, standard input from `/dev/null`, its output and errors read through pipes
/// of its own, and waited for with `waitpid`.
///
/// The tests start thousands of programs (`malaka`, poppler's tools), many at once. Foundation's `Process` on Linux
/// follows every child from one manager thread and its run loop, and crashed once inside `run()` (SIGSEGV in a
/// `memcpy`) while a test's four threads and the suite's own started `malaka` at once on a loaded machine. This uses
/// the system calls alone. The child keeps no descriptor of the test runner's but its three (`addclosefrom_np`), so no
/// child holds another one's pipe open and keeps that one's reader waiting.
public final class ChildProcess: @unchecked Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public let processIdentifier: pid_t
    /// The read ends of the child's standard output and standard error.
    public let output: FileHandle
    public let errors: FileHandle
    private let lock = NSLock()
    /// The status `waitpid` gave, once the child is collected.
    private var status: Int32?

    public init(executable: URL, arguments: [String], environment: [String: String], directory: URL) throws {
        guard let closeFrom = Self.closeFrom, let changeDirectory = Self.changeDirectory else {
            throw Failure(description: "This C library has no posix_spawn_file_actions_addclosefrom_np or _addchdir_np (glibc 2.34 has both).")
        }
        var outputPipe: [Int32] = [-1, -1], errorPipe: [Int32] = [-1, -1]
        guard pipe(&outputPipe) == 0, pipe(&errorPipe) == 0 else {
            let reason = String(cString: strerror(errno))
            (outputPipe + errorPipe).filter { $0 >= 0 }.forEach { _ = close($0) }
            throw Failure(description: "Cannot make a pipe for \(executable.path): \(reason)")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errorPipe[1], 2)
        _ = closeFrom(&actions, 3)
        _ = changeDirectory(&actions, directory.path)
        // Its own process group, as Foundation's `Process` gives it: a signal to the test runner's group is not its.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable.path, &actions, &attributes, argv, envp)
        close(outputPipe[1])
        close(errorPipe[1])
        guard spawned == 0 else {
            close(outputPipe[0])
            close(errorPipe[0])
            throw Failure(description: "Cannot start \(executable.path): \(String(cString: strerror(spawned)))")
        }
        processIdentifier = pid
        output = FileHandle(fileDescriptor: outputPipe[0], closeOnDealloc: true)
        errors = FileHandle(fileDescriptor: errorPipe[0], closeOnDealloc: true)
    }

    // glibc's extensions for a child's descriptors and folder, which Swift's Glibc module does not declare.
    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private typealias ChangeDirectory = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    private static let closeFrom = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np").map { unsafeBitCast($0, to: CloseFrom.self) }
    private static let changeDirectory = dlsym(nil, "posix_spawn_file_actions_addchdir_np").map { unsafeBitCast($0, to: ChangeDirectory.self) }

    /// Runs a program to its end: its exit status (or signal), standard output and standard error.
    public static func run(_ executable: URL, _ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
                           in directory: URL = FileManager.default.temporaryDirectory) throws -> (status: Int32, output: Data, errors: Data) {
        let child = try ChildProcess(executable: executable, arguments: arguments, environment: environment, directory: directory)
        let (output, errors) = child.readToEnd()
        child.waitUntilExit()
        return (child.terminationStatus, output, errors)
    }

    /// Reads standard output and standard error to their ends, the errors on a thread of their own so that a child
    /// filling one pipe never blocks on it, and closes both.
    public func readToEnd() -> (output: Data, errors: Data) {
        let errorsRead = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var errorData = Data()
        Thread.detachNewThread { [errors] in
            errorData = errors.readDataToEndOfFile()
            errorsRead.signal()
        }
        let outputData = output.readDataToEndOfFile()
        errorsRead.wait()
        try? output.close()
        try? errors.close()
        return (outputData, errorData)
    }

    /// Whether the child has not ended. Looks without collecting it (`WNOWAIT`), so that ``waitUntilExit()`` still can.
    public var isRunning: Bool {
        lock.withLock {
            guard status == nil else { return false }
            var info = siginfo_t()
            guard waitid(P_PID, id_t(processIdentifier), &info, WEXITED | WNOHANG | WNOWAIT) == 0 else { return false }
            return info.si_signo != SIGCHLD
        }
    }

    /// Waits for the child to end and collects it; at once when it was collected before.
    public func waitUntilExit() {
        guard lock.withLock({ status == nil }) else { return }
        var raw: Int32 = 0
        var collected: pid_t
        repeat { collected = waitpid(processIdentifier, &raw, 0) } while collected == -1 && errno == EINTR
        // Not collected (another thread did, which nothing here does): said as exit status 127.
        lock.withLock { status = status ?? (collected == processIdentifier ? raw : 0x7F00) }
    }

    /// Sends SIGTERM.
    public func terminate() {
        signal(SIGTERM)
    }

    /// Sends `number`, unless the child was collected: its number may be another process's by then.
    public func signal(_ number: Int32) {
        lock.withLock {
            if status == nil { _ = kill(processIdentifier, number) }
        }
    }

    /// The exit status, or the number of the signal that ended it, as Foundation's `Process` says it.
    public var terminationStatus: Int32 {
        let raw = lock.withLock { status } ?? 0
        return raw & 0x7F == 0 ? (raw >> 8) & 0xFF : raw & 0x7F
    }

    public var terminationReason: Process.TerminationReason {
        let raw = lock.withLock { status } ?? 0
        return raw & 0x7F == 0 ? .exit : .uncaughtSignal
    }
}

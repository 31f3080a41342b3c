import Dispatch
import Foundation

/// Makes Ctrl-C (SIGINT) and SIGTERM remove this process's temporary files before it exits
/// with 130 or 143, as shells expect of a command stopped by a signal.
///
/// A database transaction under way is not committed, so SQLite rolls it back; no file is left
/// half-written, under its final name or a hidden one.
public enum InterruptCleanup {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    /// Installs the handlers; call once, at the start of the program.
    public static func install() {
        for signalNumber in [SIGINT, SIGTERM] {
            // The default action would end the process at once; the source below acts instead.
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global(qos: .userInteractive))
            source.setEventHandler {
                TemporaryFiles.removeAllBeforeExit()
                _exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Lets a long-running program that stops gracefully on SIGINT and SIGTERM (a server) handle them
    /// itself: the handlers stop acting, and the signals stay ignored by default so its own handlers run.
    public static func standAside() {
        for source in sources { source.cancel() }
        sources.removeAll()
    }
}

import Foundation
import PDFTestSupport

/// Runs the built `malaka` executable as a child process.
///
/// The binary is the one `swift build` put next to the test bundle, or the
/// file named by the `MALAKA_BIN` environment variable. `MALAKA_DB` from the
/// test runner's environment is never passed on: a test gives it explicitly.
///
/// For example:
/// ```swift
/// let result = try MalakaProcess.run(["init", "--db", path])
/// #expect(result.status == 0)
/// ```
enum MalakaProcess {
    /// The `malaka` executable under test.
    static let executable: URL? = locateExecutable()

    /// Runs `malaka` to the end.
    ///
    /// - Parameters:
    ///   - environment: variables to set on top of the runner's own (without `MALAKA_DB`).
    ///   - directory: the working directory; by default the temporary directory.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil, program: URL? = nil
    ) throws -> MalakaResult {
        try launch(arguments, environment: environment, in: directory, program: program).finish()
    }

    /// Starts `malaka` and returns at once, so that several can run side by side.
    ///
    /// - Parameters:
    ///   - program: another program to run the same way, such as a script that calls `malaka`.
    ///   - timeLimit: the seconds after which it is killed (``RunningMalaka/wasStopped``).
    static func launch(
        _ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil, program: URL? = nil,
        timeLimit: TimeInterval = RunningMalaka.limit
    ) throws -> RunningMalaka {
        guard let executable = program ?? executable else { throw MissingExecutable() }
        var inherited = ProcessInfo.processInfo.environment
        inherited["MALAKA_DB"] = nil
        let process = try ChildProcess(executable: executable, arguments: arguments,
                                       environment: inherited.merging(environment) { _, given in given },
                                       directory: directory ?? FileManager.default.temporaryDirectory)
        return RunningMalaka(arguments: arguments, process: process, limit: timeLimit)
    }

    struct MissingExecutable: Error, CustomStringConvertible {
        var description: String {
            "Cannot find the malaka executable next to the test bundle; build it, or set MALAKA_BIN to its path."
        }
    }

    /// `MALAKA_BIN`, else the first directory holding `malaka` above the test executable.
    private static func locateExecutable() -> URL? {
        let fileManager = FileManager.default
        if let path = ProcessInfo.processInfo.environment["MALAKA_BIN"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let starts = [
            URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath(),
            Bundle.main.executableURL, Bundle.main.bundleURL,
        ].compactMap { $0 }
        for start in starts {
            var directory = start.standardizedFileURL
            while directory.path != "/" {
                let candidate = directory.appendingPathComponent("malaka")
                var isDirectory: ObjCBool = false
                if fileManager.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                   fileManager.isExecutableFile(atPath: candidate.path) {
                    return candidate
                }
                directory.deleteLastPathComponent()
            }
        }
        return nil
    }
}

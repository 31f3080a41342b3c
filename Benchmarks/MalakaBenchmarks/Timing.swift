import BenchmarkSupport
import Foundation

/// The wall-clock seconds `work` took.
func seconds(_ work: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func milliseconds(_ value: Double) -> String { String(format: "%.1f ms", value * 1000) }

/// This process's peak resident memory so far, VmHWM in /proc/self/status.
func peakMemory() -> String {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    return status.split(separator: "\n").first { $0.hasPrefix("VmHWM") }.map {
        $0.replacingOccurrences(of: "VmHWM:", with: "").trimmingCharacters(in: .whitespaces)
    } ?? "unknown"
}

/// The wall-clock seconds of `runs` runs of `binary` with `arguments`, a process each, output discarded;
/// sorted, so that the middle one is the median.
func processSeconds(_ binary: URL, _ arguments: [String], runs: Int) throws -> [Double] {
    try (0..<runs).map { _ in
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let time = try seconds {
            try process.run()
            process.waitUntilExit()
        }
        guard process.terminationStatus == 0 else {
            throw BenchmarkFailure("malaka \(arguments.joined(separator: " ")) exited with status \(process.terminationStatus).")
        }
        return time
    }.sorted()
}

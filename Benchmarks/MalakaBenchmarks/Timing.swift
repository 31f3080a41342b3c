import BenchmarkSupport
import Foundation

/// The wall-clock seconds `work` took.
func seconds(_ work: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// The wall-clock and CPU seconds (user and system, every thread of this process) that `work` took.
func wallAndCPU(_ work: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
    let before = processCPUSeconds()
    let wall = try seconds(work)
    return (wall, processCPUSeconds() - before)
}

func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
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

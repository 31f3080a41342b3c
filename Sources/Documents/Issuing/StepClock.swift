import Foundation

/// Times consecutive steps, in wall-clock seconds and in CPU seconds of the whole process.
struct StepClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    private var lastCPU = StepClock.cpuSeconds()
    private(set) var laps: [(step: String, value: Double)] = []

    mutating func lap(_ step: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        let cpu = Self.cpuSeconds()
        laps.append((step, Double(now - last) / 1e9))
        laps.append((step + " CPU", cpu - lastCPU))
        laps.append((step + " peak memory MB", Self.peakMegabytes()))
        last = now
        lastCPU = cpu
    }

    /// VmHWM from /proc/self/status, or 0 where there is none.
    private static func peakMegabytes() -> Double {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
    }

    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}

import BenchmarkSupport
import Foundation
import TrainingCore

/// Times region summaries of the national programme through the `malaka` binary, and in the core library.
struct RegionSummaryTimings {
    var databasePath: String
    var runs: Int

    /// One report to time, with its target.
    struct Case {
        var name: String
        var arguments: [String]
        var target: Double
        var request: RegionSummaryRequest
    }

    func run() throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("malaka").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw BenchmarkFailure("There is no malaka binary next to this one (\(binary)); build it too: swift build -c release --product malaka.")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("region-summary-bench-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let asOf = DayDate(year: 2024, month: 1, day: 1)!
        let year = RegionSummaryRequest(period: try ReportPeriod(year: "2021"), asOf: asOf)
        var yearWithEvents = year
        yearWithEvents.includesEvents = true
        var district = year
        district.scope = .region("UZ-TO")
        district.grouping = .district
        let common = ["report", "regions", "--db", databasePath]
        let cases = [
            Case(name: "2021 by region, JSON", arguments: common + ["--year", "2021", "--format", "json"], target: 0.5, request: year),
            Case(name: "2021 by region, PDF", arguments: common + ["--year", "2021", "--format", "pdf", "--out", folder.appendingPathComponent("2021.pdf").path],
                 target: 1.0, request: yearWithEvents),
            Case(name: "2021, UZ-TO by district, JSON", arguments: common + ["--year", "2021", "--region", "UZ-TO", "--by", "district", "--format", "json"],
                 target: 0.2, request: district),
        ]

        print("Region summaries: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory >> 30) GiB, "
              + "load average \(loadAverage()) before timing")
        // The processes are timed before this one opens the database, while it is small (see `main.swift`);
        // the first run of each also migrates a programme an older build generated, and warms the page cache.
        for timed in cases {
            _ = try Measure.run(binary, timed.arguments)
            let results = try (0..<runs).map { _ in try Measure.run(binary, timed.arguments) }
            if let failed = results.first(where: { $0.status != 0 }) {
                throw BenchmarkFailure("malaka \(timed.arguments.joined(separator: " ")) exited with \(failed.status).")
            }
            let wall = Measure.median(results.map(\.seconds))
            let cpu = Measure.median(results.map(\.cpuSeconds))
            let memory = results.map(\.peakMegabytes).max()!
            print(String(format: "malaka, %@: %.0f ms median of %d (CPU %.0f ms), peak memory %.0f MB; target < %.0f ms: %@",
                         timed.name, wall * 1000, runs, cpu * 1000, memory, timed.target * 1000,
                         wall < timed.target ? "met" : cpu < timed.target ? "met in CPU time, not in wall-clock time" : "NOT met"))
        }
        let database = try AppDatabase.open(at: databasePath)
        let summary = try database.regionSummary(year)
        print("2021: \(summary.total.events) events held, \(summary.total.sessions) sessions, "
              + "\(summary.total.participations.total) participations, \(summary.total.participants.total) people")
        for timed in cases where !timed.name.contains("PDF") {
            let times = try (0..<runs).map { _ in try Measure.times { _ = try database.regionSummary(timed.request) } }
            print(String(format: "core, %@ numbers: %.0f ms median of %d (CPU %.0f ms)",
                         timed.name.replacingOccurrences(of: ", JSON", with: ""), Measure.median(times.map(\.wall)) * 1000, runs,
                         Measure.median(times.map(\.cpu)) * 1000))
        }
        print("load average \(loadAverage()) after timing")
    }

    private func loadAverage() -> String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "unknown").split(separator: " ").prefix(3).joined(separator: " ")
    }
}

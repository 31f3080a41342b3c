import Foundation
import TrainingCore

/// Times region summaries of the national programme, in the core library and through the `malaka` binary.
struct RegionSummaryTimings {
    var databasePath: String?
    var runs: Int

    func run() throws {
        print("Region summaries: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory >> 30) GiB, load \(loadAverage())")
        var path = databasePath ?? ""
        var folder: URL?
        if databasePath == nil {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("region-summary-bench-\(ProcessInfo.processInfo.processIdentifier)")
            try FileManager.default.createDirectory(at: folder!, withIntermediateDirectories: true)
            path = folder!.appendingPathComponent("national.sqlite").path
            var counts = NationalProgramme.Counts()
            let time = try Measure.seconds { counts = try generate(at: path, seed: 2019) }
            print(String(format: "generated: %@ in %.1f s", describe(counts), time))
        }
        defer { if let folder { try? FileManager.default.removeItem(at: folder) } }

        let database = try AppDatabase.open(at: path)
        let year = RegionSummaryRequest(period: try ReportPeriod(year: "2021"), asOf: DayDate(year: 2024, month: 1, day: 1)!)
        var district = year
        district.scope = .region("UZ-TO")
        district.grouping = .district
        var everything = year
        everything.period = try ReportPeriod(from: DayDate(year: 2019, month: 1, day: 1)!, to: DayDate(year: 2023, month: 12, day: 31)!)
        for (name, request) in [("2021 by region", year), ("2021, UZ-TO by district", district), ("2019–2023 by region", everything)] {
            var summary: RegionSummary?
            let times = try (0..<runs).map { _ in try Measure.times { summary = try database.regionSummary(request) } }
            let total = summary!.total
            print(String(format: "core, %@: %.0f ms median of %d, CPU %.0f ms (%d events, %d participations, %d people)",
                         name, Measure.median(times.map(\.wall)) * 1000, runs, Measure.median(times.map(\.cpu)) * 1000,
                         total.events, total.participations.total, total.participants.total))
        }
        print(String(format: "core peak memory: %.0f MB", Measure.peakMemoryOfSelf()))
    }

    private func loadAverage() -> String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "unknown").split(separator: " ").prefix(3).joined(separator: " ")
    }
}

// Release-build benchmarks behind `make bench`. Each prints what it measured,
// the time, and where useful a baseline measured in the same run, because the
// machines are small and shared.
//
//   malaka-bench [--tiny]
//
// `--tiny` runs a thousandth of the work: the smoke run (`make bench-smoke`), which checks that every
// benchmark still runs, not how fast. MALAKA_BENCH_DIVISOR=10 runs a tenth of it, for profiling;
// MALAKA_BENCH=scheduling runs only the scheduling benchmark (SchedulingBenchmark.swift), MALAKA_BENCH=changelog
// only the change log's cost (ChangeLogBenchmark.swift), MALAKA_BENCH=sync only the exchange of a bundle
// (SyncBenchmark.swift).
// MALAKA_BENCH_KEEP=DIR keeps the databases in DIR (Benchmarks/web-load.sh serves scheduling.sqlite); with it,
// MALAKA_BENCH_SYNC_REUSE=1 imports the bundle again into the receiver as it was before, without entering the operations.
import BenchmarkSupport
import Foundation
import TrainingCore

let arguments = CommandLine.arguments.dropFirst()
guard arguments.allSatisfy({ $0 == "--tiny" }) else { stopBenchmark("Usage: malaka-bench [--tiny]", status: 64) }
let divisor = arguments.contains("--tiny")
    ? 1_000 : max(1, Int(ProcessInfo.processInfo.environment["MALAKA_BENCH_DIVISOR"] ?? "") ?? 1)
let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("malaka")
let releaseBinary = FileManager.default.isExecutableFile(atPath: binary.path) ? binary : nil
// MALAKA_BENCH_KEEP=DIR writes the databases into DIR and keeps them: the web load test serves the scheduling one.
let kept = ProcessInfo.processInfo.environment["MALAKA_BENCH_KEEP"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
let directory = kept ?? FileManager.default.temporaryDirectory.appendingPathComponent("malaka-bench-\(ProcessInfo.processInfo.processIdentifier)")

runBenchmark("malaka-bench") {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { if kept == nil { try? FileManager.default.removeItem(at: directory) } }
    if ProcessInfo.processInfo.environment["MALAKA_BENCH"] == "scheduling" {
        return try runSchedulingBenchmark(directory: directory, divisor: divisor)
    }
    if ProcessInfo.processInfo.environment["MALAKA_BENCH"] == "changelog" {
        return try ChangeLogBenchmark.run(directory: directory, divisor: divisor)
    }
    if ProcessInfo.processInfo.environment["MALAKA_BENCH"] == "sync" {
        return try SyncBenchmark.run(directory: directory, divisor: divisor)
    }
    print("Malaka benchmarks: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory >> 30) GiB")
    try FoundationBenchmark.run(directory: directory, divisor: divisor, binary: releaseBinary)
    try runSchedulingBenchmark(directory: directory, divisor: divisor)
    try ImportBenchmark.run(directory: directory, rows: 100_000 / divisor, binary: releaseBinary)
    try ChangeLogBenchmark.run(directory: directory, divisor: divisor)
    try SyncBenchmark.run(directory: directory, divisor: divisor)
    print("peak memory: \(peakMemory())")
}

// The region summary benchmark behind `make bench`, release build:
//
//   RegionSummaryBenchmark generate --db FILE [--seed N] [--tiny]   builds the synthetic national programme
//   RegionSummaryBenchmark run --db FILE [--runs N] [--tiny]         times summaries of it; generates it first if FILE is missing
//
// `--tiny` makes a programme a hundredth of the size and times each summary once: the smoke run of
// `make bench-smoke`, which checks that the benchmark still runs, not how fast.
//
// Timings go through the release `malaka` binary next to this one, a process per run, so they
// include starting the process and opening the database. The machines are small and shared,
// so every figure is the median of several runs, with the CPU time beside the wall-clock time.
import BenchmarkSupport
import Foundation
import TrainingCore

let usage = """
    Usage: RegionSummaryBenchmark generate --db FILE [--seed N] [--tiny]
           RegionSummaryBenchmark run --db FILE [--runs N] [--tiny]
    """

var arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first, ["generate", "run"].contains(command) else { stopBenchmark(usage, status: 64) }
arguments.removeFirst()
var options: [String: String] = [:]
var tiny = false
while !arguments.isEmpty {
    let option = arguments.removeFirst()
    if option == "--tiny" {
        tiny = true
        continue
    }
    guard ["--db", "--seed", "--runs"].contains(option), !arguments.isEmpty else {
        stopBenchmark("Unknown option or missing value: \(option)\n\(usage)", status: 64)
    }
    options[option] = arguments.removeFirst()
}
guard let path = options["--db"] else { stopBenchmark("\(command) needs --db FILE.\n\(usage)", status: 64) }

/// Builds the programme into a new file, in the repository's catalogue.
func generate(at path: String, seed: UInt64, tiny: Bool) throws {
    guard !FileManager.default.fileExists(atPath: path) else {
        throw BenchmarkFailure("\(path) already exists; give a new path to generate into.")
    }
    try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
    var counts = NationalProgramme.Counts()
    let programme = tiny ? NationalProgramme.tiny(seed: seed) : NationalProgramme(seed: seed)
    let time = try Measure.seconds {
        let database = try AppDatabase.open(at: path, creating: true)
        try database.syncCourses(CourseCatalogue.load(directory: URL(fileURLWithPath: "courses")))
        counts = try programme.generate(into: database)
    }
    print(String(format: "generated (seed %llu) in %.0f s: %@", seed, time, counts.description))
}

runBenchmark("RegionSummaryBenchmark \(command)") {
    switch command {
    case "generate":
        try generate(at: path, seed: UInt64(options["--seed"] ?? "") ?? 2019, tiny: tiny)
    default:
        if !FileManager.default.fileExists(atPath: path) {
            print("No programme at \(path): generating it once (a few minutes); later runs reuse it.")
            fflush(nil)  // before the generator's lines, when the output is a pipe
            // In a process of its own, so that this one stays small: a child started from a large
            // process is reported (by wait4) as at least that large.
            let generator = try Process.run(URL(fileURLWithPath: CommandLine.arguments[0]),
                                            arguments: ["generate", "--db", path] + (tiny ? ["--tiny"] : []))
            generator.waitUntilExit()
            guard generator.terminationStatus == 0 else {
                throw BenchmarkFailure("generating the programme failed (exit status \(generator.terminationStatus)); see the lines above.")
            }
        } else {
            print("Reusing the programme at \(path) (delete it to generate it again).")
        }
        try RegionSummaryTimings(databasePath: path, runs: Int(options["--runs"] ?? "") ?? (tiny ? 1 : 7)).run()
    }
}

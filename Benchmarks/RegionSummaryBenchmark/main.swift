// The region summary benchmark behind `make bench`, release build:
//
//   RegionSummaryBenchmark generate --db FILE [--seed N]   builds the synthetic national programme
//   RegionSummaryBenchmark run --db FILE [--runs N]         times summaries of it; generates it first if FILE is missing
//
// Timings go through the release `malaka` binary next to this one, a process per run, so they
// include starting the process and opening the database. The machines are small and shared,
// so every figure is the median of several runs, with the CPU time beside the wall-clock time.
import Foundation
import TrainingCore

let usage = """
    Usage: RegionSummaryBenchmark generate --db FILE [--seed N]
           RegionSummaryBenchmark run --db FILE [--runs N]
    """

func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data("\(message)\n".utf8))
    exit(status)
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first, ["generate", "run"].contains(command) else { fail(usage, status: 64) }
arguments.removeFirst()
var options: [String: String] = [:]
while !arguments.isEmpty {
    let option = arguments.removeFirst()
    guard ["--db", "--seed", "--runs"].contains(option), !arguments.isEmpty else {
        fail("Unknown option or missing value: \(option)\n\(usage)", status: 64)
    }
    options[option] = arguments.removeFirst()
}
guard let path = options["--db"] else { fail("\(command) needs --db FILE.\n\(usage)", status: 64) }

/// Builds the programme into a new file, in the repository's catalogue.
func generate(at path: String, seed: UInt64) throws {
    guard !FileManager.default.fileExists(atPath: path) else {
        fail("\(path) already exists; give a new path to generate into.", status: 65)
    }
    try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
    var counts = NationalProgramme.Counts()
    let time = try Measure.seconds {
        let database = try AppDatabase.open(at: path, creating: true)
        try database.syncCourses(CourseCatalogue.load(directory: URL(fileURLWithPath: "courses")))
        counts = try NationalProgramme(seed: seed).generate(into: database)
    }
    print(String(format: "generated (seed %llu) in %.0f s: %@", seed, time, counts.description))
}

switch command {
case "generate":
    try generate(at: path, seed: UInt64(options["--seed"] ?? "") ?? 2019)
default:
    if !FileManager.default.fileExists(atPath: path) {
        print("No programme at \(path): generating it once (a few minutes); later runs reuse it.")
        fflush(nil)  // before the generator's lines, when the output is a pipe
        // In a process of its own, so that this one stays small: a child started from a large
        // process is reported (by wait4) as at least that large.
        let generator = try Process.run(URL(fileURLWithPath: CommandLine.arguments[0]), arguments: ["generate", "--db", path])
        generator.waitUntilExit()
        guard generator.terminationStatus == 0 else { fail("Generating the programme failed.", status: 70) }
    } else {
        print("Reusing the programme at \(path) (delete it to generate it again).")
    }
    try RegionSummaryTimings(databasePath: path, runs: Int(options["--runs"] ?? "") ?? 7).run()
}

// The region summary benchmark behind `make bench`, release build:
//
//   RegionSummaryBenchmark generate --db FILE [--seed N]   builds the synthetic national programme
//   RegionSummaryBenchmark [run] [--db FILE] [--runs N]     times the summaries (generating a programme first without --db)
//
// The machines are small and shared, so every figure is the median of several runs.
import Foundation
import TrainingCore

let usage = """
    Usage: RegionSummaryBenchmark generate --db FILE [--seed N]
           RegionSummaryBenchmark [run] [--db FILE] [--runs N]
    """

var arguments = Array(CommandLine.arguments.dropFirst())
let command = arguments.first.flatMap { $0.hasPrefix("--") ? nil : $0 } ?? "run"
if !arguments.isEmpty && !arguments[0].hasPrefix("--") { arguments.removeFirst() }
var options: [String: String] = [:]
while !arguments.isEmpty {
    let option = arguments.removeFirst()
    guard ["--db", "--seed", "--runs"].contains(option), !arguments.isEmpty else {
        FileHandle.standardError.write(Data("Unknown option or missing value: \(option)\n\(usage)\n".utf8))
        exit(64)
    }
    options[option] = arguments.removeFirst()
}

func generate(at path: String, seed: UInt64) throws -> NationalProgramme.Counts {
    guard !FileManager.default.fileExists(atPath: path) else {
        FileHandle.standardError.write(Data("\(path) already exists; give a new path to generate into.\n".utf8))
        exit(65)
    }
    let database = try AppDatabase.open(at: path, creating: true)
    try database.syncCourses(CourseCatalogue.load(directory: URL(fileURLWithPath: "courses")))
    return try NationalProgramme(seed: seed).generate(into: database)
}

func describe(_ counts: NationalProgramme.Counts) -> String {
    "\(counts.events) events (\(counts.cancelled) cancelled), \(counts.participants) participants, "
        + "\(counts.enrollments) enrollments, \(counts.marks) attendance marks, \(counts.certificates) certificates"
}

switch command {
case "generate":
    guard let path = options["--db"] else {
        FileHandle.standardError.write(Data("generate needs --db FILE.\n\(usage)\n".utf8))
        exit(64)
    }
    var counts = NationalProgramme.Counts()
    let time = try Measure.seconds { counts = try generate(at: path, seed: UInt64(options["--seed"] ?? "") ?? 2019) }
    print(String(format: "Generated %@ in %.1f s into %@", describe(counts), time, path))
case "run":
    try RegionSummaryTimings(databasePath: options["--db"], runs: Int(options["--runs"] ?? "") ?? 7).run()
default:
    FileHandle.standardError.write(Data("Unknown command \(command).\n\(usage)\n".utf8))
    exit(64)
}

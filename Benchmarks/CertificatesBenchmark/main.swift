import CertificateVerification

// `make bench`: certificates issued end to end from the database by the release `malaka` binary,
// as one bundle and as one file per person, for 1,000 and 10,000 people of one event; with two
// baselines run alongside, because the machines are small and shared: `certificate-baseline`, a
// direct C program drawing the same participation certificate with cairo and HarfBuzz (the issue's
// reference), and the TypesettingBenchmark (a simpler page through the Typesetting layer).
//
//   MALAKA_BENCHMARKS=1 swift build -c release --product malaka --product TypesettingBenchmark --product certificate-baseline --product certificates-bench
//   .build/release/certificates-bench [--runs 3] [--large 10000] [--keep DIR] [--signing-only] [--tiny]
//
// `--tiny` issues 5 certificates once, with nothing large, and signs 100 tokens: the smoke run of
// `make bench-smoke`, which checks that the benchmark still runs, not how fast.
import BenchmarkSupport
import Foundation
import TrainingCore

struct Options {
    var runs = 3
    /// The event whose certificates are timed against the baselines, run after run.
    var smallCount = 1_000
    var largeCount = 10_000
    /// Tokens signed in each of the five rounds that time signing alone.
    var signingCount = 10_000
    /// Keep the databases and PDFs in this folder instead of deleting them.
    var keep: String?
    /// Only build the database of an event of this many people (in the --keep folder), for profiling.
    var setupOnly: Int?
    /// Only time signing tokens, in this process; needs no release `malaka`.
    var signingOnly = false

    static func parse() -> Options {
        var options = Options()
        var arguments = CommandLine.arguments.dropFirst()
        while let option = arguments.popFirst() {
            if option == "--signing-only" {
                options.signingOnly = true
                continue
            }
            if option == "--tiny" {
                (options.runs, options.smallCount, options.largeCount, options.signingCount) = (1, 5, 0, 100)
                continue
            }
            switch (option, arguments.popFirst()) {
            case ("--runs", let value?): options.runs = max(1, Int(value) ?? options.runs)
            case ("--large", let value?): options.largeCount = Int(value) ?? options.largeCount
            case ("--keep", let value?): options.keep = value
            case ("--setup-only", let value?): options.setupOnly = Int(value)
            default:
                stopBenchmark("Usage: CertificatesBenchmark [--runs N] [--large N] [--keep DIR] [--setup-only N] [--signing-only] [--tiny]",
                              status: 64)
            }
        }
        return options
    }
}
let options = Options.parse()
let runs = options.runs
let smallCount = options.smallCount
let largeCount = options.largeCount
let keep = options.keep
if options.signingOnly {
    runBenchmark("certificates-bench --signing-only") { try printSigningTime() }
    exit(0)
}

let binaries = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
let malaka = binaries.appendingPathComponent("malaka").path
let typesetting = binaries.appendingPathComponent("TypesettingBenchmark").path
let cProgram = binaries.appendingPathComponent("certificate-baseline").path
for binary in [malaka, typesetting, cProgram] where !FileManager.default.isExecutableFile(atPath: binary) {
    stopBenchmark("\(binary) is missing: build it in release mode too (`MALAKA_BENCHMARKS=1 swift build -c release --product \(URL(fileURLWithPath: binary).lastPathComponent)`).")
}
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let templates = root.appendingPathComponent("certificate-templates").path
let work = URL(fileURLWithPath: keep ?? FileManager.default.temporaryDirectory
    .appendingPathComponent("malaka-certificates-bench-\(ProcessInfo.processInfo.processIdentifier)").path)
try? FileManager.default.removeItem(at: work)

// MARK: - Running a child process and measuring it

struct Measurement {
    var seconds: Double
    var cpuSeconds: Double
    /// Peak resident memory of the child, from wait4's ru_maxrss: the VmHWM it had when it ended, but never
    /// less than this process's own memory when it started the child (they share it until exec). `malaka`
    /// needs more than that, so its figure is its own; the baselines report theirs (``reportedPeak(_:)``).
    var peakMegabytes: Double
    var output: String
}

/// Runs a program to its end and measures its wall-clock time, CPU time and peak memory.
func measure(_ program: String, _ arguments: [String]) throws -> Measurement {
    let outputFile = work.appendingPathComponent("child-output.txt").path
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, outputFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([program] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let start = DispatchTime.now().uptimeNanoseconds
    guard posix_spawn(&pid, program, &actions, nil, argv, environ) == 0 else {
        throw BenchmarkFailure("could not start \(program)")
    }
    var status: Int32 = 0
    var usage = rusage()
    _ = wait4(pid, &status, 0, &usage)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let output = (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? ""
    guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else {
        throw BenchmarkFailure("\(program) \(arguments.joined(separator: " ")) failed (status \(status)): \(output)")
    }
    let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    return Measurement(seconds: seconds, cpuSeconds: cpu, peakMegabytes: Double(usage.ru_maxrss) / 1024, output: output)
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

// MARK: - The programme: one event of N people who all completed it

let givenNames: [(String, DocumentLanguage)] = [
    ("Gʻulomjon", .uzbekLatin), ("Oʻgʻiloy", .uzbekLatin), ("Dilnoza", .uzbekLatin), ("Bahodir", .uzbekLatin),
    ("Ғуломжон", .uzbekCyrillic), ("Ўғилой", .uzbekCyrillic), ("Ҳилола", .uzbekCyrillic), ("Баҳодир", .uzbekCyrillic),
    ("Айгүл", .kyrgyz), ("Нурбек", .kyrgyz), ("Гүлзат", .kyrgyz), ("Эңкебай", .kyrgyz),
    ("Ирина", .russian), ("Алексей", .russian), ("Наталья", .russian), ("Дмитрий", .russian),
    ("Jennifer", .english), ("Aziz", .english), ("Grace", .english), ("Fiona", .english),
]
let surnames: [DocumentLanguage: [String]] = [
    .uzbekLatin: ["Oʻrinboyev", "Shoʻxratova", "Qoʻchqorova", "Gʻaniyev", "Toʻxtayeva"],
    .uzbekCyrillic: ["Ўринбоев", "Шўҳратова", "Қўчқорова", "Ғаниев", "Тўхтаева"],
    .kyrgyz: ["Өмүрбекова", "Жээнбеков", "Садыкова", "Түлөгөнов", "Сыдыкова"],
    .russian: ["Кузнецова", "Петров", "Ким", "Юсупов", "Петренко"],
    .english: ["O’Connor", "Rakhimov", "Ffoulkes", "Mcfinley", "Hamilton"],
]

/// A database holding one event of `count` people, names mixed across the five languages, all present at every session.
func programme(count: Int) throws -> (path: String, event: Int64) {
    let path = work.appendingPathComponent("programme-\(count).sqlite").path
    let database = try AppDatabase.open(at: path, creating: true)
    try database.syncCourses(CourseCatalogue.load(directory: root.appendingPathComponent("courses")))
    // The organisation has its key already, as it will after its first run: each run signs, none creates a key.
    _ = try database.generateSigningKey(organisation: "default",
                                        privateKeyPath: work.appendingPathComponent("programme-\(count).key").path)
    let event = try database.createEvent(EventPlan(
        courseCode: "CR-MONITORING", region: "UZ-XO", district: "Urganch tumani", locality: "Navbahor mahallasi",
        organiser: "Oila va xotin-qizlar qoʻmitasi", trainers: ["Dilnoza Yusupova"],
        sessions: EventPlan.consecutiveSessions(from: DayDate(year: 2024, month: 3, day: 4)!, days: 5,
                                                time: try TimeRange(parsing: "09:00-13:00"))))
    let people = try database.addParticipants((0..<count).map { index in
        let (given, language) = givenNames[index % givenNames.count]
        let surname = surnames[language]![(index / givenNames.count) % 5]
        return ParticipantDraft(fullName: "\(given) \(surname)", category: .civilServant, language: language)
    })
    try database.enroll(eventID: event.id, participantIDs: people.map { $0.id! })
    try database.markAttendance(event.sessions.map {
        AttendanceMarks(eventID: event.id, date: $0.date, everyoneElse: .present)
    })
    return (path, event.id)
}

/// The same database, made by this program run again with `--setup-only` in a folder of its own.
///
/// A child that posix_spawn starts reports at least the peak memory its parent had when it started it
/// (they share memory until exec): made in this process, the 10,000-person programme made every
/// `malaka` run after it look 70 MB larger than it is.
func programmeOfAnotherProcess(count: Int) throws -> (path: String, event: Int64) {
    let folder = work.appendingPathComponent("programme-\(count)").path
    let made = try measure(URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path,
                           ["--setup-only", String(count), "--keep", folder])
    guard let match = made.output.firstMatch(of: /Event (\d+) of \d+ people in (.+)\n/), let event = Int64(match.output.1) else {
        throw BenchmarkFailure("cannot read the programme made: \(made.output)")
    }
    return (String(match.output.2), event)
}

/// Issues the event's certificates on a fresh copy of the database, in a fresh output folder.
func issue(_ source: (path: String, event: Int64), _ count: Int, bundle: Bool, run: Int) throws -> Measurement {
    let name = "\(count)-\(bundle ? "bundle" : "files")-\(run)"
    let database = work.appendingPathComponent("\(name).sqlite").path
    for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: source.path + suffix) {
        try? FileManager.default.removeItem(atPath: database + suffix)
        try FileManager.default.copyItem(atPath: source.path + suffix, toPath: database + suffix)
    }
    let output = work.appendingPathComponent(name)
    try? FileManager.default.removeItem(at: output)
    let destination = bundle ? ["--bundle", output.appendingPathComponent("certificates.pdf").path] : ["--out", output.path]
    let result = try measure(malaka, ["certificates", "issue", String(source.event), "--db", database, "--templates", templates,
                                      "--issue-date", "2024-03-09"] + destination)
    guard result.output.contains("Issued \(count) certificates") else {
        throw BenchmarkFailure("unexpected output: \(result.output.prefix(300))")
    }
    if keep == nil && run > 0 {
        try? FileManager.default.removeItem(at: output)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
    }
    return result
}

func megabytes(of folder: URL) -> Double {
    let files = (try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []
    let bytes = files.reduce(0) { total, file in
        total + (((try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(file).path))?[.size] as? Int) ?? 0)
    }
    return Double(bytes) / 1_048_576
}

/// The baselines' seconds for the bundle and the files, printed as `bundle: … 0.231 s (…` and `files: … 1.712 s (…`.
struct Baseline {
    var bundle: Double
    var files: Double
    var bundlePeak: Double
    /// CPU seconds, comparable with Malaka's whatever the load; known for the C program, which is timed as a whole process.
    var bundleCPU: Double?
    var filesCPU: Double?
}

/// What a program printed as `bundle: … 0.231 s (…` or `files: … 1.712 s (…`.
func reportedSeconds(_ measurement: Measurement) throws -> Double {
    guard let match = measurement.output.firstMatch(of: /: ([\d.]+) s \(/), let value = Double(match.output.1) else {
        throw BenchmarkFailure("cannot read the baseline's output: \(measurement.output)")
    }
    return value
}

/// The peak memory a baseline reports of itself (`peak RSS 14364 kB`), in MB. Its `wait4` figure would not do:
/// a child started by posix_spawn counts the parent's memory it shared until exec.
func reportedPeak(_ measurement: Measurement) throws -> Double {
    guard let match = measurement.output.firstMatch(of: /peak RSS (\d+) kB/), let kilobytes = Double(match.output.1) else {
        throw BenchmarkFailure("cannot read the baseline's peak memory: \(measurement.output)")
    }
    return kilobytes / 1024
}

/// The TypesettingBenchmark: a simpler certificate-like page through the Typesetting layer, on two threads.
func typesettingBaseline() throws -> Baseline {
    let pages = String(smallCount)
    let bundle = try measure(typesetting, ["--pages", pages, "--threads", "2", "--only", "bundle", "--output", work.appendingPathComponent("baseline-bundle").path])
    let files = try measure(typesetting, ["--pages", pages, "--threads", "2", "--only", "files", "--output", work.appendingPathComponent("baseline-files").path])
    return Baseline(bundle: try reportedSeconds(bundle), files: try reportedSeconds(files), bundlePeak: try reportedPeak(bundle))
}

/// Characters in the QR code of each certificate: a signed token (`MLK1:` and Base45, 239 for this event), which the C program encodes too.
let qrLength = 239

/// The C program drawing the participation certificate, one thread as in the issue's reference; whole process timed.
func cBaseline() throws -> Baseline {
    func run(_ only: String) throws -> Measurement {
        let output = work.appendingPathComponent("c-\(only)")
        try? FileManager.default.removeItem(at: output)
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: output) }
        return try measure(cProgram, ["--emblem", templates + "/images/emblem.png", "--out", output.path, "--pages", String(smallCount),
                                      "--qr-length", String(qrLength), "--only", only])
    }
    let bundle = try run("bundle")
    let files = try run("files")
    return Baseline(bundle: bundle.seconds, files: files.seconds, bundlePeak: try reportedPeak(bundle),
                    bundleCPU: bundle.cpuSeconds, filesCPU: files.cpuSeconds)
}

// MARK: - The runs

/// Signing alone, in this process: µs per Ed25519 signature of a certificate token, best of 5 rounds of `count`.
func signingMicroseconds(count: Int) throws -> (best: Double, median: Double, tokenLength: Int) {
    let key = SigningKey.generate()
    let start = DayDate(year: 2024, month: 3, day: 4)!
    let tokens = (0..<count).map { index in
        CertificateToken(serial: String(format: "UZ-2024-%06d", index + 1), printedName: "Gʻulomjon Oʻrinboyev \(index)",
                         courseCode: "CR-MONITORING", startDate: start, endDate: DayDate(year: 2024, month: 3, day: 8)!,
                         organisation: "Oila va xotin-qizlar qoʻmitasi", issueDate: DayDate(year: 2024, month: 3, day: 9)!)
    }
    var rounds: [Double] = []
    var length = 0
    for _ in 0..<5 {
        let begin = DispatchTime.now().uptimeNanoseconds
        for token in tokens { length = try token.signed(with: key).utf8.count }
        rounds.append(Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e3 / Double(count))
    }
    return (rounds.min()!, median(rounds), length)
}

func printSigningTime() throws {
    let signing = try signingMicroseconds(count: options.signingCount)
    print(String(format: "Signing alone: %.1f µs per token (best of 5 rounds of %@; median %.1f µs), tokens of %d characters.",
                 signing.best, options.signingCount.formatted(), signing.median, signing.tokenLength))
}

/// Best and median of the runs: on a shared machine the best run is the one least slowed by others.
func line(_ label: String, _ times: [Double], cpu: [Double], peak: Double, target: String, c: [Double], baseline: [Double],
          size: Double) -> String {
    String(format: "| %@ | %.3f s | %.3f s | %.2f s | %.1f MB | %@ | %.3f s / %.3f s | %.2f× / %.2f× | %.3f s / %.3f s | %.2f× / %.2f× | %.1f MB |",
           label, times.min()!, median(times), cpu.min()!, peak, target,
           c.min()!, median(c), times.min()! / c.min()!, median(times) / median(c),
           baseline.min()!, median(baseline), times.min()! / baseline.min()!, median(times) / median(baseline), size)
}

func list(_ values: [Double]) -> String { values.map { String(format: "%.3f", $0) }.joined(separator: ", ") }

/// The runs against the baselines, then the large event, then signing alone.
func runAll() throws {
    print("Certificates benchmark: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory >> 20) MiB, "
          + "\(runs) runs, interleaved with the baseline; each run issues every certificate anew on a fresh copy of the database.")
    let small = try programmeOfAnotherProcess(count: smallCount)

    var bundleTimes: [Double] = [], fileTimes: [Double] = [], baselineBundles: [Double] = [], baselineFiles: [Double] = []
    var cBundles: [Double] = [], cFiles: [Double] = [], cBundleCPU: [Double] = [], cFilesCPU: [Double] = []
    var bundlePeak = 0.0, filesPeak = 0.0, baselineBundlePeak = 0.0, cBundlePeak = 0.0
    var bundleCPU: [Double] = [], filesCPU: [Double] = []
    for run in 0..<runs {
        // Interleaved, so that a noisy neighbour slows Malaka and its baselines alike.
        let base = try typesettingBaseline()
        baselineBundles.append(base.bundle)
        baselineFiles.append(base.files)
        baselineBundlePeak = max(baselineBundlePeak, base.bundlePeak)
        let c = try cBaseline()
        cBundles.append(c.bundle)
        cFiles.append(c.files)
        cBundleCPU.append(c.bundleCPU!)
        cFilesCPU.append(c.filesCPU!)
        cBundlePeak = max(cBundlePeak, c.bundlePeak)
        let bundle = try issue(small, smallCount, bundle: true, run: run)
        bundleTimes.append(bundle.seconds)
        bundleCPU.append(bundle.cpuSeconds)
        bundlePeak = max(bundlePeak, bundle.peakMegabytes)
        let files = try issue(small, smallCount, bundle: false, run: run)
        fileTimes.append(files.seconds)
        filesCPU.append(files.cpuSeconds)
        filesPeak = max(filesPeak, files.peakMegabytes)
    }
    let bundleSize = megabytes(of: work.appendingPathComponent("\(smallCount)-bundle-0"))
    let filesSize = megabytes(of: work.appendingPathComponent("\(smallCount)-files-0"))

    let count = smallCount.formatted()
    print("")
    print("| \(count) certificates, one event | Malaka, best | Malaka, median | CPU, best | Peak memory (VmHWM) | Target | C program, best / median | Ratio to C, best / median | TypesettingBenchmark, best / median | Ratio, best / median | Output |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    print(line("One \(count)-page bundle", bundleTimes, cpu: bundleCPU, peak: bundlePeak, target: "< 0.4 s (C: 0.22 s, 1.82×)",
               c: cBundles, baseline: baselineBundles, size: bundleSize))
    print(line("\(count) files, 2 threads", fileTimes, cpu: filesCPU, peak: filesPeak, target: "< 1.5 s (C, 1 thread: 1.7 s, 0.88×)",
               c: cFiles, baseline: baselineFiles, size: filesSize))
    print("\nAll runs: bundle \(list(bundleTimes)) s; files \(list(fileTimes)) s; C bundle \(list(cBundles)) s; C files \(list(cFiles)) s; "
          + "TypesettingBenchmark bundle \(list(baselineBundles)) s; files \(list(baselineFiles)) s.")
    print("CPU, best: Malaka bundle \(list([bundleCPU.min()!])) s, files \(list([filesCPU.min()!])) s; "
          + "C bundle \(list([cBundleCPU.min()!])) s, files \(list([cFilesCPU.min()!])) s.")
    // Issue 19's targets: CPU against the C program's, and the bundle's wall-clock time and size a page.
    print(String(format: "CPU against the C program: bundle %.2f× best, %.2f× median (target ≤ 0.6×); files %.2f× best, %.2f× median (target ≤ 0.8×). "
                 + "Wall-clock, bundle: %.2f× best, %.2f× median (target ≤ 0.5×).",
                 bundleCPU.min()! / cBundleCPU.min()!, median(bundleCPU) / median(cBundleCPU),
                 filesCPU.min()! / cFilesCPU.min()!, median(filesCPU) / median(cFilesCPU),
                 bundleTimes.min()! / cBundles.min()!, median(bundleTimes) / median(cBundles)))
    print(String(format: "Bundle size: %.2f KB a page.", megabytes(of: work.appendingPathComponent("\(smallCount)-bundle-0")) * 1024 / Double(smallCount)))

    if largeCount > 0 {
        let large = try programmeOfAnotherProcess(count: largeCount)
        let bundle = try issue(large, largeCount, bundle: true, run: 0)
        let files = try issue(large, largeCount, bundle: false, run: 0)
        print("")
        print("| \(largeCount.formatted()) certificates, one event | Malaka, end to end | CPU | Peak memory (VmHWM) | Output |")
        print("|---|---|---|---|---|")
        print(String(format: "| One bundle | %.3f s | %.2f s | %.1f MB | %.1f MB |", bundle.seconds, bundle.cpuSeconds, bundle.peakMegabytes,
                     megabytes(of: work.appendingPathComponent("\(largeCount)-bundle-0"))))
        print(String(format: "| One file each, 2 threads | %.3f s | %.2f s | %.1f MB | %.1f MB |", files.seconds, files.cpuSeconds, files.peakMegabytes,
                     megabytes(of: work.appendingPathComponent("\(largeCount)-files-0"))))
        print(String(format: "\nPeak memory, %@ against %@: bundle %.1f MB against %.1f MB, files %.1f MB against %.1f MB.",
                     largeCount.formatted(), count, bundle.peakMegabytes, bundlePeak, files.peakMegabytes, filesPeak))
    }
    print(String(format: "\nPeak memory of the bundle: C program %.1f MB, TypesettingBenchmark %.1f MB.", cBundlePeak, baselineBundlePeak))
    print("")
    try printSigningTime()
}

runBenchmark("certificates-bench") {
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    // A setup-only run leaves its database for profiling.
    defer { if keep == nil && options.setupOnly == nil { try? FileManager.default.removeItem(at: work) } }
    if let count = options.setupOnly {
        let made = try programme(count: count)
        return print("Event \(made.event) of \(count) people in \(made.path)")
    }
    try runAll()
}

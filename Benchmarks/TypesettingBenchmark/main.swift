import BenchmarkSupport
import Foundation
import Synchronization
import Typesetting

// Renders certificate-like pages as one PDF and as one PDF per page on several threads, printing
// seconds and peak memory. Run in release mode:
//   MALAKA_BENCHMARKS=1 swift run -c release TypesettingBenchmark [--pages 1000] [--threads 2] [--output DIR] [--only bundle|files]

var pageCount = 1000
var threadCount = 2
var output = FileManager.default.temporaryDirectory.appendingPathComponent("typesetting-benchmark")
var only: String?
let usage = "Usage: TypesettingBenchmark [--pages N] [--threads N] [--output DIR] [--only bundle|files]"
var arguments = CommandLine.arguments.dropFirst()
while let option = arguments.popFirst() {
    guard let value = arguments.popFirst() else {
        stopBenchmark("\(option) needs a value. \(usage)", status: 64)
    }
    switch option {
    case "--pages": pageCount = Int(value) ?? pageCount
    case "--threads": threadCount = Int(value) ?? threadCount
    case "--output": output = URL(fileURLWithPath: value)
    case "--only" where value == "bundle" || value == "files": only = value
    default:
        stopBenchmark("Unknown option \(option) \(value). \(usage)", status: 64)
    }
}
/// The process's peak resident memory so far, from VmHWM in /proc/self/status.
func peakMemory() -> String {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
    return line.map { $0.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces) } ?? "unknown"
}

/// CPU seconds the process has used so far, user and system, on all threads.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// Wall-clock and CPU seconds that `body` took; CPU time shows the cost even when other work shares the machine.
func seconds(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
    let start = ContinuousClock.now
    let cpuStart = cpuSeconds()
    try body()
    let elapsed = ContinuousClock.now - start
    return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, cpuSeconds() - cpuStart)
}

func fileSize(_ url: URL) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int) ?? 0
}

let pages = (0..<pageCount).map(SampleCertificates.page)

/// One PDF with every page, on one thread.
func renderBundle(_ pages: [CertificatePage], to bundle: URL) throws {
    let fonts = FontLibrary()
    let document = try PDFDocument(url: bundle, fonts: fonts, metadata: PDFMetadata(title: "Sertifikatlar", creator: "TypesettingBenchmark"))
    for page in pages {
        try page.draw(on: document.beginPage(size: CertificatePage.size))
    }
    try document.finish()
}

// One PDF per page; each thread has a font library of its own.
/// Renders every page to its own file, pages shared out among `threadCount` threads; returns the failures.
func renderFiles(_ pages: [CertificatePage], threadCount: Int, output: URL) -> [String] {
    let failures = Mutex<[String]>([])
    DispatchQueue.concurrentPerform(iterations: threadCount) { thread in
        let fonts = FontLibrary()
        for index in stride(from: thread, to: pages.count, by: threadCount) {
            do {
                let url = output.appendingPathComponent(String(format: "certificate-%04d.pdf", index + 1))
                let document = try PDFDocument(url: url, fonts: fonts, metadata: PDFMetadata(title: pages[index].name))
                try pages[index].draw(on: document.beginPage(size: CertificatePage.size))
                try document.finish()
            } catch {
                failures.withLock { $0.append("page \(index + 1): \(error)") }
            }
        }
    }
    return failures.withLock { $0 }
}

runBenchmark("TypesettingBenchmark") {
    try? FileManager.default.removeItem(at: output)
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    if only != "files" {
        let bundle = output.appendingPathComponent("bundle.pdf")
        let bundleSeconds = try seconds { try renderBundle(pages, to: bundle) }
        print(String(format: "bundle: %d pages in one PDF: %.3f s (%.3f s CPU), %d KB, peak RSS %@",
                     pageCount, bundleSeconds.wall, bundleSeconds.cpu, fileSize(bundle) / 1024, peakMemory()))
    }
    if only != "bundle" {
        var problems: [String] = []
        let filesSeconds = seconds {
            problems = renderFiles(pages, threadCount: threadCount, output: output)
        }
        let filesBytes = (0..<pageCount).reduce(0) {
            $0 + fileSize(output.appendingPathComponent(String(format: "certificate-%04d.pdf", $1 + 1)))
        }
        print(String(format: "files: %d PDFs on %d threads: %.3f s (%.3f s CPU), %d KB in all, peak RSS %@",
                     pageCount, threadCount, filesSeconds.wall, filesSeconds.cpu, filesBytes / 1024, peakMemory()))
        if !problems.isEmpty {
            throw BenchmarkFailure("\(problems.count) pages failed; the first: \(problems[0])")
        }
    }
    print("output in \(output.path)")
}

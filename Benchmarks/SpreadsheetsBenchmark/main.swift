// Times reading a generated 100,000-row, 10-column CSV file, end to end from disk.
//
//     MALAKA_BENCHMARKS=1 swift run -c release SpreadsheetsBenchmark              # 100,000 rows
//     MALAKA_BENCHMARKS=1 swift run -c release SpreadsheetsBenchmark 20000        # another row count
//     MALAKA_BENCHMARKS=1 swift run -c release SpreadsheetsBenchmark list.xlsx    # an existing CSV or XLSX file
import BenchmarkSupport
import Foundation
import Spreadsheets

/// Reads `file` five times and prints the best and median times.
func measure(_ file: URL) throws {
    var times: [Double] = []
    var sheet: Sheet?
    for _ in 1...5 {
        let start = ContinuousClock.now
        sheet = try Spreadsheet.read(contentsOf: file)
        let elapsed = ContinuousClock.now - start
        times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    times.sort()
    let rows = sheet?.rows.count ?? 0
    let cells = sheet?.rows.reduce(0) { $0 + $1.cells.count } ?? 0
    let megabytes = Double((try? Data(contentsOf: file).count) ?? 0) / 1_048_576
    print(String(format: "%@ (%@): %d rows, %d cells, %.1f MiB: best %.3f s, median %.3f s (5 runs)",
                 file.lastPathComponent, sheet.map { "\($0.source)" } ?? "?", rows, cells, megabytes, times[0], times[2]))
}

let argument = CommandLine.arguments.dropFirst().first
if let path = argument, Int(path) == nil {
    runBenchmark("SpreadsheetsBenchmark \(path)") { try measure(URL(fileURLWithPath: path)) }
    exit(0)
}

let rowCount = argument.flatMap { Int($0) } ?? 100_000
guard rowCount > 0 else { stopBenchmark("Usage: SpreadsheetsBenchmark [ROWS | FILE]; ROWS is at least 1.", status: 64) }
let surnames = ["Ivanov", "Gʻulomov", "Oʻrinboyeva", "Петрова", "Ўринбоев", "Абдуллаев", "Karimova", "Токтогулов"]
let givenNames = ["Dilnoza", "Ғуломжон", "Aziz", "Айгерим", "Nodira", "Бакыт", "Sardor", "Мария"]
let regions = ["UZ-SA", "UZ-XO", "UZ-TK", "KG-GB", "KG-O"]

var csv = "No;Familiya;Ism;Tugʻilgan sana;Jinsi;Viloyat;Tuman;Telefon;Toifa;Izoh\r\n"
csv.reserveCapacity(rowCount * 120)
for index in 0..<rowCount {
    let surname = surnames[index % surnames.count]
    let given = givenNames[(index / 3) % givenNames.count]
    let day = index % 28 + 1, month = index % 12 + 1, year = 1960 + index % 45
    let note = index % 10 == 0 ? "\"ota-ona; \"\"Mahalla\"\" faoli\"" : "ota-ona"
    csv += "\(index + 1);\(surname);\(given);\(day).\(month).\(year);\(index % 2 == 0 ? "ayol" : "erkak");"
    csv += "\(regions[index % regions.count]);Tuman \(index % 14);+99890\(1_000_000 + index);parent;\(note)\r\n"
}

runBenchmark("SpreadsheetsBenchmark") {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("SpreadsheetsBenchmark-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("participants.csv")
    try Data(csv.utf8).write(to: file)
    try measure(file)
}

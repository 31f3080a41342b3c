// Times reading a generated 100,000-row, 10-column CSV file, end to end from disk.
//
// Run with: swift run -c release SpreadsheetsBenchmark [rows]
import Foundation
import Spreadsheets

let rowCount = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 100_000
let surnames = ["Ivanov", "Gʻulomov", "Oʻrinboyeva", "Петрова", "Ўринбоев", "Абдуллаев", "Karimova", "Токтогулов"]
let givenNames = ["Dilnoza", "Ғуломжон", "Aziz", "Айгерим", "Nodira", "Бакыт", "Sardor", "Мария"]
let regions = ["UZ-SA", "UZ-XO", "UZ-TK", "KG-GB", "KG-O"]

var csv = "No;Familiya;Ism;Tugʻilgan sana;Jinsi;Viloyat;Tuman;Telefon;Toifa;Izoh\r\n"
csv.reserveCapacity(rowCount * 120)
for index in 1...rowCount {
    let surname = surnames[index % surnames.count]
    let given = givenNames[(index / 3) % givenNames.count]
    let day = index % 28 + 1, month = index % 12 + 1, year = 1960 + index % 45
    let note = index % 10 == 0 ? "\"ota-ona; \"\"Mahalla\"\" faoli\"" : "ota-ona"
    csv += "\(index);\(surname);\(given);\(day).\(month).\(year);\(index % 2 == 0 ? "ayol" : "erkak");"
    csv += "\(regions[index % regions.count]);Tuman \(index % 14);+99890\(1_000_000 + index);parent;\(note)\r\n"
}

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("SpreadsheetsBenchmark-\(getpid())")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let file = folder.appendingPathComponent("participants.csv")
try Data(csv.utf8).write(to: file)
let megabytes = Double(csv.utf8.count) / 1_048_576

var times: [Double] = []
var cells = 0
for _ in 1...5 {
    let start = ContinuousClock.now
    let sheet = try Spreadsheet.read(contentsOf: file)
    let elapsed = ContinuousClock.now - start
    cells = sheet.rows.reduce(0) { $0 + $1.cells.count }
    times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}
times.sort()
print(String(format: "read %d rows, %d cells, %.1f MiB: best %.3f s, median %.3f s (5 runs)",
             rowCount + 1, cells, megabytes, times[0], times[2]))

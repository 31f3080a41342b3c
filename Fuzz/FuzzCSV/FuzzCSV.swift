import Foundation
import Spreadsheets
import TrainingCore

// libFuzzer target for CSV participant lists (`make fuzz`).
//
// Any bytes, read as a CSV file and then planned as a participant import (a dry
// run, so the database never changes), must end in a sheet, a SpreadsheetError or
// a report of problems: a trap, a crash or a hang is a finding. The limits are
// smaller than the defaults so that each input is quick; their own checks are
// what is under test, not their size.

private let options = SpreadsheetOptions(limits: SpreadsheetLimits(maxFileBytes: 1 << 20, maxCellBytes: 4096, maxRows: 5000, maxColumns: 200, maxCells: 50_000))
private let database = try! AppDatabase.inMemory()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    guard let sheet = try? CSVReader(options: options).read(data: data, fileName: "fuzz.csv") else { return 0 }
    _ = try? database.importParticipants(from: sheet, options: ParticipantImportOptions(dryRun: true))
    return 0
}

import Foundation
import Spreadsheets
import TrainingCore

// libFuzzer target for XLSX participant lists (`make fuzz`).
//
// Any bytes, read as an XLSX workbook (ZIP directory, inflating, the XML of the
// workbook, styles, shared strings and sheet) and then planned as a participant
// import (a dry run), must end in a sheet, a SpreadsheetError or a report of
// problems. The decompression limits are small so that a bomb the fuzzer builds
// is refused quickly; that the limits hold is part of what is tested.

private let options = SpreadsheetOptions(limits: SpreadsheetLimits(
    maxFileBytes: 1 << 20, maxCellBytes: 4096, maxRows: 5000, maxColumns: 200, maxCells: 50_000,
    maxPartBytes: 4 << 20, maxUncompressedBytes: 8 << 20, maxArchiveEntries: 200))
private let database = try! AppDatabase.inMemory()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    guard let sheet = try? XLSXReader(options: options).read(data: data, fileName: "fuzz.xlsx") else { return 0 }
    _ = try? database.importParticipants(from: sheet, options: ParticipantImportOptions(dryRun: true))
    return 0
}

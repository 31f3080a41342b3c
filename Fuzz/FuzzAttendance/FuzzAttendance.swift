import Foundation
import Spreadsheets
import TrainingCore

// libFuzzer target for attendance sign-in sheets (`make fuzz`).
//
// Any bytes, read as a CSV sign-in sheet and planned as an attendance import for a
// four-day training with four people enrolled (a dry run, so the database never
// changes), must end in a report or an error: a trap, a crash, a hang or an
// AddressSanitizer report is a finding.

private let options = SpreadsheetOptions(limits: SpreadsheetLimits(maxFileBytes: 1 << 20, maxCellBytes: 4096, maxRows: 5000, maxColumns: 200, maxCells: 50_000))

private let training: (database: AppDatabase, event: Int64) = {
    let database = try! AppDatabase.inMemory()
    let course = try! CourseCatalogue.parse("""
        code: PS-PARENTING
        kind: training
        titles:
          en: Positive parenting skills
        hours: 12
        sessions: 4
        completion:
          minimum-share: 75%
          late-counts-as-present: true
          excused-counts: false
        audience: [parent]
        certificate-template: parenting
        """, file: "ps-parenting.yaml")
    try! database.syncCourses([course])
    let start = try! DayDate(parsing: "2019-03-25")
    let event = try! database.createEvent(EventPlan(
        courseCode: "PS-PARENTING", region: "Xorazm", district: "Urganch tumani",
        sessions: EventPlan.consecutiveSessions(from: start, days: 4, time: TimeRange(parsing: "09:00-12:00"))))
    let people = try! database.addParticipants(
        ["Gʻulomjon Oʻrinboyev", "Gulnora Karimova", "Oʻgʻiloy Qurbonova", "Шоҳида Ҳамроева"].map { ParticipantDraft(fullName: $0) })
    try! database.enroll(eventID: event.id, participantIDs: people.map { $0.id! })
    return (database, event.id)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAttendance(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    guard let sheet = try? CSVReader(options: options).read(data: data, fileName: "sign-in.csv") else { return 0 }
    _ = try? training.database.importAttendance(eventID: training.event, from: sheet, options: AttendanceImportOptions(dryRun: true))
    return 0
}

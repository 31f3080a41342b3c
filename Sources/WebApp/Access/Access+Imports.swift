import Foundation
import TrainingCore

/// What a person chose on the upload form: the same choices as `participant import` and `attendance import`.
struct ImportChoices: Sendable, Equatable {
    var onDuplicate: ParticipantImportOptions.DuplicatePolicy = .ask
    var skipInvalid = false
    var emptyIsAbsent = false
    /// The worksheet of a workbook; the first visible one when nil.
    var sheet: String?
    /// Rows, by line, taken as a registered person whatever the policy (`--link LINE=ID`).
    var linkLines: [Int: Int64] = [:]
    /// Rows, by line, added as new people whatever the policy (`--new LINE`).
    var newLines: Set<Int> = []
}

extension Access {
    /// Imports (or, with `dryRun`, previews) a participant list for an event of the scope, enrolling everyone
    /// on it there, through the same core import as `malaka participant import FILE --event N`.
    ///
    /// Rows that name no region or district get the event's, so the people added belong to the place
    /// of the event the list was uploaded for.
    func importParticipants(eventID: Int64, fileName: String, data: Data, choices: ImportChoices, dryRun: Bool) throws
        -> ParticipantImportReport {
        try checkWrites()
        let detail = try event(id: eventID)
        // A row is linked only to someone the reader sees: a number typed into the form names nobody else.
        for id in Set(choices.linkLines.values) where !(try sees(participantID: id)) { throw Refusal.notFound }
        var options = ParticipantImportOptions(eventID: eventID, skipInvalid: choices.skipInvalid, dryRun: dryRun,
                                               onDuplicate: choices.onDuplicate, linkLines: choices.linkLines, newLines: choices.newLines)
        options.presets = try ImportPresets(parsing: ["region=\(detail.event.regionCode)"]
            + (detail.event.districtCode.map { ["district=\($0)"] } ?? []))
        let reading = SpreadsheetReading(sheetName: choices.sheet)
        if !dryRun {
            // Taking a row as someone outside the scope would enroll a person the reader may not change; the
            // preview says so and offers “a new person” for such rows, and applying it anyway is refused.
            var check = options
            check.dryRun = true
            let plan = try database.importParticipants(data: data, fileName: fileName, reading: reading, options: check)
            if try plan.rows.contains(where: { try $0.matchedID.map { !(try sees(participantID: $0)) } ?? false }) {
                throw Refusal.forbidden
            }
        }
        return try database.importParticipants(data: data, fileName: fileName, reading: reading, options: options)
    }

    /// Records (or, with `dryRun`, previews) the marks of a sign-in sheet of an event of the scope, through the
    /// same core import as `malaka attendance import N FILE`.
    func importAttendance(eventID: Int64, fileName: String, data: Data, choices: ImportChoices, dryRun: Bool) throws
        -> AttendanceImportReport {
        try checkWrites()
        _ = try event(id: eventID)
        return try database.importAttendance(
            eventID: eventID, data: data, fileName: fileName, reading: SpreadsheetReading(sheetName: choices.sheet),
            options: AttendanceImportOptions(skipInvalid: choices.skipInvalid, dryRun: dryRun, emptyIsAbsent: choices.emptyIsAbsent))
    }

    /// Whether a registered person is one the scope may see, to name them in a preview or a queue.
    func sees(participantID: Int64) throws -> Bool {
        guard let person = try? database.participant(id: participantID) else { return false }
        return try sees(person)
    }
}

extension ParticipantImportReport.Row {
    /// The registered person the row is taken as (already registered, or linked), if any.
    var matchedID: Int64? {
        switch outcome {
        case .alreadyRegistered(let match), .link(let match, _): match.participantID
        default: nil
        }
    }
}

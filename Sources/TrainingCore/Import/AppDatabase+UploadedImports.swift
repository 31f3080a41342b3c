import Foundation

extension AppDatabase {
    /// Imports a participant list received as bytes (an upload); see ``importParticipants(from:options:)``.
    public func importParticipants(
        data: Data, fileName: String, reading: SpreadsheetReading = SpreadsheetReading(), options: ParticipantImportOptions
    ) throws -> ParticipantImportReport {
        try importParticipants(from: reading.read(data: data, fileName: fileName), options: options)
    }

    /// Imports a sign-in sheet received as bytes (an upload); see ``importAttendance(eventID:from:options:)``.
    public func importAttendance(
        eventID: Int64, data: Data, fileName: String, reading: SpreadsheetReading = SpreadsheetReading(), options: AttendanceImportOptions
    ) throws -> AttendanceImportReport {
        try importAttendance(eventID: eventID, from: reading.read(data: data, fileName: fileName), options: options)
    }
}

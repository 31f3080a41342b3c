import TrainingCore

/// The `--json` output of `attendance import`.
struct AttendanceImportView: Encodable {
    struct Row: Encodable {
        var line: Int
        var participant: Int64
        var name: String
        var writtenName: String
        var foundBy: String
        var marks: [String?]
    }

    var file: String
    var event: Int64
    var sessions: [String]
    var rows: [Row]
    var problems: [String]
    var marks: Int
    var written: Bool
    var refusals: [String]
    var hiddenRows: [Int]
    var includedHidden: Bool

    init(_ report: AttendanceImportReport) {
        file = report.file
        event = report.eventID
        sessions = report.sessionColumns.map { "\($0.session!.date.iso)T\($0.session!.startTime)" }
        rows = report.rows.map { row in
            let foundBy: String
            switch row.identification {
            case .number: foundBy = "number"
            case .name: foundBy = "name"
            case .similarName: foundBy = "similar-name"
            }
            return Row(line: row.line, participant: row.participantID, name: row.fullName, writtenName: row.writtenName,
                       foundBy: foundBy, marks: row.marks.map { $0?.rawValue })
        }
        problems = report.problems.map(\.cliText)
        marks = report.markCount
        written = report.written
        refusals = report.refusals.map(\.cliText)
        hiddenRows = report.hiddenRows
        includedHidden = report.includedHidden
    }
}

import TrainingCore

/// The `--json` output of `participant import`.
struct ParticipantImportView: Encodable {
    struct Column: Encodable {
        var column: Int
        var letter: String
        var header: String
        var field: String?
        var note: String?
    }

    struct Candidate: Encodable {
        var participant: Int64
        var fullName: String
        var score: Double
        var probable: Bool
        var reasons: [String]

        init(_ candidate: ParticipantImportReport.Candidate) {
            participant = candidate.participantID
            fullName = candidate.fullName
            score = (candidate.score * 1000).rounded() / 1000
            probable = candidate.isProbable
            reasons = candidate.reasons
        }
    }

    struct Row: Encodable {
        var line: Int
        var name: String
        /// `added`, `already-registered`, `same-as-line`, `linked` or `undecided`.
        var outcome: String
        var participant: Int64?
        var sameAsLine: Int?
        var candidates: [Candidate]
    }

    struct Problem: Encodable {
        var line: Int
        var column: Int?
        var header: String?
        var reason: String
        var message: String
    }

    var file: String
    var source: String
    var headerLine: Int
    var columns: [Column]
    var rows: [Row]
    var problems: [Problem]
    var event: Int64?
    var newlyEnrolled: Int
    var alreadyEnrolled: Int
    var written: Bool
    var refusals: [String]
    var presets: [String: String]
    var categoryFromAudience: Int
    var languagesInferred: [String: Int]
    var apostrophesStandardised: Int

    init(_ report: ParticipantImportReport) {
        file = report.file
        source = report.source
        headerLine = report.headerLine
        columns = report.columns.map {
            Column(column: $0.column, letter: ImportColumn.letter($0.column), header: $0.header, field: $0.field?.rawValue, note: $0.leftOut?.cliNote(isWorksheet: report.isWorksheet))
        }
        rows = report.rows.map { row in
            switch row.outcome {
            case .add(let similar):
                Row(line: row.line, name: row.fullName, outcome: "added", participant: row.participantID, candidates: similar.map(Candidate.init))
            case .alreadyRegistered(let match):
                Row(line: row.line, name: row.fullName, outcome: "already-registered", participant: row.participantID, candidates: [Candidate(match)])
            case .sameAsLine(let line):
                Row(line: row.line, name: row.fullName, outcome: "same-as-line", participant: row.participantID, sameAsLine: line, candidates: [])
            case .link(let match, _):
                Row(line: row.line, name: row.fullName, outcome: "linked", participant: row.participantID, candidates: [Candidate(match)])
            case .undecided(let candidates):
                Row(line: row.line, name: row.fullName, outcome: "undecided", participant: nil, candidates: candidates.map(Candidate.init))
            }
        }
        problems = report.problems.map { Problem(line: $0.line, column: $0.column, header: $0.header, reason: $0.cliReason, message: $0.cliText) }
        event = report.eventID
        newlyEnrolled = report.newlyEnrolled
        alreadyEnrolled = report.alreadyEnrolled
        written = report.written
        refusals = report.refusals.map(\.cliText)
        presets = Dictionary(uniqueKeysWithValues: report.defaults.presets.map { ($0.key.rawValue, $0.value) })
        categoryFromAudience = report.defaults.categoryFromAudience
        languagesInferred = Dictionary(uniqueKeysWithValues: report.defaults.languagesInferred.map { ($0.key.rawValue, $0.value) })
        apostrophesStandardised = report.defaults.apostrophesStandardised
    }
}

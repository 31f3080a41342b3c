import ArgumentParser
import Foundation
import TrainingCore

struct AttendanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attendance",
        abstract: "Mark who came to each session and see who completed.",
        subcommands: [Mark.self, Show.self, Import.self, Sheet.self])
}

extension AttendanceCommand {
    struct Mark: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mark",
            abstract: "Record attendance for one session day.",
            discussion: """
                People are given by number or by a part of their name that only one enrolled person has.
                Examples:
                  malaka attendance mark 1 --date 25.03.2019 --all-present --except 14 --late 12
                  malaka attendance mark 1 --date 2019-03-26 --present 12 13 --excused Karimova
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The event number.") var event: Int64
        @Option(help: ArgumentHelp("The session's day: 2019-03-25 or 25.03.2019.", valueName: "date")) var date: DayDate
        @Option(help: ArgumentHelp("Which session, when the day has several.", valueName: "HH:MM")) var startTime: TimeOfDay?
        @Flag(help: "Everyone enrolled was present, except those listed otherwise.") var allPresent = false
        @Option(parsing: .upToNextOption, help: "With --all-present: these were absent.") var except: [String] = []
        @Option(parsing: .upToNextOption, help: "These were present.") var present: [String] = []
        @Option(parsing: .upToNextOption, help: "These came late.") var late: [String] = []
        @Option(parsing: .upToNextOption, help: "These were excused.") var excused: [String] = []
        @Option(parsing: .upToNextOption, help: "These were absent.") var absent: [String] = []

        func validate() throws {
            if !except.isEmpty && !allPresent {
                throw ValidationError("--except goes with --all-present; use --absent to mark people absent.")
            }
            if !allPresent && present.isEmpty && late.isEmpty && excused.isEmpty && absent.isEmpty {
                throw ValidationError("Say who was there: --all-present, or --present/--late/--excused/--absent with participants.")
            }
        }

        func run() throws {
            let database = try database.open()
            var marks: [Int64: AttendanceStatus] = [:]
            let lists: [(AttendanceStatus, [String])] = [
                (.absent, except), (.present, present), (.late, late), (.excused, excused), (.absent, absent),
            ]
            for (status, references) in lists {
                for reference in references {
                    let id = try database.enrolledParticipant(eventID: event, matching: reference)
                    if let earlier = marks[id], earlier != status {
                        throw MalakaError.usage("Participant \(reference) is marked both \(earlier.rawValue) and \(status.rawValue). Mark each person once.")
                    }
                    marks[id] = status
                }
            }
            let day = date
            let written = try database.markAttendance(AttendanceMarks(
                eventID: event, date: day, startTime: startTime,
                everyoneElse: allPresent ? .present : nil, marks: marks))
            print("Recorded \(written) attendance mark(s) for event \(event) on \(day.dotted).")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show the attendance grid, each person's rate and whether they completed.",
            discussion: "Marks: P present, L late, E excused, A absent, · not marked.\nExample: malaka attendance show 1")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The event number.") var event: Int64

        func run() throws {
            let sheet = try database.openForReading().attendanceSheet(eventID: event)
            if output.json { return try Printer.json(AttendanceSheetView(sheet)) }
            print("Event \(sheet.event.id): \(sheet.event.title())")
            print("Completion: at least \(Printer.percent(sheet.rule.minimumShare)) of \(sheet.sessions.count) sessions.")
            let header = ["Id", "Name"] + sheet.sessions.map { String($0.date.dotted.prefix(5)) } + ["Rate", "Completed"]
            Printer.table(header, sheet.rows.map { row in
                [String(row.participant.id!), row.participant.fullName] + row.marks.map { $0?.mark ?? "·" }
                    + [Printer.percent(row.standing.rate), row.standing.isComplete ? "yes" : "no"]
            })
            print("\(sheet.completedCount) of \(sheet.rows.count) completed.")
        }
    }
}

struct AttendanceSheetView: Encodable {
    struct RowView: Encodable {
        var participant: Int64
        var name: String
        var marks: [String?]
        var attended: Int
        var rate: Double
        var completed: Bool
    }

    var event: Int64
    var title: String
    var sessions: [String]
    var minimumShare: Double
    var completed: Int
    var rows: [RowView]

    init(_ sheet: AttendanceSheet) {
        event = sheet.event.id
        title = sheet.event.title()
        sessions = sheet.sessions.map { "\($0.date.iso)T\($0.startTime)" }
        minimumShare = sheet.rule.minimumShare
        completed = sheet.completedCount
        rows = sheet.rows.map { row in
            RowView(participant: row.participant.id!, name: row.participant.fullName, marks: row.marks.map { $0?.rawValue },
                    attended: row.standing.creditedSessions, rate: row.standing.rate, completed: row.standing.isComplete)
        }
    }
}

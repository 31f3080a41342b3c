import ArgumentParser
import Foundation
import TrainingCore

struct PeriodCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "period",
        abstract: "Close a reported period so that its numbers stay as reported; reopen it with a reason.",
        discussion: """
            After `period close 2019-Q4 --region UZ-XO --reason "UNICEF Q4 report"`, any change that would \
            alter a number of that quarter in Khorezm is refused, naming the lock: attendance, enrollments, \
            events and their sessions, certificates, the sex, birth year or category of the people who took \
            part, and the kind or completion rule of their course. An event with a session in the period is \
            locked whole. Closing, reopening and every refused change are logged (`period list --log`).
            """,
        subcommands: [Close.self, Reopen.self, List.self])

    /// `2019-Q4`, `2019Q4`, `Q4 2019` or a year, `2019`.
    static func period(_ text: String) throws -> ReportPeriod {
        text.uppercased().contains("Q") ? try ReportPeriod(quarter: text) : try ReportPeriod(year: text)
    }

    static func describe(_ lock: PeriodLock) -> String {
        "lock \(lock.id!): \(lock.label) for \(AppDatabase.placeName(lock.scope)), closed \(AppDatabase.timestamp(lock.closedAt)) (“\(lock.reason)”)"
    }
}

extension PeriodCommand {
    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "close",
            abstract: "Close a year or a quarter for a place (every place by default).",
            discussion: "Example: malaka period close 2019-Q4 --region UZ-XO --reason \"UNICEF Q4 report\"")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: ArgumentHelp("The period: a quarter (2019-Q4) or a year (2019).", valueName: "period")) var period: String
        @OptionGroup var place: PlaceOptions
        @Option(help: "Why it is closed, such as the report it was sent in.") var reason: String

        func run() throws {
            let lock = try database.open().closePeriod(try PeriodCommand.period(period), scope: try place.scope(), reason: reason)
            print("Closed \(PeriodCommand.describe(lock)). Changes to its numbers are now refused until it is reopened.")
        }
    }

    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reopen",
            abstract: "Reopen a closed period and place so that its numbers can be corrected; the reason is logged.",
            discussion: "Example: malaka period reopen 2019-Q4 --region UZ-XO --reason \"Attendance sheet of event 3 found\"")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: ArgumentHelp("The period, as it was closed.", valueName: "period")) var period: String
        @OptionGroup var place: PlaceOptions
        @Option(help: "Why it is reopened.") var reason: String

        func run() throws {
            let lock = try database.open().reopenPeriod(try PeriodCommand.period(period), scope: try place.scope(), reason: reason)
            print("Reopened lock \(lock.id!): \(lock.label) for \(AppDatabase.placeName(lock.scope)) (“\(reason)”). Its numbers can change again; close it again once corrected.")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "The closed and reopened periods; with --log, every close, reopen and refused change.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @Flag(help: "The log of closes, reopens and refused changes instead.") var log = false

        func run() throws {
            let database = try database.open()
            if log {
                let entries = try database.periodLockLog()
                if output.json { return try Printer.json(entries) }
                Printer.table(["When", "Lock", "Action", "Detail"], entries.map {
                    [AppDatabase.timestamp($0.at), String($0.lockId), $0.action.rawValue, $0.detail]
                })
                return
            }
            let locks = try database.periodLocks()
            if output.json { return try Printer.json(locks) }
            guard !locks.isEmpty else { return print("No period has been closed.") }
            Printer.table(["Lock", "Period", "Place", "Closed", "Reason", "Reopened"], locks.map { lock in
                [String(lock.id!), lock.label, AppDatabase.placeName(lock.scope), AppDatabase.timestamp(lock.closedAt), lock.reason,
                 lock.reopenedAt.map { "\(AppDatabase.timestamp($0)) (\(lock.reopenReason ?? ""))" } ?? "—"]
            })
        }
    }
}

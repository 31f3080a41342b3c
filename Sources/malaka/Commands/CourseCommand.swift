import ArgumentParser
import Foundation
import TrainingCore

struct CourseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "course",
        abstract: "Load and look at the course catalogue.",
        subcommands: [List.self, Show.self, Sync.self])
}

extension CourseCommand {
    struct Sync: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sync",
            abstract: "Load or update the courses from the catalogue files, all or nothing.",
            discussion: "Example: malaka course sync --dir courses")

        @OptionGroup var database: DatabaseOptions
        @Option(help: ArgumentHelp("The directory of course files.", valueName: "dir"))
        var dir = "courses"

        func run() throws {
            let definitions = try CourseCatalogue.load(directory: URL(fileURLWithPath: dir))
            let report = try database.open().syncCourses(definitions)
            print("Course catalogue: \(report.added.count) added, \(report.updated.count) updated, \(report.unchanged.count) unchanged.")
            for code in report.added { print("  added     \(code)") }
            for code in report.updated { print("  updated   \(code)") }
            if !report.notInCatalogue.isEmpty {
                print("Kept, though no file describes them any more: \(report.notInCatalogue.joined(separator: ", ")).")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the courses.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let courses = try database.openForReading().courses()
            if output.json { return try Printer.json(courses.map(CourseView.init)) }
            Printer.table(["Code", "Kind", "Hours", "Sessions", "Complete at", "Title"], courses.map { info in
                [info.course.code, info.course.kind.rawValue, Printer.hours(info.course.plannedHours),
                 String(info.course.sessionCount), Printer.percent(info.course.minimumShare), info.title(in: .english)]
            })
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one course with its titles and completion rule.",
            discussion: "Example: malaka course show PS-PARENTING")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The course code.") var code: String

        func run() throws {
            let info = try database.openForReading().course(code: code)
            if output.json { return try Printer.json(CourseView(info)) }
            let course = info.course
            let rule = course.completionRule
            Printer.fields([
                ("Code", course.code), ("Kind", course.kind.rawValue),
                ("Hours", Printer.hours(course.plannedHours)), ("Sessions", String(course.sessionCount)),
                ("Completion", "at least \(Printer.percent(rule.minimumShare)) of sessions; late \(rule.lateCountsAsPresent ? "counts" : "does not count") as present; excused \(rule.excusedCounts ? "counts" : "does not count")"),
                ("Audience", course.audience.map(\.rawValue).joined(separator: ", ")),
                ("Certificate", course.certificateTemplate), ("About", course.summary), ("File", course.sourceFile),
            ])
            for language in DocumentLanguage.allCases {
                if let title = info.titles[language] { print("Title (\(language.rawValue)): \(title)") }
            }
        }
    }
}

struct CourseView: Encodable {
    var code: String
    var kind: String
    var titles: [String: String]
    var hours: Double
    var sessions: Int
    var completion: CompletionRule
    var audience: [String]
    var certificateTemplate: String?
    var description: String?

    init(_ info: CourseInfo) {
        code = info.course.code
        kind = info.course.kind.rawValue
        titles = Dictionary(uniqueKeysWithValues: info.titles.map { ($0.key.rawValue, $0.value) })
        hours = info.course.plannedHours
        sessions = info.course.sessionCount
        completion = info.course.completionRule
        audience = info.course.audience.map(\.rawValue)
        certificateTemplate = info.course.certificateTemplate
        description = info.course.summary
    }
}

import ArgumentParser
import Foundation
import TrainingCore

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "List the change log: who changed what, when and where; check that nobody edited it.",
        discussion: """
            Every change Malaka makes is recorded in the same transaction as the change: the operation \
            (enroll, markAttendance, correctName, mergePeople, issueCertificate…), who made it (the account, \
            or web:NAME), when (a hybrid logical clock), at which site, and the rows it changed. Each site's \
            entries are hash-chained: `malaka audit verify` recomputes the chains and names the first entry \
            that was edited, deleted or put out of order.
            """,
        subcommands: [List.self, Verify.self],
        defaultSubcommand: List.self)
}

extension AuditCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the change log, oldest first, filtered by person, event, who or period.",
            discussion: """
                Examples: malaka audit --person 12 · malaka audit --person "Gulnora Karimova" · \
                malaka audit --event 3 --who dilnoza · malaka audit --from 2026-12-01 --to 2026-12-31 --format json
                """)

        @OptionGroup var database: DatabaseOptions
        @Option(help: ArgumentHelp("Only changes concerning this person: a number or a name (people merged into them included).", valueName: "person"))
        var person: String?
        @Option(help: ArgumentHelp("Only changes concerning this event.", valueName: "number")) var event: Int64?
        @Option(help: ArgumentHelp("Only changes made by this account, such as dilnoza or web:dilnoza.", valueName: "actor")) var who: String?
        @Option(help: ArgumentHelp("The first day, in UTC (2026-12-01).", valueName: "date")) var from: String?
        @Option(help: ArgumentHelp("The last day, in UTC.", valueName: "date")) var to: String?
        @Option(help: "table, or json with every row changed.") var format: Format = .table

        func run() throws {
            let database = try database.openForReading()
            var filter = ChangeLogFilter(eventID: event, actor: who)
            filter.participantID = try person.map { try database.participant(matching: $0) }
            filter.from = try from.map(DayDate.init(parsing:))
            filter.to = try to.map(DayDate.init(parsing:))
            let lines = try database.changeLog(filter, includingRows: format == .json)
            switch format {
            case .json:
                try Printer.json(lines.map(AuditEntryView.init))
            case .table:
                guard !lines.isEmpty else { return print("No change matches.") }
                Printer.table(["When (UTC)", "Site #", "Who", "Operation", "Changed"], lines.map { line in
                    [line.date.map(Self.when) ?? line.entry.hlc, "\(line.entry.site) #\(line.entry.siteSequence)", line.entry.actor,
                     line.entry.operation, Self.summary(line)]
                })
            }
        }

        /// `attendance 100 marked · enrollment 2 added`, with the detail of entries that carry one.
        static func summary(_ line: ChangeLogLine) -> String {
            let verbs = ["insert": "added", "update": "changed", "delete": "removed"]
            let counts = line.rowCounts.keys.sorted().map { key -> String in
                let parts = key.split(separator: " ")
                return "\(parts.first ?? "") \(line.rowCounts[key]!) \(verbs[String(parts.last ?? "")] ?? String(parts.last ?? ""))"
            }
            return (counts + [line.entry.detail].compactMap { $0 }).joined(separator: " · ")
        }

        static func when(_ date: Date) -> String {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
            return formatter.string(from: date)
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Recompute every site's hash chain; name the first entry edited, deleted or reordered (exit 65).",
            discussion: "Example: malaka audit verify")

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let database = try database.openForReading()
            let breaks = try database.verifyChangeLog()
            guard breaks.isEmpty else {
                throw MalakaError.data("The change log was altered after it was recorded. "
                    + breaks.map(\.description).joined(separator: " ")
                    + " Restore the database from a backup made before then, and find out who could write to the file.")
            }
            let sites = try database.changeLog().reduce(into: [String: Int]()) { $0[$1.entry.site, default: 0] += 1 }
            print("The change log is whole: " + (sites.isEmpty ? "no entries yet." :
                sites.keys.sorted().map { "\($0) \(sites[$0]!) entr\(sites[$0]! == 1 ? "y" : "ies")" }.joined(separator: ", ") + ", every hash chain intact."))
        }
    }
}

/// An entry as `audit --format json` prints it: the rows and subjects as JSON, not text.
struct AuditEntryView: Encodable {
    let line: ChangeLogLine

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        let entry = line.entry
        try container.encode(entry.id, forKey: .id)
        try container.encode(entry.uuid, forKey: .uuid)
        try container.encode(entry.site, forKey: .site)
        try container.encode(entry.siteSequence, forKey: .siteSequence)
        try container.encode(entry.hlc, forKey: .hlc)
        try container.encode(line.date.map(AuditCommand.List.when), forKey: .time)
        try container.encode(entry.actor, forKey: .actor)
        try container.encode(entry.operation, forKey: .operation)
        try container.encode(entry.detail, forKey: .detail)
        try container.encode(RawJSON(text: entry.subjects), forKey: .subjects)
        try container.encode(RawJSON(text: entry.listedRows), forKey: .rows)
        try container.encode(entry.previousHash, forKey: .previousHash)
        try container.encode(entry.hash, forKey: .hash)
    }

    enum Key: String, CodingKey {
        case id, uuid, site, siteSequence, hlc, time, actor, operation, detail, subjects, rows, previousHash, hash
    }
}

/// JSON text kept as the value it writes, through `JSONSerialization`.
private struct RawJSON: Encodable {
    let text: String

    func encode(to encoder: any Encoder) throws {
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        try value.encode(to: encoder)
    }
}

/// Any JSON value, decoded and encoded again as it was.
private enum JSONValue: Codable {
    case null, bool(Bool), number(Double), integer(Int64), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int64.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

import CertificateVerification
import Foundation
import GRDB
import TrainingFixtures
@testable import TrainingCore

/// Three sites of one programme working offline on in-memory databases, from a seed: random operations,
/// bundles exchanged in random order with drops and duplicates, then everything delivered.
struct SyncSimulation {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    struct Site {
        let code: String
        let database: AppDatabase
        var events: [Int64] = []
    }

    static let codes = ["XO-URG1", "SA-SAM1", "TK-TSH1"]
    static let names = [
        ("Gulnora Karimova", "Гулнора Каримова"), ("Lola Ismoilova", "Лола Исмоилова"), ("Dilfuza Sapayeva", "Дилфуза Сапаева"),
        ("Baxtiyor Rahimov", "Бахтиёр Раҳимов"), ("Shahnoza Yusupova", "Шаҳноза Юсупова"), ("Otabek Nazarov", "Отабек Назаров"),
    ]

    let seed: UInt64
    /// Seeded, so that a failing seed replays exactly.
    var random: SplitMix64
    /// Whether a refused session deletion is forced, when ``forcesDeletions``: a stream of its own, so that the
    /// operations drawn from `random` stay the seed's.
    var forcing: SplitMix64
    /// Whether sessions that have marks are deleted with `--force` half the time they are refused.
    let forcesDeletions: Bool

    /// ``forcesDeletions`` unless `MALAKA_SYNC_FORCED_DELETES=0`, which replays the seeds of runs made before it was
    /// the default (a 5,000-seed soak passed with it on 2026-12-06; the first one had found seeds 4102 and 4206, fixed since).
    static let forcesDeletionsByDefault = ProcessInfo.processInfo.environment["MALAKA_SYNC_FORCED_DELETES"] != "0"
    var sites: [Site] = []
    let desk: AppDatabase
    let folder: URL
    /// Bundles written but not yet delivered, for late and repeated delivery.
    var mail: [(to: Int, data: Data)] = []
    /// Every mark made: the person's uuid, the session's uuid.
    var marks: [(person: String, session: String)] = []
    /// What imports could not apply, for the failure's message.
    var refusals: [String] = []
    /// What each import did, for the trace of a failing seed.
    var imports: [String] = []

    init(seed: UInt64, forcesDeletions: Bool = SyncSimulation.forcesDeletionsByDefault) throws {
        self.seed = seed
        self.forcesDeletions = forcesDeletions
        random = SplitMix64(seed: seed)
        forcing = SplitMix64(seed: ~seed)
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("malaka-sync-\(seed)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        desk = try AppDatabase(Self.copyOfTemplate())
        _ = try desk.generateSigningKey(organisation: "default", privateKeyPath: folder.appendingPathComponent("programme.key").path)
        for code in Self.codes {
            let database = try AppDatabase(Self.copyOfTemplate())
            _ = try database.joinSite(code: code, programme: "Parenting Khorezm 2026")
            _ = try database.syncCourses([CourseFixtures.parenting, CourseFixtures.meeting])
            let key = try database.generateSiteKey(siteCode: code, privateKeyPath: folder.appendingPathComponent("\(code).key").path)
            _ = try desk.certifySite(code, publicKey: try PublicSigningKey(base64: key.publicKey), notBefore: DayDate(year: 2019, month: 1, day: 1)!)
            sites.append(Site(code: code, database: database))
        }
        let keys = try desk.publicKeysFile()
        for site in sites {
            _ = try site.database.trustProgrammeKeys(keys, source: "programme-keys.json")
        }
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: folder)
    }

    // MARK: Running

    /// Runs the seed and returns the operations its sites made, by change-log name, once everything is delivered.
    @discardableResult
    mutating func run() throws -> Set<String> {
        defer { cleanUp() }
        for (index, site) in sites.enumerated() {
            let detail = try site.database.createEvent(EventPlan(
                courseCode: "PS-PARENTING", region: "Xorazm", district: "UZ-XO-URG", venue: "Mahalla markazi \(index + 1)",
                trainers: ["Trainer \(site.code)"],
                sessions: EventPlan.consecutiveSessions(from: CourseFixtures.day("2019-0\(index + 3)-04"), days: 2, time: CourseFixtures.time("09:00-12:00"))))
            sites[index].events.append(detail.id)
        }
        for _ in 0..<4 {
            for index in sites.indices {
                for _ in 0..<Int.random(in: 2...6, using: &random) { try operate(at: index) }
            }
            for _ in 0..<Int.random(in: 1...4, using: &random) { try exchange() }
        }
        try deliverEverything()
        do {
            try check()
        } catch {
            // A seed replays its operations but not the clock's readings, which order the sites' concurrent changes
            // and their uuids: its trace is the one record of the run that failed.
            throw Failure(description: "\(error)\n" + (try trace()))
        }
        return Set(try sites[0].database.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT operation FROM change") })
    }

    /// What each import did, then each site's change log in the order it was stored (its own changes and those it
    /// received), for finding out by hand why a seed failed.
    func trace() throws -> String {
        func short(_ uuid: Any?) -> String { (uuid as? String).map { String($0.suffix(6)) } ?? "-" }
        var lines = ["== Imports"] + imports
        for site in sites {
            lines.append("== \(site.code)")
            for entry in try site.database.read({ db in try ChangeEntry.order(Column("id")).fetchAll(db) }) {
                let rows = try BundleApplier.rows(of: entry).map { row -> String in
                    let values = (row["values"] as? [String: Any] ?? [:]).filter { $0.key.hasSuffix("Uuid") }
                        .sorted { $0.key < $1.key }.map { "\($0.key.dropLast(4))=\(short($0.value))" }.joined(separator: ",")
                    return "\(row["kind"] ?? "")/\(row["table"] ?? "") \(short(row["uuid"])) \(values)"
                }
                lines.append("  \(entry.site)#\(entry.siteSequence) \(entry.operation) \(entry.hlc.prefix(17)): \(rows.joined(separator: " | "))")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Sends a bundle between two random sites: sometimes lost, sometimes delivered twice, sometimes late.
    mutating func exchange() throws {
        let from = Int.random(in: 0..<sites.count, using: &random)
        var to = Int.random(in: 0..<(sites.count - 1), using: &random)
        if to >= from { to += 1 }
        let bundle = try sites[from].database.exportBundle(for: sites[to].code).data
        switch Int.random(in: 0..<10, using: &random) {
        case 0..<2: break // lost
        case 2..<4: mail.append((to, bundle)) // arrives later
        case 4: try note(try sites[to].database.importBundle(bundle, source: "bundle"), at: to); mail.append((to, bundle))
        default: try note(try sites[to].database.importBundle(bundle, source: "bundle"), at: to)
        }
        if !mail.isEmpty, Bool.random(using: &random) {
            let late = mail.remove(at: Int.random(in: 0..<mail.count, using: &random))
            try note(try sites[late.to].database.importBundle(late.data, source: "late bundle"), at: late.to)
        }
    }

    mutating func note(_ report: SyncReport, at index: Int) throws {
        refusals += report.lines.flatMap(\.notes).filter { $0.contains(" not ") }.map { "\(sites[index].code): \($0)" }
        let taken = report.lines.filter { $0.outcome != .alreadyThere }
        imports.append("import at \(sites[index].code) from \(report.from): " + taken.map { "\($0.site)#\($0.sequence) \($0.outcome.rawValue)" }.joined(separator: ", ")
                       + " released \(report.released)" + report.lines.flatMap(\.notes).map { "\n    \($0)" }.joined())
    }

    /// Every site sends every other everything, until nothing new moves; old mail arrives too.
    mutating func deliverEverything() throws {
        for late in mail { try note(try sites[late.to].database.importBundle(late.data, source: "late bundle"), at: late.to) }
        mail = []
        for _ in 0..<4 {
            var moved = 0
            for from in sites.indices {
                for to in sites.indices where to != from {
                    let report = try sites[to].database.importBundle(
                        try sites[from].database.exportBundle(for: sites[to].code).data, source: "bundle")
                    try note(report, at: to)
                    moved += report.lines.filter { $0.outcome != .alreadyThere }.count + report.released
                }
            }
            if moved == 0 { return }
        }
    }

    // MARK: Operations

    mutating func operate(at index: Int) throws {
        let database = sites[index].database
        let people = try database.participants()
        let events = try database.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM event WHERE status <> 'cancelled'") }
        switch Int.random(in: 0..<104, using: &random) {
        case 0..<22:
            let (latin, cyrillic) = Self.names.randomElement(using: &random)!
            let name = Bool.random(using: &random) ? latin : cyrillic
            _ = try? database.addParticipant(ParticipantDraft(fullName: name, birthYear: Int.random(in: 1970...2000, using: &random), category: .parent))
        case 22..<38:
            guard let person = people.randomElement(using: &random), let event = events.randomElement(using: &random) else { return }
            _ = try? database.enroll(eventID: event, participantIDs: [person.id!])
        case 38..<40:
            // Someone taken off an event's list (refused here once they have marks).
            guard let event = events.randomElement(using: &random) else { return }
            let enrolled = try database.read { db in try Int64.fetchAll(db, sql: "SELECT participantId FROM enrollment WHERE eventId = ?", arguments: [event]) }
            guard let person = enrolled.randomElement(using: &random) else { return }
            _ = try? database.unenroll(eventID: event, participantIDs: [person])
        case 40..<68:
            guard let event = events.randomElement(using: &random) else { return }
            let enrolled = try database.read { db in
                try Row.fetchAll(db, sql: "SELECT p.id, p.uuid FROM enrollment e JOIN participant p ON p.id = e.participantId WHERE e.eventId = ?", arguments: [event])
            }
            let sessions = try database.read { db in
                try Row.fetchAll(db, sql: "SELECT date, startTime, uuid FROM session WHERE eventId = ? ORDER BY date, startTime", arguments: [event])
            }
            guard !enrolled.isEmpty, let session = sessions.randomElement(using: &random) else { return }
            // One person's mark, or the day's register for everyone enrolled (without which hardly anyone
            // completes a course, and no certificate would be issued).
            let marked = Bool.random(using: &random) ? enrolled : [enrolled.randomElement(using: &random)!]
            var statuses: [Int64: AttendanceStatus] = [:]
            for person in marked {
                statuses[person["id"]] = [AttendanceStatus.present, .present, .present, .late, .absent].randomElement(using: &random)!
            }
            let marking = AttendanceMarks(eventID: event, date: session["date"], startTime: try TimeOfDay(parsing: session["startTime"]), marks: statuses)
            if (try? database.markAttendance(marking)) != nil {
                marks += marked.map { ($0["uuid"], session["uuid"]) }
            }
        case 68..<70:
            // A site cancels one of its own events; the others may still be marking it.
            guard let event = sites[index].events.randomElement(using: &random) else { return }
            _ = try? database.cancelEvent(id: event, reason: "The venue is closed")
        case 70..<76:
            guard let person = people.randomElement(using: &random) else { return }
            var changes = ParticipantChanges()
            changes.birthYear = Int.random(in: 1970...2000, using: &random)
            _ = try? database.editParticipant(id: person.id!, changes)
        case 76..<80:
            // A name corrected, as often into the other script as into another spelling.
            guard let person = people.randomElement(using: &random) else { return }
            let (latin, cyrillic) = Self.names.randomElement(using: &random)!
            var changes = ParticipantChanges()
            changes.fullName = Bool.random(using: &random) ? latin : cyrillic
            _ = try? database.editParticipant(id: person.id!, changes)
        case 80..<86:
            guard people.count >= 2 else { return }
            let pair = people.shuffled(using: &random).prefix(2).map { $0.id! }
            _ = try? database.mergeParticipants(keep: pair[0], other: pair[1])
        case 86..<94:
            // A site issues for its own events, once its trainer has filled in the registers: everyone enrolled
            // and not yet marked at a session is marked present there (without it hardly anyone completes).
            guard let event = sites[index].events.randomElement(using: &random) else { return }
            let unmarked = try database.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT s.date, s.startTime, s.uuid AS session, p.id, p.uuid AS person FROM session s JOIN enrollment e ON e.eventId = s.eventId
                      JOIN participant p ON p.id = e.participantId
                    WHERE s.eventId = ? AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.sessionId = s.id AND a.enrollmentId = e.id)
                    ORDER BY s.date, s.startTime, p.id
                    """, arguments: [event])
            }
            // One register a session, in the order of the sessions (the query gives each session's rows together).
            var registers: [[Row]] = []
            for row in unmarked {
                if registers.last?.first?["session"] == row["session"] as String { registers[registers.count - 1].append(row) } else { registers.append([row]) }
            }
            for register in registers {
                let marking = AttendanceMarks(eventID: event, date: register[0]["date"], startTime: try TimeOfDay(parsing: register[0]["startTime"]),
                                              marks: Dictionary(uniqueKeysWithValues: register.map { ($0["id"] as Int64, AttendanceStatus.present) }))
                if (try? database.markAttendance(marking)) != nil {
                    marks += register.map { ($0["person"], $0["session"]) }
                }
            }
            var request = CertificateRequest(eventID: event, issueDate: DayDate(year: 2019, month: 6, day: 1))
            request.allowOtherScript = true
            guard let plan = try? database.planCertificates(request, templateLanguages: { _ in DocumentLanguage.allCases }),
                  !plan.items.isEmpty else { return }
            // No PDF is made; the digest stands for one (the schema wants a SHA-256 in hexadecimal).
            _ = try? database.issueCertificates(plan, keys: .existingOnly, digest: { _ in String(repeating: "c", count: 64) },
                                                produce: { chunk in chunk.map { _ in nil } })
        case 94..<97:
            guard let certificate = try database.certificates(status: .valid).randomElement(using: &random) else { return }
            _ = try? database.revokeCertificate(serial: certificate.serial, reason: "Issued in error")
        case 97..<98:
            // A certificate issued again (a name corrected since), at whichever site holds it.
            guard let certificate = try database.certificates(status: .valid).randomElement(using: &random) else { return }
            _ = try? database.reissueCertificate(serial: certificate.serial, keys: .existingOnly,
                                                 digest: { _ in String(repeating: "d", count: 64) }, produce: { _ in nil })
        case 100..<104:
            // An event's schedule changed by a coordinator at any site, while trainers elsewhere may be marking it:
            // a session moved (its marks move with it), a session added or deleted (a trainer elsewhere may be marking
            // it), the event's dates changed, or the whole event moved.
            guard let event = events.randomElement(using: &random) else { return }
            let (start, end, sessions) = try database.read { db in
                let dates = try Row.fetchOne(db, sql: "SELECT startDate, endDate FROM event WHERE id = ?", arguments: [event])!
                return (dates["startDate"] as DayDate, dates["endDate"] as DayDate,
                        try Row.fetchAll(db, sql: "SELECT date, startTime, uuid FROM session WHERE eventId = ? ORDER BY date, startTime", arguments: [event]))
            }
            let days = (0...(end.dayNumber - start.dayNumber)).map { start.adding(days: $0) }
            let time = CourseFixtures.time(["09:00-12:00", "13:00-16:00", "16:30-18:00"].randomElement(using: &random)!)
            switch Int.random(in: 0..<5, using: &random) {
            case 0:
                guard let session = sessions.randomElement(using: &random) else { return }
                _ = try? database.moveSession(eventID: event, on: session["date"], at: try TimeOfDay(parsing: session["startTime"]),
                                              to: days.randomElement(using: &random)!, time: time, force: true, allowConflict: true)
            case 1:
                _ = try? database.addSession(eventID: event, on: days.randomElement(using: &random)!, time: time, allowConflict: true)
            case 2:
                guard let session = sessions.randomElement(using: &random) else { return }
                let (date, start): (DayDate, TimeOfDay) = (session["date"], try TimeOfDay(parsing: session["startTime"]))
                // Refused here once it has marks; then, with ``forcesDeletions``, half the time deleted all the same
                // (`--force`), the marks this site holds with it. They are no longer among the marks that must survive;
                // a mark made elsewhere without seeing the deletion keeps the session, and the sites must still agree.
                if (try? database.deleteSession(eventID: event, on: date, at: start)) == nil, forcesDeletions, forcing.next() % 2 == 0,
                   (try? database.deleteSession(eventID: event, on: date, at: start, force: true)) != nil {
                    marks.removeAll { $0.session == session["uuid"] as String }
                }
            case 3:
                // Refused here when a session would fall outside; another site's sessions may, once they meet.
                _ = try? database.setEventDates(id: event, start: start.adding(days: Int.random(in: -1...1, using: &random)),
                                                end: end.adding(days: Int.random(in: -1...2, using: &random)))
            default:
                _ = try? database.rescheduleEvent(id: event, startingOn: start.adding(days: [-7, 7, 14].randomElement(using: &random)!),
                                                  force: true, allowConflict: true)
            }
        default:
            // An event edited by a coordinator at any site, its own or another's: the venue, or the trainers.
            guard let event = events.randomElement(using: &random) else { return }
            let changes = Bool.random(using: &random)
                ? EventChanges(venue: ["Mahalla markazi", "Maktab 12", "Hokimiyat zali"].randomElement(using: &random)!)
                : EventChanges(trainers: Array(["Dilnoza Yusupova", "Aziz Karimov", "Gulnora Rashidova"].shuffled(using: &random).prefix(Int.random(in: 1...2, using: &random))))
            _ = try? database.editEvent(id: event, changes, allowConflict: true)
        }
    }

    // MARK: Checking

    func check() throws {
        // Nothing in these sites' work is refused by a database (no closed period, no second valid certificate):
        // a row not applied is a fault, even when the sites happen to agree without it.
        if let refused = refusals.first(where: { $0.contains("was not applied") }) { throw Failure(description: refused) }
        let heldBack = try sites.map { site in
            try site.database.read { db in try String.fetchAll(db, sql: "SELECT row || ' waits for ' || missing FROM heldChange") }
        }
        // Rows still held back say why a table differs more often than the difference does.
        let held = zip(Self.codes, heldBack).filter { !$1.isEmpty }
            .map { "\($0) still holds back \($1.count) row(s) after full delivery:\n  " + $1.joined(separator: "\n  ") }
        let tables = try sites.map { try Self.contents(of: $0) }
        for table in TravellingTables.names {
            let first = tables[0][table] ?? [:]
            for (index, other) in tables.enumerated().dropFirst() where other[table] ?? [:] != first {
                let theirs = other[table] ?? [:]
                let differing = Set(first.keys).symmetricDifference(theirs.keys).sorted().prefix(3)
                    + first.keys.filter { theirs[$0] != nil && theirs[$0] != first[$0] }.sorted().prefix(3)
                let detail = differing.map { "\($0): \(first[$0] ?? "absent") | \(theirs[$0] ?? "absent")" }.joined(separator: "\n  ")
                throw Failure(description: "\(table) differs between \(Self.codes[0]) and \(Self.codes[index]):\n  \(detail)"
                              + (refusals.isEmpty ? "" : "\nNot applied:\n  " + refusals.suffix(5).joined(separator: "\n  "))
                              + held.map { "\n" + $0 }.joined())
            }
        }
        if let first = held.first { throw Failure(description: first) }
        // Every mark made somewhere is there, on the one record left of the person's merges: people merged into
        // one another, each way or through a third, are one person, and exactly one record of them remains.
        let database = sites[0].database
        let merges = try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT json_extract(r.value, '$.values.mergedParticipantUuid') AS merged, json_extract(r.value, '$.values.keptParticipantUuid') AS kept, hlc
                FROM change, json_each(changeRows(change.rows)) r
                WHERE json_extract(r.value, '$.table') = 'participantMerge' AND json_extract(r.value, '$.kind') = 'insert'
                """).map { MergeGroup.Merge(merged: $0["merged"], kept: $0["kept"], hlc: $0["hlc"]) }
        }
        let present = Set(try database.read { db in try String.fetchAll(db, sql: "SELECT uuid FROM participant") })
        var recordsOfGroup: [String: [String]] = [:]
        for group in MergeGroup.groups(of: merges) {
            let records = group.members.intersection(present).sorted()
            guard records.count <= 1 else { throw Failure(description: "people merged into one another are still \(records.count) records: \(records)") }
            guard records == [group.record] else {
                throw Failure(description: "people merged into one another are kept as \(records), not as \(group.record), which their latest merge kept")
            }
            for member in group.members { recordsOfGroup[member] = records }
        }
        func person(_ uuid: String) -> String { recordsOfGroup[uuid]?.first ?? uuid }
        for mark in marks {
            let found = try database.read { db -> Bool in
                try Bool.fetchOne(db, sql: """
                    SELECT EXISTS (SELECT 1 FROM attendance a JOIN session s ON s.id = a.sessionId
                      JOIN enrollment e ON e.id = a.enrollmentId JOIN participant p ON p.id = e.participantId
                      WHERE s.uuid = ? AND p.uuid = ?)
                    """, arguments: [mark.session, person(mark.person)]) ?? false
            }
            guard found else { throw Failure(description: "a mark at session \(mark.session) for \(mark.person) was lost") }
        }
        // Serials are unique, and every certificate verifies with the programme's keys alone.
        let keys = try desk.publicKeysFile().trustedKeys()
        let verifier = CertificateVerifier(publicKeys: keys, today: TokenDate(year: 2030, month: 1, day: 1)!)
        let certificates = try database.certificates()
        guard Set(certificates.map(\.serial)).count == certificates.count else { throw Failure(description: "two certificates share a serial") }
        for certificate in certificates {
            guard let token = certificate.token else { throw Failure(description: "\(certificate.serial) has no token") }
            let verdict = try verifier.verify(token: token)
            guard verdict.status == .valid else {
                throw Failure(description: "\(certificate.serial) does not verify with the programme key alone: \(verdict.reasons)")
            }
        }
    }

    /// Every travelling row by uuid, as the change log writes it, the origin site spelt out.
    static func contents(of site: Site) throws -> [String: [String: String]] {
        try site.database.read { db in
            var tables: [String: [String: String]] = [:]
            for table in TravellingTables.names {
                let capture = try ChangeCapture.reading(db, table: table)
                let rows = try Row.fetchAll(db, sql: """
                    SELECT uuid, coalesce(originSite, ?) AS origin, \(capture.valuesExpression(row: "r")) AS vals
                    FROM \(table.quotedDatabaseIdentifier) AS r
                    """, arguments: [site.code])
                var byUuid: [String: String] = [:]
                for row in rows {
                    let values = try JSONSerialization.jsonObject(with: Data((row["vals"] as String).utf8)) as? [String: Any] ?? [:]
                    var normal = values.filter { !Self.unstable(table: table, column: $0.key) }.map { "\($0.key)=\($0.value)" }.sorted()
                    normal.append("origin=\(row["origin"] as String)")
                    byUuid[row["uuid"]] = normal.joined(separator: ";")
                }
                tables[table] = byUuid
            }
            return tables
        }
    }

    /// Columns whose travelling value is not the row's own: the origin site (NULL at its own site), and a merge's
    /// two people, kept as local numbers without a foreign key, which SQLite may give to a later person once the
    /// merged one is deleted (the merge's entry in the change log keeps their uuids).
    static func unstable(table: String, column: String) -> Bool {
        column == "originSite" || (table == "participantMerge" && ["keptParticipantUuid", "mergedParticipantUuid"].contains(column))
    }

    // MARK: The template

    nonisolated(unsafe) private static var template: DatabaseQueue?
    private static let lock = NSLock()

    /// A freshly migrated database, copied from one made once.
    static func copyOfTemplate() throws -> DatabaseQueue {
        lock.lock()
        defer { lock.unlock() }
        if template == nil {
            // Migrated only: each site loads the courses itself, so that no two logs share an entry.
            let queue = try DatabaseQueue()
            _ = try AppDatabase(queue)
            template = queue
        }
        let copy = try DatabaseQueue()
        try template!.backup(to: copy)
        return copy
    }
}

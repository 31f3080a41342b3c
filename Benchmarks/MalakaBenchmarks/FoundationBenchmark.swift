import Foundation
import GRDB
import TrainingCore

/// The foundation: participants inserted in one transaction against a raw-SQL baseline, a million attendance
/// marks, and the attendance view of an event of 200 people, in the core library and through the binary.
enum FoundationBenchmark {
    static let peoplePerEvent = 100
    static let sessionsPerEvent = 10

    /// Runs it on a new database in `directory`, at a `divisor`th of the full size. `binary` is the release
    /// `malaka`, when it has been built.
    static func run(directory: URL, divisor: Int, binary: URL?) throws {
        let participantCount = 100_000 / divisor
        let eventCount = 1_000 / divisor
        let path = directory.appendingPathComponent("bench.sqlite").path
        let database = try AppDatabase.open(at: path, creating: true)
        let coursesURL = URL(fileURLWithPath: "courses")
        try database.syncCourses(CourseCatalogue.load(directory: coursesURL))

        // 1. 100,000 participants through the core library, in one transaction.
        let drafts = Self.drafts(count: participantCount)
        var participants: [Participant] = []
        let insertTime = try seconds { participants = try database.addParticipants(drafts) }

        // Baseline: the same rows into the same table of a fresh Malaka database through
        // one cached raw INSERT, without records, checks or name folding.
        let baselinePath = directory.appendingPathComponent("baseline.sqlite").path
        _ = try AppDatabase.open(at: baselinePath, creating: true)
        let baseline = try DatabasePool(path: baselinePath)
        let baselineTime = try seconds {
            try baseline.write { db in
                let statement = try db.makeStatement(sql: """
                    INSERT INTO participant (fullName, sex, birthYear, category, phone, regionCode, searchKey, createdAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, '2019-01-01 00:00:00')
                    """)
                for draft in drafts {
                    try statement.execute(arguments: [draft.fullName, draft.sex?.rawValue, draft.birthYear, draft.category.rawValue,
                                                      draft.phone, draft.region, draft.fullName])
                }
            }
        }
        print(String(format: "participants: %d inserted in %.2f s (target < 2 s); raw-SQL baseline %.2f s, ratio %.1fx",
                     participantCount, insertTime, baselineTime, insertTime / baselineTime))

        // 2. 1,000,000 attendance marks: 1,000 events of 100 people over 10 sessions.
        let (scheduleTime, marksTime) = try recordMarks(database, participants: participants, eventCount: eventCount)
        let marks = eventCount * peoplePerEvent * sessionsPerEvent
        print(String(format: "attendance: %d events scheduled in %.2f s; %d enrollments and %d marks recorded in %.2f s (%.1f µs a mark)",
                     eventCount, scheduleTime, eventCount * peoplePerEvent, marks, marksTime, marksTime / Double(marks) * 1e6))

        // 3. The attendance view of an event of 200 people over 10 sessions.
        let time = try TimeRange(parsing: "09:00-12:00")
        let bigEvent = try database.createEvent(EventPlan(
            courseCode: "CR-MONITORING", region: "UZ-XO",
            sessions: EventPlan.consecutiveSessions(from: DayDate(year: 2024, month: 3, day: 4)!, days: 10, time: time)))
        let attendees = participants.suffix(200).map { $0.id! }
        try database.enroll(eventID: bigEvent.id, participantIDs: attendees)
        try database.markAttendance(bigEvent.sessions.enumerated().map { column, session in
            AttendanceMarks(eventID: bigEvent.id, date: session.date, everyoneElse: .present,
                            marks: Dictionary(uniqueKeysWithValues: attendees.enumerated().map { row, id in
                                (id, statuses[(row * 7 + column) % statuses.count])
                            }))
        })
        var viewTimes: [Double] = []
        for _ in 0..<21 {
            viewTimes.append(try seconds { _ = try database.attendanceSheet(eventID: bigEvent.id) })
        }
        viewTimes.sort()
        print("attendance show (core): 200 people × 10 sessions in \(milliseconds(viewTimes[10])) median, \(milliseconds(viewTimes.last!)) worst of 21 (target < 50 ms)")

        // The same view end to end through the release binary, a process per call.
        if let binary {
            let processTimes = try processSeconds(binary, ["attendance", "show", String(bigEvent.id), "--db", path], runs: 11)
            print("attendance show (malaka process): \(milliseconds(processTimes[5])) median of 11, process start included")
        } else {
            print("attendance show (malaka process): skipped, build the malaka product in release too")
        }
    }

    static let regions = ["UZ-XO", "UZ-SA", "UZ-TO", "UZ-TK", "KG-C", "KG-O", "KG-J"]
    static let statuses: [AttendanceStatus] = [.present, .present, .present, .late, .absent, .excused]

    /// `count` people with names in both scripts, sexes, birth years, categories, phones and regions.
    static func drafts(count: Int) -> [ParticipantDraft] {
        let givenNames = ["Gulnora", "Gʻulomjon", "Шоҳида", "Айгүл", "Наталья", "Oʻgʻiloy", "Bakyt", "Malika", "Dilshod", "Нурлан"]
        let surnames = ["Karimova", "Oʻrinboyev", "Ҳамроева", "Өмүрбекова", "Петренко", "Qurbonova", "uulu Bakyt", "Toʻxtayeva", "Ergashev", "Сыдыкова"]
        return (0..<count).map { index in
            ParticipantDraft(
                fullName: "\(givenNames[index % 10]) \(surnames[(index / 10) % 10]) \(index)",
                sex: index % 3 == 0 ? .male : .female, birthYear: 1960 + index % 45,
                category: ParticipantCategory.allCases[index % ParticipantCategory.allCases.count],
                phone: "+998 90 \(1_000_000 + index)", region: regions[index % regions.count])
        }
    }

    /// Schedules `eventCount` events and, for each, enrolls 100 of `participants` and marks their 10 sessions,
    /// a write per event; returns the seconds spent scheduling and the seconds spent enrolling and marking.
    static func recordMarks(_ database: AppDatabase, participants: [Participant], eventCount: Int) throws -> (schedule: Double, marks: Double) {
        let time = try TimeRange(parsing: "09:00-12:00")
        var eventIDs: [Int64] = []
        let scheduleTime = try seconds {
            for index in 0..<eventCount {
                let start = DayDate(year: 2019 + index % 5, month: 1 + index % 12, day: 1)!
                let event = try database.createEvent(EventPlan(
                    courseCode: "CR-MONITORING", region: regions[index % regions.count], trainers: ["Trainer \(index % 200)"],
                    sessions: EventPlan.consecutiveSessions(from: start, days: sessionsPerEvent, time: time)),
                    // Events 600 apart share a trainer and dates; this measures attendance, not conflicts.
                    allowConflict: true)
                eventIDs.append(event.id)
            }
        }
        let marksTime = try seconds {
            for (index, eventID) in eventIDs.enumerated() {
                let people = (0..<peoplePerEvent).map { participants[(index * peoplePerEvent + $0) % participants.count].id! }
                try database.enroll(eventID: eventID, participantIDs: people)
                let detail = try database.eventDetail(id: eventID)
                try database.markAttendance(detail.sessions.enumerated().map { column, session in
                    AttendanceMarks(eventID: eventID, date: session.date, everyoneElse: .present,
                                    marks: Dictionary(uniqueKeysWithValues: people.enumerated().map { row, id in
                                        (id, statuses[(row + column) % statuses.count])
                                    }))
                })
            }
        }
        return (scheduleTime, marksTime)
    }
}

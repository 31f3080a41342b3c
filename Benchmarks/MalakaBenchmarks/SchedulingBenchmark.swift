import BenchmarkSupport
import Foundation
import GRDB
import TrainingCore

/// Wall-clock and CPU seconds of some work; the machines are shared, and CPU time
/// (of the whole process) is what the work itself costs when another build takes the cores.
func timed(_ work: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
    func cpuNow() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
    let cpuStart = cpuNow()
    let wall = try seconds(work)
    return (wall, cpuNow() - cpuStart)
}

/// `2.6 ms median, 11.7 ms worst of 21 (CPU 1.9 ms median)`.
func summary(_ times: [(wall: Double, cpu: Double)]) -> String {
    let wall = times.map(\.wall).sorted()
    let cpu = times.map(\.cpu).sorted()
    return "\(milliseconds(wall[wall.count / 2])) median, \(milliseconds(wall.last!)) worst of \(wall.count) (CPU \(milliseconds(cpu[cpu.count / 2])) median)"
}

/// Conflict checking on a year-planner-sized database: 10,000 events with 60,000 sessions,
/// 200 trainers and 20,000 participants in 60,000 enrollments, written with raw SQL
/// in one transaction, then scheduling through the core library and the release binary.
func runSchedulingBenchmark(directory: URL, divisor: Int) throws {
    let eventCount = 10_000 / divisor
    let sessionsPerEvent = 6
    let trainerCount = 200
    let participantCount = 20_000 / divisor
    let regions = ["UZ-XO", "UZ-SA", "UZ-TO", "UZ-TK", "KG-C", "KG-O", "KG-J"]
    let path = directory.appendingPathComponent("scheduling.sqlite").path
    let coursesURL = URL(fileURLWithPath: "courses")
    try AppDatabase.open(at: path, creating: true).syncCourses(CourseCatalogue.load(directory: coursesURL))

    let buildTime = try seconds {
        let pool = try DatabasePool(path: path)
        try pool.write { db in
            let courseID = try Int64.fetchOne(db, sql: "SELECT id FROM course WHERE code = 'CR-MONITORING'")!
            let trainer = try db.makeStatement(sql: "INSERT INTO trainer (id, name, nameKey) VALUES (?, ?, ?)")
            for index in 1...trainerCount {
                try trainer.execute(arguments: [index, "Trainer \(index)", "trainer \(index)"])
            }
            let event = try db.makeStatement(sql: """
                INSERT INTO event (id, courseId, regionCode, venue, status, startDate, endDate, createdAt)
                VALUES (?, ?, ?, ?, 'planned', ?, ?, '2019-01-01 00:00:00')
                """)
            let session = try db.makeStatement(sql: """
                INSERT INTO session (eventId, date, startTime, endTime, hours, timeZone) VALUES (?, ?, ?, ?, 3, ?)
                """)
            let eventTrainer = try db.makeStatement(sql: "INSERT INTO eventTrainer (eventId, trainerId) VALUES (?, ?)")
            let base = DayDate(year: 2015, month: 1, day: 5)!
            for index in 0..<eventCount {
                // Each trainer runs an event every 73 days, so trainers are busy but rarely double-booked.
                let trainerIndex = index % trainerCount
                let start = base.adding(days: (index / trainerCount) * 73 + (trainerIndex % 10) * 7)
                let region = regions[index % regions.count]
                let morning = index % 2 == 0
                try event.execute(arguments: [index + 1, courseID, region, "Markaz \(index % 500)", start.iso,
                                              start.adding(days: sessionsPerEvent - 1).iso])
                for day in 0..<sessionsPerEvent {
                    try session.execute(arguments: [index + 1, start.adding(days: day).iso, morning ? "09:00" : "14:00",
                                                    morning ? "12:00" : "17:00", PlaceTimeZone(regionCode: region).identifier])
                }
                try eventTrainer.execute(arguments: [index + 1, trainerIndex + 1])
                // A quarter of the events have a second trainer, free at the time; one in 500 double-books one.
                if index % 4 == 0 { try eventTrainer.execute(arguments: [index + 1, (trainerIndex + 105) % trainerCount + 1]) }
                if index % 500 == 0 { try eventTrainer.execute(arguments: [index + 1, (trainerIndex + 100) % trainerCount + 1]) }
            }
            let participant = try db.makeStatement(sql: """
                INSERT INTO participant (id, fullName, category, searchKey, createdAt) VALUES (?, ?, 'parent', ?, '2019-01-01 00:00:00')
                """)
            let enrollment = try db.makeStatement(sql: "INSERT INTO enrollment (eventId, participantId, enrolledAt) VALUES (?, ?, '2019-01-01 00:00:00')")
            for index in 1...participantCount {
                try participant.execute(arguments: [index, "Participant \(index)", "participant \(index)"])
                for event in 0..<3 {
                    try enrollment.execute(arguments: [((index - 1) * 3 + event) % eventCount + 1, index])
                }
            }
        }
        try pool.close()
    }
    let database = try AppDatabase.open(at: path)
    let sessionTotal = eventCount * sessionsPerEvent
    print(String(format: "scheduling: %d events, %d sessions, %d trainers, %d enrollments built with raw SQL in %.2f s",
                 eventCount, sessionTotal, trainerCount, participantCount * 3, buildTime))

    // 1. Adding an event: two busy trainers, a venue in a busy region, six sessions; checked and accepted.
    var createTimes: [(wall: Double, cpu: Double)] = []
    for run in 0..<21 {
        let start = DayDate(year: 2019, month: 3, day: 4)!.adding(days: run * 7)
        createTimes.append(try timed {
            _ = try database.createEvent(EventPlan(
                courseCode: "CR-MONITORING", region: "UZ-XO", venue: "Markaz 7", trainers: ["Trainer 7", "Trainer 108"],
                sessions: EventPlan.consecutiveSessions(from: start, days: 6, time: try TimeRange(parsing: "18:00-20:00"))))
        })
    }
    // The check alone, on the last event added: what every create, move and enrollment runs.
    guard let lastAdded = try database.events(matching: EventFilter(from: DayDate(year: 2019, month: 7, day: 22)!, to: DayDate(year: 2019, month: 7, day: 27)!))
        .first(where: { $0.trainers == ["Trainer 108", "Trainer 7"] }) else {
        throw BenchmarkFailure("the last event added (22.07.2019, Trainer 7 and Trainer 108) is not listed.")
    }
    var checkOnlyTimes: [(wall: Double, cpu: Double)] = []
    for _ in 0..<21 {
        checkOnlyTimes.append(try timed { _ = try database.conflicts(ofEvent: lastAdded.id) })
    }
    // 2. The same, refused: it double-books a trainer; the check finds it and rolls back.
    var refusedTimes: [(wall: Double, cpu: Double)] = []
    let busy = try database.eventDetail(id: 1)
    for _ in 0..<21 {
        refusedTimes.append(try timed {
            do {
                _ = try database.createEvent(EventPlan(
                    courseCode: "CR-MONITORING", region: "UZ-SA", trainers: busy.trainers,
                    sessions: [.init(date: busy.sessions[0].date, time: try TimeRange(parsing: "10:00-11:00"))]))
                throw BenchmarkFailure("creating an event that double-books \(busy.trainers.joined(separator: " and ")) was not refused.")
            } catch is MalakaError {}
        })
    }
    print("scheduling: create an event with its conflict check in \(summary(createTimes)) (target < 20 ms)")
    print("scheduling: a double booking refused in \(summary(refusedTimes)); the check alone in \(summary(checkOnlyTimes))")

    // 3. Every conflict in the database, through the core library.
    var checkTimes: [(wall: Double, cpu: Double)] = []
    var found = 0
    for _ in 0..<5 {
        checkTimes.append(try timed { found = try database.scheduleConflicts().count })
    }
    print("scheduling: schedule check (core) over \(sessionTotal) sessions in \(summary(checkTimes)), \(found) conflicts (target < 1 s)")

    // 3b. Every event with its details, as `event list` reads them: a fixed number of queries, not a few per event.
    var listTimes: [(wall: Double, cpu: Double)] = []
    var listed = 0
    for _ in 0..<5 {
        listTimes.append(try timed { listed = try database.events().count })
    }
    print("scheduling: event list (core) of \(listed) events with their sessions and trainers in \(summary(listTimes))")

    // 4. The same through the release binary, a process per call.
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("malaka")
    guard FileManager.default.isExecutableFile(atPath: binary.path) else {
        return print("scheduling: schedule check (malaka process): skipped, build the malaka product in release too")
    }
    let processTimes = try processSeconds(binary, ["schedule", "check", "--db", path], runs: 5)
    print("scheduling: malaka schedule check (process) in \(milliseconds(processTimes[2])) median of 5, process start included (target < 1 s)")

    let listProcessTimes = try processSeconds(binary, ["event", "list", "--db", path], runs: 5)
    print("scheduling: malaka event list (process) of \(listed) events in \(milliseconds(listProcessTimes[2])) median of 5, process start included")
}

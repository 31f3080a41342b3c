import GRDB
import Testing
@testable import TrainingCore

@Suite struct AppDatabaseEventTests {
    @Test func createsAnEventWithSessionsAndTrainers() throws {
        // Given a database with the catalogue
        let database = try Fixtures.database()
        // When a four-day training is scheduled
        let event = try Fixtures.khorezmTraining(in: database, capacity: 25)
        // Then it has its sessions, dates, place and trainers
        #expect(event.sessions.map(\.date.iso) == ["2019-03-25", "2019-03-26", "2019-03-27", "2019-03-28"])
        #expect(event.totalHours == 12)
        #expect(event.event.regionCode == "UZ-XO")
        #expect(event.event.districtCode == "UZ-XO-URG")
        #expect(event.trainers == ["Dilnoza Yusupova"])
        #expect(event.title() == "Positive parenting skills")
        #expect(event.title(in: .uzbekLatin) == "Ijobiy ota-onalik koʻnikmalari")
        #expect(event.event.status == .planned)
    }

    @Test func aSessionOutsideTheEventsDatesIsRefused() throws {
        let database = try Fixtures.database()
        let plan = EventPlan(courseCode: "PS-PARENTING", region: "UZ-XO",
                             sessions: [.init(date: Fixtures.day("2019-04-02"), time: Fixtures.morning())],
                             startDate: Fixtures.day("2019-03-25"), endDate: Fixtures.day("2019-03-29"))
        #expect(throws: MalakaError.self) { try database.createEvent(plan) }
        #expect(try database.events().isEmpty)
    }

    @Test func theDatabaseItselfRefusesASessionOutsideItsEvent() throws {
        let database = try Fixtures.database()
        let event = try Fixtures.khorezmTraining(in: database)
        #expect(throws: DatabaseError.self) {
            try database.dbWriter.write { db in
                try db.execute(sql: "INSERT INTO session (eventId, date, startTime, endTime, hours) VALUES (?, '2019-05-01', '09:00', '10:00', 1)",
                               arguments: [event.id])
            }
        }
    }

    @Test func overlappingSessionsOfOneEventAreRefused() throws {
        let database = try Fixtures.database()
        let day = Fixtures.day("2019-03-25")
        let plan = EventPlan(courseCode: "PS-PARENTING", region: "UZ-XO", sessions: [
            .init(date: day, time: try TimeRange(parsing: "09:00-12:00")),
            .init(date: day, time: try TimeRange(parsing: "11:00-13:00")),
        ])
        #expect(throws: MalakaError.self) { try database.createEvent(plan) }
    }

    @Test func unknownCourseRegionAndDistrictAreRefusedBeforeWriting() throws {
        let database = try Fixtures.database()
        let sessions = [EventPlan.PlannedSession(date: Fixtures.day("2019-03-25"), time: Fixtures.morning())]
        #expect(throws: MalakaError.self) {
            try database.createEvent(EventPlan(courseCode: "NOPE", region: "UZ-XO", sessions: sessions))
        }
        #expect(throws: MalakaError.self) {
            try database.createEvent(EventPlan(courseCode: "PS-PARENTING", region: "Narnia", sessions: sessions))
        }
        #expect(throws: MalakaError.self) {
            try database.createEvent(EventPlan(courseCode: "PS-PARENTING", region: "UZ-SA", district: "Urganch", sessions: sessions))
        }
        #expect(try database.events().isEmpty)
    }

    @Test func listsEventsByRegionPeriodCourseAndKind() throws {
        let database = try Fixtures.database()
        _ = try Fixtures.khorezmTraining(in: database)
        _ = try database.createEvent(EventPlan(
            courseCode: "COORD-MEETING", region: "Chuy",
            sessions: [.init(date: Fixtures.day("2019-12-05"), time: Fixtures.morning())]))
        #expect(try database.events(matching: EventFilter(region: "Xorazm")).count == 1)
        #expect(try database.events(matching: EventFilter(kind: .meeting)).map(\.event.regionCode) == ["KG-C"])
        #expect(try database.events(matching: EventFilter(courseCode: "PS-PARENTING")).count == 1)
        // A period catches an event that overlaps it, even by one day.
        #expect(try database.events(matching: EventFilter(from: Fixtures.day("2019-03-28"), to: Fixtures.day("2019-03-28"))).count == 1)
        #expect(try database.events(matching: EventFilter(from: Fixtures.day("2019-03-29"), to: Fixtures.day("2019-12-04"))).isEmpty)
    }

    @Test func cancellingKeepsTheEventWithItsReason() throws {
        let database = try Fixtures.database()
        let event = try Fixtures.khorezmTraining(in: database)
        let cancelled = try database.cancelEvent(id: event.id, reason: "Venue flooded")
        #expect(cancelled.event.status == .cancelled)
        #expect(cancelled.event.cancelReason == "Venue flooded")
        #expect(throws: MalakaError.self) { try database.cancelEvent(id: event.id, reason: "again") }
        #expect(throws: MalakaError.self) { try database.cancelEvent(id: 99, reason: "no such event") }
    }

    @Test func oneTrainerNameIsOneTrainerWhateverTheSpacing() throws {
        let database = try Fixtures.database()
        let sessions = [EventPlan.PlannedSession(date: Fixtures.day("2019-03-25"), time: Fixtures.morning())]
        _ = try database.createEvent(EventPlan(courseCode: "PS-PARENTING", region: "UZ-XO",
                                               trainers: ["Dilnoza Yusupova", "dilnoza  yusupova"], sessions: sessions))
        let count = try database.dbWriter.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM trainer") }
        #expect(count == 1)
    }

    @Test func changingTheTrainersKeepsTheRowOfATrainerWhoStays() throws {
        let database = try Fixtures.database()
        let event = try Fixtures.khorezmTraining(in: database)
        func rows() throws -> [String: String] {
            try database.dbWriter.read { db in
                Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
                    SELECT t.name, et.uuid FROM eventTrainer et JOIN trainer t ON t.id = et.trainerId WHERE et.eventId = ?
                    """, arguments: [event.id]).map { ($0["name"] as String, $0["uuid"] as String) })
            }
        }
        let before = try rows()
        let edited = try database.editEvent(id: event.id, EventChanges(trainers: ["Aziz Karimov", "Dilnoza Yusupova"]))
        #expect(Set(edited.trainers) == ["Aziz Karimov", "Dilnoza Yusupova"])
        #expect(try rows()["Dilnoza Yusupova"] == before["Dilnoza Yusupova"])
        // The change log names only the trainer who came; the one who stayed was not deleted and made again.
        let written = try database.dbWriter.read { db in
            try String.fetchOne(db, sql: "SELECT rows FROM change WHERE operation = 'editEvent' ORDER BY id DESC LIMIT 1")
        }
        #expect(written?.contains(#""kind":"delete""#) == false)
        _ = try database.editEvent(id: event.id, EventChanges(trainers: ["Aziz Karimov"]))
        #expect(try rows().keys.sorted() == ["Aziz Karimov"])
    }
}

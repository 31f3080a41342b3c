import GRDB
import Testing
@testable import TrainingCore

@Suite struct SchedulingConflictTests {
    @Test func aTrainerInTwoOverlappingSessionsIsRefusedNamingTheOtherEventPlaceAndTime() throws {
        // Given Dilnoza teaching in Urganch 09:00–12:00
        let database = try Fixtures.schedulingDatabase()
        let urganch = try Fixtures.event(database, ["2019-03-25@09:00-12:00"], venue: "Mahalla markazi", trainers: ["Dilnoza Yusupova"])
        // When she is booked in Samarkand 11:00–13:00 the same day
        let error = Fixtures.refusal {
            try Fixtures.event(database, ["2019-03-25@11:00-13:00"], region: "UZ-SA", trainers: ["dilnoza  yusupova"])
        }
        // Then it is refused, naming the other event, its place and the overlap, and nothing is written
        let message = try #require(error).message
        #expect(error?.kind == .data)
        #expect(message.contains("Trainer Dilnoza Yusupova"))
        #expect(message.contains("event \(urganch.id) (Positive parenting skills, Mahalla markazi"))
        #expect(message.contains("Khorezm"))
        #expect(message.contains("11:00–12:00"))
        #expect(message.contains("Nothing was changed"))
        #expect(try database.events().count == 1)
    }

    @Test func sessionsTouchingEndToStartDoNotConflict() throws {
        let database = try Fixtures.schedulingDatabase()
        try Fixtures.event(database, ["2019-03-25@09:00-12:00"], venue: "Mahalla markazi", trainers: ["Dilnoza Yusupova"])
        // The same trainer and the same room, from the minute the first ends
        let next = try Fixtures.event(database, ["2019-03-25@12:00-15:00"], venue: "Mahalla markazi", trainers: ["Dilnoza Yusupova"])
        let before = try Fixtures.event(database, ["2019-03-25@07:00-09:00"], venue: "Mahalla markazi", trainers: ["Dilnoza Yusupova"])
        #expect(next.overrides.isEmpty && before.overrides.isEmpty)
        #expect(try database.scheduleConflicts().isEmpty)
    }

    @Test func aVenueIsTheSameRoomWhateverTheCaseSpacingAndApostrophes() throws {
        let database = try Fixtures.schedulingDatabase()
        try Fixtures.event(database, ["2019-03-25@09:00-12:00"], venue: "Bolalar bogʻchasi 12")
        let error = Fixtures.refusal {
            try Fixtures.event(database, ["2019-03-25@10:00-11:00"], venue: "bolalar  bog'chasi 12", course: "COORD-MEETING")
        }
        #expect(error?.message.contains("The venue “Bolalar bogʻchasi 12”") == true)
        // The same venue name in another region is another building
        try Fixtures.event(database, ["2019-03-25@10:00-11:00"], region: "UZ-SA", venue: "Bolalar bogʻchasi 12")
    }

    @Test func overlapsAreMeasuredInAbsoluteTimeAcrossTimeZones() throws {
        // Given a trainer in Tashkent time 10:00–12:00 (05:00–07:00 UTC)
        let database = try Fixtures.schedulingDatabase()
        try Fixtures.event(database, ["2019-03-25@10:00-12:00"], trainers: ["Rustam Aliyev"])
        // Then Bishkek 12:00–13:00 (06:00–07:00 UTC) overlaps, but Bishkek 13:00–14:00 touches only
        #expect(Fixtures.refusal { try Fixtures.event(database, ["2019-03-25@12:00-13:00"], region: "KG-C", trainers: ["Rustam Aliyev"]) } != nil)
        let bishkek = try Fixtures.event(database, ["2019-03-25@13:00-14:00"], region: "KG-C", trainers: ["Rustam Aliyev"])
        #expect(bishkek.sessions[0].timeZone == .bishkek)
    }

    @Test func theWholeDatabaseCheckAgreesAcrossTimeZonesAndLegs() throws {
        // Given a trainer in Tashkent 10:00–12:00, in Bishkek 12:00–13:00 (overlapping) and 13:00–14:00 (touching)
        let database = try Fixtures.schedulingDatabase()
        try Fixtures.event(database, ["2019-03-25@10:00-12:00"], trainers: ["Rustam Aliyev"])
        try Fixtures.event(database, ["2019-03-25@12:00-13:00"], region: "KG-C", trainers: ["Rustam Aliyev"], allowConflict: true)
        try Fixtures.event(database, ["2019-03-25@13:00-14:00"], region: "KG-C", trainers: ["Rustam Aliyev"])
        // And a study tour leg hosted where a meeting is held at the same time
        var tour = EventPlan(courseCode: "ST-PILOT-MAHALLA", region: "KG-GB", sessions: [])
        tour.legs = [.init(hostOrganisation: "City Hall", region: "KG-GB", startDate: Fixtures.day("2019-04-16"),
                           time: Fixtures.time("09:00-16:00"))]
        _ = try database.createEvent(tour)
        try Fixtures.event(database, ["2019-04-16@15:00-17:00"], region: "KG-GB", venue: "city hall", course: "COORD-MEETING",
                           allowConflict: true)
        // Then the sweep finds exactly the two
        let conflicts = try database.scheduleConflicts()
        #expect(conflicts.map(\.kind) == [.trainer, .venue])
        #expect(conflicts[0].overlapDescription == "11:00–12:00" || conflicts[0].overlapDescription == "12:00–13:00")
        #expect(conflicts[1].overlapDescription == "15:00–16:00")
    }

    @Test func aParticipantInTwoOverlappingEventsIsRefusedOnEnroll() throws {
        let database = try Fixtures.schedulingDatabase()
        let first = try Fixtures.event(database, ["2019-03-25@09:00-12:00"])
        let second = try Fixtures.event(database, ["2019-03-25@11:00-13:00"], region: "UZ-SA")
        let touching = try Fixtures.event(database, ["2019-03-25@12:00-13:00"], region: "UZ-TO")
        let ids = try Fixtures.people(["Gulnora Karimova", "Lola Ismoilova"], in: database)
        try database.enroll(eventID: first.id, participantIDs: ids)

        let error = Fixtures.refusal { try database.enroll(eventID: second.id, participantIDs: [ids[1], ids[0]]) }
        #expect(error?.message.contains("Gulnora Karimova (\(ids[0])) takes part in event \(first.id)") == true)
        #expect(try database.eventDetail(id: second.id).enrolledCount == 0)
        // Touching sessions are fine
        try database.enroll(eventID: touching.id, participantIDs: ids)
        // And --allow-conflict enrolls and records the override
        let outcome = try database.enrollOrWaitlist(eventID: second.id, participantIDs: [ids[0]], allowConflict: true)
        #expect(outcome.enrolled.count == 1)
        // (11:00–13:00 overlaps the first event and the one at 12:00, in which she is now enrolled too)
        #expect(outcome.allowedConflicts.count == 2)
        let overrides = try database.eventDetail(id: second.id).overrides
        #expect(overrides.map(\.kind) == [.participant, .participant])
        #expect(Set(overrides.compactMap(\.otherEventId)) == [first.id, touching.id])
    }

    @Test func reschedulingChecksParticipantsToo() throws {
        let database = try Fixtures.schedulingDatabase()
        let first = try Fixtures.event(database, ["2019-03-25@09:00-12:00"])
        let second = try Fixtures.event(database, ["2019-03-26@09:00-12:00"], region: "UZ-SA")
        let ids = try Fixtures.people(["Gulnora Karimova"], in: database)
        try database.enroll(eventID: first.id, participantIDs: ids)
        try database.enroll(eventID: second.id, participantIDs: ids)
        let error = Fixtures.refusal { _ = try database.rescheduleEvent(id: second.id, startingOn: Fixtures.day("2019-03-25")) }
        #expect(error?.message.contains("Gulnora Karimova") == true)
        #expect(try database.eventDetail(id: second.id).event.startDate == Fixtures.day("2019-03-26"))
    }

    @Test func allowConflictSchedulesAndRecordsTheOverrideShownOnBothEvents() throws {
        let database = try Fixtures.schedulingDatabase()
        let first = try Fixtures.event(database, ["2019-03-25@09:00-12:00"], trainers: ["Dilnoza Yusupova"])
        let second = try Fixtures.event(database, ["2019-03-25@10:00-11:00"], region: "UZ-SA", trainers: ["Dilnoza Yusupova"],
                                        allowConflict: true)
        #expect(second.overrides.count == 1)
        #expect(second.overrides[0].kind == .trainer)
        #expect(second.overrides[0].action == "create")
        #expect(second.overrides[0].description.contains("event \(first.id)"))
        #expect(try database.eventDetail(id: first.id).overrides.count == 1)
        let conflicts = try database.scheduleConflicts()
        #expect(conflicts.count == 1)
        #expect(conflicts[0].allowed)
    }

    @Test func cancelledEventsTakeNobodysTime() throws {
        let database = try Fixtures.schedulingDatabase()
        let first = try Fixtures.event(database, ["2019-03-25@09:00-12:00"], trainers: ["Dilnoza Yusupova"])
        _ = try database.cancelEvent(id: first.id, reason: "Flood")
        try Fixtures.event(database, ["2019-03-25@09:00-12:00"], trainers: ["Dilnoza Yusupova"])
    }

    @Test func scheduleCheckListsEveryKindOfConflict() throws {
        // Given conflicts recorded with --allow-conflict of each kind
        let database = try Fixtures.schedulingDatabase()
        let a = try Fixtures.event(database, ["2019-03-25@09:00-12:00", "2019-03-26@09:00-12:00"], venue: "Hall", trainers: ["T1"])
        let b = try Fixtures.event(database, ["2019-03-26@11:00-13:00"], venue: "hall", trainers: ["T1"], allowConflict: true)
        let c = try Fixtures.event(database, ["2019-03-25@10:00-11:00"], region: "KG-C")
        let person = try Fixtures.people(["Aziza"], in: database)
        try database.enroll(eventID: a.id, participantIDs: person)
        _ = try database.enrollOrWaitlist(eventID: c.id, participantIDs: person, allowConflict: true)
        // When the whole database is checked
        let conflicts = try database.scheduleConflicts()
        // Then each is listed once, with the events' numbers
        #expect(Set(conflicts.map(\.kind)) == [.trainer, .venue, .participant])
        #expect(conflicts.count == 3)
        #expect(conflicts.allSatisfy { $0.allowed })
        let trainer = try #require(conflicts.first { $0.kind == .trainer })
        #expect(Set([trainer.session.eventId, trainer.other.eventId]) == [a.id, b.id])
        #expect(trainer.overlapDescription == "11:00–12:00")
    }

    @Test func aSessionOutsideItsEventOrEndingBeforeItStartsIsRefused() throws {
        #expect(throws: MalakaError.self) { try TimeRange(parsing: "12:00-09:00") }
        #expect(throws: MalakaError.self) { try TimeRange(parsing: "12:00-12:00") }
        let database = try Fixtures.schedulingDatabase()
        let event = try Fixtures.event(database, ["2019-03-25@09:00-12:00", "2019-03-27@09:00-12:00"])
        let error = Fixtures.refusal {
            _ = try database.moveSession(eventID: event.id, on: Fixtures.day("2019-03-25"), to: Fixtures.day("2019-03-29"))
        }
        #expect(error?.message.contains("outside event \(event.id)'s dates") == true)
    }
}

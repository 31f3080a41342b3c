import GRDB
import Testing
@testable import TrainingCore

@Suite struct RescheduleTests {
    @Test func movingASessionWithAttendanceIsRefusedUnlessForcedAndThenTheMarksMoveWithIt() throws {
        // Given a four-day training with marks on its first day
        let database = try Fixtures.schedulingDatabase()
        let event = try Fixtures.khorezmTraining(in: database)
        let ids = try Fixtures.people(["Aziza", "Bekzod"], in: database)
        try database.enroll(eventID: event.id, participantIDs: ids)
        try database.markAttendance(AttendanceMarks(eventID: event.id, date: Fixtures.day("2019-03-25"), everyoneElse: .present))
        let afternoon = Fixtures.time("14:00-17:00")

        // When the first session is moved without --force, then it is refused and nothing moves
        let error = Fixtures.refusal {
            _ = try database.moveSession(eventID: event.id, on: Fixtures.day("2019-03-25"), to: Fixtures.day("2019-03-26"), time: afternoon)
        }
        #expect(error?.message.contains("2 attendance mark(s)") == true)
        #expect(try database.eventDetail(id: event.id).sessions[0].date == Fixtures.day("2019-03-25"))

        // When it is forced, then the marks are on the moved session
        let change = try database.moveSession(eventID: event.id, on: Fixtures.day("2019-03-25"), to: Fixtures.day("2019-03-26"),
                                              time: afternoon, force: true)
        #expect(change.marksMoved == 2)
        let sheet = try database.attendanceSheet(eventID: event.id)
        #expect(sheet.sessions.map(\.date.iso) == ["2019-03-26", "2019-03-26", "2019-03-27", "2019-03-28"])
        #expect(sheet.sessions[1].startTime == afternoon.start && sheet.sessions[1].revision == 1)
        #expect(sheet.rows.allSatisfy { $0.marks[1] == .present && $0.marks[0] == nil })
    }

    @Test func deletingASessionWithAttendanceNamesWhatWouldBeLostFirst() throws {
        let database = try Fixtures.schedulingDatabase()
        let event = try Fixtures.khorezmTraining(in: database)
        let ids = try Fixtures.people(["Aziza", "Bekzod"], in: database)
        try database.enroll(eventID: event.id, participantIDs: ids)
        try database.markAttendance(AttendanceMarks(eventID: event.id, date: Fixtures.day("2019-03-26"), marks: [ids[0]: .late]))
        let error = Fixtures.refusal { _ = try database.deleteSession(eventID: event.id, on: Fixtures.day("2019-03-26")) }
        #expect(error?.message.contains("Aziza (\(ids[0]))") == true)
        #expect(try database.eventDetail(id: event.id).sessions.count == 4)
        // A dry run reports and changes nothing
        let preview = try database.deleteSession(eventID: event.id, on: Fixtures.day("2019-03-26"), force: true, dryRun: true)
        #expect(preview.marksLost == 1)
        #expect(try database.eventDetail(id: event.id).sessions.count == 4)
        let change = try database.deleteSession(eventID: event.id, on: Fixtures.day("2019-03-26"), force: true)
        #expect(change.marksLost == 1 && change.detail.sessions.count == 3)
        // A session without marks goes without --force; the last one never does
        _ = try database.deleteSession(eventID: event.id, on: Fixtures.day("2019-03-27"))
    }

    @Test func reschedulingAnEventMovesItsSessionsLegsAndDates() throws {
        let database = try Fixtures.schedulingDatabase()
        let event = try Fixtures.khorezmTraining(in: database)
        let change = try database.rescheduleEvent(id: event.id, startingOn: Fixtures.day("2019-04-29"),
                                                  time: Fixtures.time("14:00-16:00"))
        #expect(change.detail.event.startDate == Fixtures.day("2019-04-29"))
        #expect(change.detail.event.endDate == Fixtures.day("2019-05-02"))
        #expect(change.detail.sessions.map(\.date.iso) == ["2019-04-29", "2019-04-30", "2019-05-01", "2019-05-02"])
        #expect(change.detail.totalHours == 8)
    }

    @Test func reschedulingIntoAConflictIsRefusedAndChangesNothing() throws {
        let database = try Fixtures.schedulingDatabase()
        let busy = try Fixtures.event(database, ["2019-04-01@09:00-12:00"], region: "UZ-SA", trainers: ["Dilnoza Yusupova"])
        let event = try Fixtures.khorezmTraining(in: database)
        let error = Fixtures.refusal { _ = try database.rescheduleEvent(id: event.id, startingOn: Fixtures.day("2019-03-29")) }
        #expect(error?.message.contains("event \(busy.id)") == true)
        #expect(try database.eventDetail(id: event.id).sessions.first?.date == Fixtures.day("2019-03-25"))
    }

    @Test func aStudyTourHasLegsInTheirOwnPlacesAndZones() throws {
        let database = try Fixtures.schedulingDatabase()
        var plan = EventPlan(courseCode: "ST-PILOT-MAHALLA", region: "UZ-XO", trainers: ["Rustam Aliyev"], sessions: [])
        plan.legs = [
            .init(hostOrganisation: "Urganch tuman hokimligi", place: "Urganch", region: "Xorazm",
                  startDate: Fixtures.day("2019-03-25"), endDate: Fixtures.day("2019-03-26"), time: Fixtures.time("10:00-17:00"),
                  visited: "Mahalla social service centre"),
            .init(hostOrganisation: "Bishkek city hall", region: "KG-GB", startDate: Fixtures.day("2019-04-16"),
                  endDate: Fixtures.day("2019-04-17"), time: Fixtures.time("09:00-16:00")),
        ]
        plan.sides = .init(sendingOrganisation: "Zangiota tuman hokimligi", sendingRegion: "Toshkent viloyati")
        let tour = try database.createEvent(plan)
        #expect(tour.legs.map(\.regionCode) == ["UZ-XO", "KG-GB"])
        #expect(tour.sessions.map(\.timeZone) == [.tashkent, .tashkent, .bishkek, .bishkek])
        #expect(tour.event.startDate == Fixtures.day("2019-03-25") && tour.event.endDate == Fixtures.day("2019-04-17"))
        #expect(tour.sides?.sendingRegionCode == "UZ-TO")
        // The host is the venue: another event there at the same time is a venue conflict
        let error = Fixtures.refusal {
            try Fixtures.event(database, ["2019-04-16@10:00-11:00"], region: "KG-GB", venue: "Bishkek City Hall", course: "COORD-MEETING")
        }
        #expect(error?.message.contains("event \(tour.id)") == true)
        // Only study tours have legs
        var training = plan
        training.courseCode = "PS-PARENTING"
        #expect(throws: MalakaError.self) { try database.createEvent(training) }
    }
}

import Testing
@testable import TrainingCore

@Suite struct WaitlistTests {
    @Test func beyondCapacityPeopleWaitInOrderAndArePromotedInOrder() throws {
        // Given an event with two places
        let database = try Fixtures.schedulingDatabase()
        let event = try Fixtures.khorezmTraining(in: database, capacity: 2)
        let ids = try Fixtures.people(["Aziza", "Bekzod", "Charos", "Dilshod", "Elmira"], in: database)
        // When five enroll
        let outcome = try database.enrollOrWaitlist(eventID: event.id, participantIDs: ids)
        // Then two are enrolled and three wait, in the order given
        #expect(outcome.enrolled.map(\.participantId) == Array(ids.prefix(2)))
        #expect(outcome.waitlisted.map(\.participantID) == Array(ids.suffix(3)))
        #expect(outcome.waitlisted.map(\.position) == [1, 2, 3])
        #expect(try database.roster(eventID: event.id).waitlisted.map(\.fullName) == ["Charos", "Dilshod", "Elmira"])
        // When Bekzod withdraws, Charos is promoted; when a waitlisted person withdraws, nobody is
        let first = try database.withdraw(eventID: event.id, participantIDs: [ids[1]])
        #expect(first.promoted.map(\.fullName) == ["Charos"])
        let second = try database.withdraw(eventID: event.id, participantIDs: [ids[3]])
        #expect(second.promoted.isEmpty && second.leftWaitlist == [ids[3]])
        // A newcomer waits behind Elmira
        let late = try Fixtures.people(["Farrux"], in: database)
        #expect(try database.enrollOrWaitlist(eventID: event.id, participantIDs: late).waitlisted.map(\.position) == [2])
        let third = try database.withdraw(eventID: event.id, participantIDs: [ids[0]])
        #expect(third.promoted.map(\.fullName) == ["Elmira"])
        #expect(try database.roster(eventID: event.id).enrolled.map(\.fullName) == ["Charos", "Elmira"])
    }

    @Test func raisingTheCapacityPromotesAndLoweringBelowTheEnrolledIsRefused() throws {
        let database = try Fixtures.schedulingDatabase()
        let event = try Fixtures.khorezmTraining(in: database, capacity: 2)
        let ids = try Fixtures.people(["Aziza", "Bekzod", "Charos", "Dilshod"], in: database)
        _ = try database.enrollOrWaitlist(eventID: event.id, participantIDs: ids)
        let raised = try database.setCapacity(eventID: event.id, capacity: 3)
        #expect(raised.promoted.map(\.fullName) == ["Charos"])
        let error = Fixtures.refusal { _ = try database.setCapacity(eventID: event.id, capacity: 2) }
        #expect(error?.message.contains("would drop 1 of them") == true)
        #expect(try database.eventDetail(id: event.id).event.capacity == 3)
        let unlimited = try database.setCapacity(eventID: event.id, capacity: nil)
        #expect(unlimited.promoted.map(\.fullName) == ["Dilshod"])
        #expect(unlimited.detail.waitlistedCount == 0)
    }

    @Test func waitlistedPeopleAreNotOnTheSheetAndCannotBeMarked() throws {
        let database = try Fixtures.schedulingDatabase()
        let event = try Fixtures.khorezmTraining(in: database, capacity: 1)
        let ids = try Fixtures.people(["Aziza", "Bekzod"], in: database)
        _ = try database.enrollOrWaitlist(eventID: event.id, participantIDs: ids)
        #expect(try database.attendanceSheet(eventID: event.id).rows.map(\.participant.id) == [ids[0]])
        let error = Fixtures.refusal {
            try database.markAttendance(AttendanceMarks(eventID: event.id, date: Fixtures.day("2019-03-25"), marks: [ids[1]: .present]))
        }
        #expect(error?.message.contains("waitlist") == true)
        // Everyone-present marks only the enrolled
        #expect(try database.markAttendance(AttendanceMarks(eventID: event.id, date: Fixtures.day("2019-03-25"), everyoneElse: .present)) == 1)
        // Enrolling a waitlisted person again is refused
        #expect(throws: MalakaError.self) { try database.enroll(eventID: event.id, participantIDs: [ids[1]]) }
    }

    @Test func takingSomeoneOffByNameLooksOnlyAtTheEventAndItsWaitlist() throws {
        let database = try Fixtures.schedulingDatabase()
        let event = try Fixtures.khorezmTraining(in: database, capacity: 1)
        let ids = try Fixtures.people(["Gulnora Karimova", "Gulnora Rahimova", "Gulnora Yusupova"], in: database)
        _ = try database.enrollOrWaitlist(eventID: event.id, participantIDs: Array(ids.prefix(2)))
        // Gulnora Yusupova is registered but not on the event, so "Gulnora" means only the two on it
        let error = Fixtures.refusal { _ = try database.participantOnEvent(eventID: event.id, matching: "Gulnora") }
        #expect(error?.message.contains("could be 2 people enrolled in event \(event.id) or on its waitlist") == true)
        #expect(try database.participantOnEvent(eventID: event.id, matching: "Rahimova") == ids[1])
        #expect(throws: MalakaError.self) { try database.participantOnEvent(eventID: event.id, matching: "Yusupova") }
        #expect(try database.participant(matching: "Yusupova") == ids[2])
    }
}

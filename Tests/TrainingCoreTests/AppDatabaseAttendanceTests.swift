import Testing
@testable import TrainingCore

@Suite struct AppDatabaseAttendanceTests {
    @Test func theSheetShowsMarksRatesAndCompletion() throws {
        // Given a four-session training with three people enrolled
        let database = try Fixtures.database()
        let event = try Fixtures.khorezmTraining(in: database)
        let ids = try Fixtures.people(["Aziza", "Bekzod", "Charos"], in: database)
        try database.enroll(eventID: event.id, participantIDs: ids)
        // When attendance is marked day by day
        try database.markAttendance(AttendanceMarks(eventID: event.id, date: Fixtures.day("2019-03-25"), everyoneElse: .present))
        try database.markAttendance(AttendanceMarks(eventID: event.id, date: Fixtures.day("2019-03-26"), everyoneElse: .present,
                                                    marks: [ids[1]: .late, ids[2]: .absent]))
        try database.markAttendance(AttendanceMarks(eventID: event.id, date: Fixtures.day("2019-03-27"), everyoneElse: .present,
                                                    marks: [ids[2]: .excused]))
        try database.markAttendance(AttendanceMarks(eventID: event.id, date: Fixtures.day("2019-03-28"), marks: [ids[0]: .present, ids[1]: .present]))
        // Then the 80 % rule with late counting as present decides completion
        let sheet = try database.attendanceSheet(eventID: event.id)
        #expect(sheet.rows.map(\.participant.fullName) == ["Aziza", "Bekzod", "Charos"])
        #expect(sheet.rows[0].standing.rate == 1)
        #expect(sheet.rows[1].marks == [.present, .late, .present, .present])
        #expect(sheet.rows[1].standing.isComplete)
        #expect(sheet.rows[2].marks == [.present, .absent, .excused, nil])
        #expect(sheet.rows[2].standing.creditedSessions == 1)
        #expect(!sheet.rows[2].standing.isComplete)
        #expect(sheet.completedCount == 2)
    }

    @Test func markingAgainReplacesTheMark() throws {
        let database = try Fixtures.database()
        let event = try Fixtures.khorezmTraining(in: database)
        let ids = try Fixtures.people(["Aziza"], in: database)
        try database.enroll(eventID: event.id, participantIDs: ids)
        let day = Fixtures.day("2019-03-25")
        try database.markAttendance(AttendanceMarks(eventID: event.id, date: day, marks: [ids[0]: .absent]))
        try database.markAttendance(AttendanceMarks(eventID: event.id, date: day, marks: [ids[0]: .late]))
        #expect(try database.attendanceSheet(eventID: event.id).rows[0].marks[0] == .late)
    }

    @Test func attendanceForSomeoneNotEnrolledIsRefusedAndNothingIsWritten() throws {
        let database = try Fixtures.database()
        let event = try Fixtures.khorezmTraining(in: database)
        let ids = try Fixtures.people(["Aziza", "Outsider"], in: database)
        try database.enroll(eventID: event.id, participantIDs: [ids[0]])
        #expect {
            try database.markAttendance(AttendanceMarks(eventID: event.id, date: Fixtures.day("2019-03-25"),
                                                        marks: [ids[0]: .present, ids[1]: .present]))
        } throws: { error in
            (error as? MalakaError)?.message.contains("Outsider (\(ids[1])) is not enrolled") ?? false
        }
        #expect(try database.attendanceSheet(eventID: event.id).rows[0].marks[0] == nil)
    }

    @Test func aDayWithoutASessionIsRefused() throws {
        let database = try Fixtures.database()
        let event = try Fixtures.khorezmTraining(in: database)
        let ids = try Fixtures.people(["Aziza"], in: database)
        try database.enroll(eventID: event.id, participantIDs: ids)
        #expect {
            try database.markAttendance(AttendanceMarks(eventID: event.id, date: Fixtures.day("2019-03-29"), everyoneElse: .present))
        } throws: { error in
            (error as? MalakaError)?.message.contains("no session on 2019-03-29") ?? false
        }
    }

    @Test func enrollingTwiceIsRefusedAndTheBatchAddsNobody() throws {
        let database = try Fixtures.database()
        let event = try Fixtures.khorezmTraining(in: database)
        let ids = try Fixtures.people(["Aziza", "Bekzod", "Charos"], in: database)
        try database.enroll(eventID: event.id, participantIDs: [ids[1]])
        #expect(throws: MalakaError.self) { try database.enroll(eventID: event.id, participantIDs: ids) }
        #expect(try database.eventDetail(id: event.id).enrolledCount == 1)
        #expect(throws: MalakaError.self) { try database.enroll(eventID: event.id, participantIDs: [ids[0], ids[0]]) }
        #expect(throws: MalakaError.self) { try database.enroll(eventID: event.id, participantIDs: [999]) }
        #expect(throws: MalakaError.self) { try database.enroll(eventID: 999, participantIDs: [ids[0]]) }
    }

    @Test func capacityIsNeverExceededThoseBeyondItWait() throws {
        let database = try Fixtures.database()
        let event = try Fixtures.khorezmTraining(in: database, capacity: 2)
        let ids = try Fixtures.people(["Aziza", "Bekzod", "Charos"], in: database)
        let enrolled = try database.enroll(eventID: event.id, participantIDs: ids)
        #expect(enrolled.map(\.participantId) == Array(ids.prefix(2)))
        let detail = try database.eventDetail(id: event.id)
        #expect(detail.enrolledCount == 2 && detail.waitlistedCount == 1)
    }

    @Test func aCancelledEventTakesNoEnrollmentsOrMarks() throws {
        let database = try Fixtures.database()
        let event = try Fixtures.khorezmTraining(in: database)
        let ids = try Fixtures.people(["Aziza"], in: database)
        try database.enroll(eventID: event.id, participantIDs: ids)
        _ = try database.cancelEvent(id: event.id, reason: "Flood")
        #expect(throws: MalakaError.self) { try database.enroll(eventID: event.id, participantIDs: try Fixtures.people(["B"], in: database)) }
        #expect(throws: MalakaError.self) {
            try database.markAttendance(AttendanceMarks(eventID: event.id, date: Fixtures.day("2019-03-25"), everyoneElse: .present))
        }
    }

    @Test func unenrollingSomeoneWithMarksNeedsForce() throws {
        let database = try Fixtures.database()
        let event = try Fixtures.khorezmTraining(in: database)
        let ids = try Fixtures.people(["Aziza"], in: database)
        try database.enroll(eventID: event.id, participantIDs: ids)
        try database.markAttendance(AttendanceMarks(eventID: event.id, date: Fixtures.day("2019-03-25"), everyoneElse: .present))
        #expect(throws: MalakaError.self) { try database.unenroll(eventID: event.id, participantIDs: ids) }
        #expect(try database.eventDetail(id: event.id).enrolledCount == 1)
        #expect(try database.unenroll(eventID: event.id, participantIDs: ids, force: true) == 1)
        #expect(try database.attendanceSheet(eventID: event.id).rows.isEmpty)
    }

    @Test func findsAnEnrolledPersonByPartOfTheName() throws {
        let database = try Fixtures.database()
        let event = try Fixtures.khorezmTraining(in: database)
        let ids = try Fixtures.people(["Gulnora Karimova", "Gulnora Rahimova", "Oʻgʻiloy Qurbonova"], in: database)
        try database.enroll(eventID: event.id, participantIDs: ids)
        #expect(try database.enrolledParticipant(eventID: event.id, matching: "karimova") == ids[0])
        #expect(try database.enrolledParticipant(eventID: event.id, matching: "O'g'iloy") == ids[2])
        #expect(throws: MalakaError.self) { try database.enrolledParticipant(eventID: event.id, matching: "Gulnora") }
        #expect(throws: MalakaError.self) { try database.enrolledParticipant(eventID: event.id, matching: "Nobody") }
    }
}

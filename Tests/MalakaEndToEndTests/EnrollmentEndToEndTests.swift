import Foundation
import Testing

@Suite struct EnrollmentEndToEndTests {
    @Test func enrollingCountsAgainstTheEvent() throws {
        let programme = try TemporaryProgramme()
        let event = try programme.parentingEvent(capacity: 25)
        let people = try programme.addParticipants(["Gulnora Karimova", "Lola Ismoilova", "Feruza Matyoqubova"])

        let enrolled = try programme.succeed(["enroll", String(event)] + people.map(String.init))

        #expect(enrolled.stdout == "Enrolled 3 people in event \(event).\n")
        #expect(try programme.json(EventJSON.self, ["event", "show", String(event)]).enrolled == 3)
        #expect(try programme.succeed(["event", "list"]).stdout.contains("3/25"))
        let sheet = try programme.json(AttendanceSheetJSON.self, ["attendance", "show", String(event)])
        #expect(Set(sheet.rows.map(\.participant)) == Set(people))
    }

    @Test func enrollingSomeoneTwiceIsRefused() throws {
        let programme = try TemporaryProgramme()
        let event = try programme.parentingEvent()
        let gulnora = try programme.addParticipant("Gulnora Karimova")
        try programme.enroll(event, [gulnora])

        try programme.expectRefused(["enroll", String(event), String(gulnora)], status: 65,
                                    mentioning: ["Gulnora Karimova (\(gulnora))", "already enrolled", "event \(event)"])
    }

    @Test func aBatchWithOneAlreadyEnrolledEnrollsNobody() throws {
        // Given three people, the second already enrolled
        let programme = try TemporaryProgramme()
        let event = try programme.parentingEvent()
        let people = try programme.addParticipants(["Gulnora Karimova", "Lola Ismoilova", "Feruza Matyoqubova"])
        try programme.enroll(event, [people[1]])

        // When all three are enrolled, then it is refused and neither of the others is enrolled
        try programme.expectRefused(["enroll", String(event)] + people.map(String.init), status: 65,
                                    mentioning: ["Lola Ismoilova (\(people[1]))", "already enrolled", "Nothing was changed."])
        #expect(try programme.json(EventJSON.self, ["event", "show", String(event)]).enrolled == 1)
    }

    @Test func capacityIsNeverExceededThoseBeyondItWaitInOrder() throws {
        // Given an event with three places, two taken
        let programme = try TemporaryProgramme()
        let event = try programme.parentingEvent(capacity: 3)
        let people = try programme.addParticipants(["Gulnora Karimova", "Lola Ismoilova", "Feruza Matyoqubova", "Nodira Yo\u{02BB}ldosheva"])
        try programme.enroll(event, Array(people.prefix(2)))

        // When two more are enrolled, then the first gets the last place and the second waits
        let result = try programme.succeed(["enroll", String(event), String(people[2]), String(people[3])])
        #expect(result.stdout == """
            Enrolled 1 person in event \(event).
            Event \(event) is full; put on its waitlist: Nodira Yo\u{02BB}ldosheva (\(people[3])) number 1.

            """)
        let shown = try programme.json(EventJSON.self, ["event", "show", String(event)])
        #expect(shown.enrolled == 3)
        let sheet = try programme.json(AttendanceSheetJSON.self, ["attendance", "show", String(event)])
        #expect(!sheet.rows.map(\.participant).contains(people[3]))
    }

    @Test func badEnrollmentsAreRefused() throws {
        let programme = try TemporaryProgramme()
        let event = try programme.parentingEvent()
        let gulnora = try programme.addParticipant("Gulnora Karimova")

        try programme.expectRefused(["enroll", String(event), String(gulnora), "99"], status: 65,
                                    mentioning: ["participant 99"])
        try programme.expectRefused(["enroll", "99", String(gulnora)], status: 65, mentioning: ["event 99"])
        try programme.expectRefused(["enroll", String(event), String(gulnora), String(gulnora)], status: 64,
                                    mentioning: ["Participant \(gulnora)", "twice"])
        try programme.expectRefused(["enroll", String(event)], status: 64, mentioning: ["at least one participant"])
        // People may be named; a name nobody has is refused
        try programme.expectRefused(["enroll", String(event), "Zulfiya"], status: 65, mentioning: ["Zulfiya"])
    }

    @Test func unenrollingSomeoneWithMarksNeedsForce() throws {
        // Given two people enrolled, one of them marked on two days
        let programme = try TemporaryProgramme()
        let event = try programme.parentingEvent()
        let people = try programme.addParticipants(["Gulnora Karimova", "Lola Ismoilova"])
        try programme.enroll(event, people)
        try programme.succeed(["attendance", "mark", String(event), "--date", "2019-03-25", "--present", String(people[0])])
        try programme.succeed(["attendance", "mark", String(event), "--date", "2019-03-26", "--late", "Karimova"])

        // When the marked one is unenrolled, then it is refused
        try programme.expectRefused(["unenroll", String(event), String(people[0])], status: 65,
                                    mentioning: ["Gulnora Karimova (\(people[0]))", "2 attendance mark(s)", "--force"])

        // When the unmarked one is unenrolled, then it just happens
        let plain = try programme.succeed(["unenroll", String(event), String(people[1])])
        #expect(plain.stdout == "Unenrolled 1 from event \(event).\n")

        // When --force is given, then the marks go too
        let forced = try programme.succeed(["unenroll", String(event), String(people[0]), "--force"])
        #expect(forced.stdout == "Unenrolled 1 from event \(event); 2 attendance mark(s) deleted.\n")
        #expect(try programme.json(AttendanceSheetJSON.self, ["attendance", "show", String(event)]).rows.isEmpty)

        // And enrolled again, they start with no marks
        try programme.enroll(event, [people[0]])
        let sheet = try programme.json(AttendanceSheetJSON.self, ["attendance", "show", String(event)])
        #expect(sheet.row(people[0])?.marks == [nil, nil, nil, nil])
    }

    @Test func unenrollingSomeoneNotEnrolledIsRefused() throws {
        let programme = try TemporaryProgramme()
        let event = try programme.parentingEvent()
        let gulnora = try programme.addParticipant("Gulnora Karimova")
        let lola = try programme.addParticipant("Lola Ismoilova")
        try programme.enroll(event, [lola])

        try programme.expectRefused(["unenroll", String(event), String(lola), String(gulnora)], status: 65,
                                    mentioning: ["Gulnora Karimova (\(gulnora))", "not enrolled", "Nothing was changed."])
        try programme.expectRefused(["unenroll", "99", String(gulnora)], status: 65, mentioning: ["event 99"])
        try programme.expectRefused(["unenroll", String(event), "99"], status: 65, mentioning: ["participant 99"])
    }
}

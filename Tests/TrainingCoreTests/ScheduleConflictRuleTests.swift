import Testing
@testable import TrainingCore

/// The conflict rule on plain values: sessions as numbers, bookings as dictionaries, no database.
struct ScheduleConflictRuleTests {
    /// A session of `event` on day 0 from `from` to `to` o'clock (minutes since the epoch, UTC).
    func slot(_ session: Int64, event: Int64, leg: Int64? = nil, from: Int, to: Int) -> ScheduleConflictRule.Slot {
        ScheduleConflictRule.Slot(sessionID: session, eventID: event, legID: leg, start: from * 60, end: to * 60)
    }

    @Test func aTrainerInTwoEventsAtOnceClashesOnceForTheOverlappingSessions() {
        let rule = ScheduleConflictRule(
            slots: [slot(11, event: 1, from: 9, to: 12), slot(12, event: 1, from: 14, to: 17), slot(21, event: 2, from: 11, to: 13)],
            eventsByTrainer: [7: [1, 2], 8: [1]])

        #expect(rule.clashes() == [.init(kind: .trainer, subjectKey: "trainer:7", first: 11, second: 21)])
    }

    @Test func sessionsThatTouchOrBelongToOneEventDoNotClash() {
        let rule = ScheduleConflictRule(
            slots: [slot(11, event: 1, from: 9, to: 12), slot(12, event: 1, from: 10, to: 11), slot(21, event: 2, from: 12, to: 15)],
            eventsByTrainer: [7: [1, 2]], eventVenues: [1: "UZ-XO|markaz", 2: "UZ-XO|markaz"], eventsByParticipant: [3: [1, 2]])

        #expect(rule.clashes().isEmpty)
    }

    @Test func aVenueIsTheEventsOrItsLegsHost() {
        let rule = ScheduleConflictRule(
            slots: [slot(11, event: 1, from: 9, to: 12), slot(21, event: 2, leg: 5, from: 10, to: 11), slot(31, event: 3, from: 10, to: 11)],
            eventVenues: [1: "UZ-XO|markaz", 2: "UZ-XO|markaz", 3: "UZ-XO|maktab"], legVenues: [5: "UZ-XO|markaz"])

        // Event 2's session is on a leg hosted at the centre; event 3 is elsewhere.
        #expect(rule.clashes() == [.init(kind: .venue, subjectKey: "venue:UZ-XO|markaz", first: 11, second: 21)])
    }

    @Test func aPersonInTwoOverlappingEventsClashesAndOneFarApartDoesNot() {
        let rule = ScheduleConflictRule(
            slots: [slot(11, event: 1, from: 9, to: 12), slot(21, event: 2, from: 10, to: 11), slot(31, event: 3, from: 30, to: 33)],
            eventsByParticipant: [4: [1, 2, 3], 5: [3, 1], 6: [9]])

        #expect(rule.clashes() == [.init(kind: .participant, subjectKey: "participant:4", first: 11, second: 21)])
    }

    // MARK: One event against the others

    func booked(_ session: Int64, event: Int64, hours: ClosedRange<Int>, venue: String? = nil) -> BookedSession {
        let day = DayDate(year: 2019, month: 3, day: 25)!
        return BookedSession(
            sessionId: session, eventId: event, date: day, startTime: TimeOfDay(hour: hours.lowerBound, minute: 0)!,
            endTime: TimeOfDay(hour: hours.upperBound, minute: 0)!, timeZone: .tashkent, regionCode: "UZ-XO", districtCode: nil,
            locality: nil, venue: venue, absoluteStart: day.dayNumber * 1440 + hours.lowerBound * 60 - 300,
            absoluteEnd: day.dayNumber * 1440 + hours.upperBound * 60 - 300)
    }

    @Test func anEventsSessionsConflictWithTheBookingsTheyOverlap() {
        let mine = [booked(1, event: 1, hours: 9...12, venue: "Markaz"), booked(2, event: 1, hours: 14...17)]
        let others: [ScheduleConflictRule.Booking] = [
            .init(kind: .trainer, subjectKey: "trainer:7", session: booked(9, event: 2, hours: 11...15)),
            .init(kind: .venue, subjectKey: "venue:UZ-XO|markaz", session: booked(8, event: 3, hours: 15...16, venue: "markaz")),
            .init(kind: .participant, subjectKey: "participant:4", session: booked(7, event: 4, hours: 12...14)),
        ]

        let found = ScheduleConflictRule.conflicts(of: mine, with: others)

        // The trainer's 11–15 meets both of mine; the venue's 15–16 meets only the afternoon, which is not at
        // the centre; the person's 12–14 touches both and overlaps neither.
        #expect(found.map { [$0.session.sessionId, $0.other.sessionId] } == [[1, 9], [2, 9]])
        #expect(found.allSatisfy { $0.kind == .trainer })
    }

    @Test func aNewConflictIsRefusedUnlessAllowedAndRecordedOncePerPairOfEvents() {
        var conflict = ScheduleConflict(kind: .trainer, subjectKey: "trainer:7", subject: "",
                                        session: booked(1, event: 1, hours: 9...12), other: booked(9, event: 2, hours: 11...15))
        var again = conflict
        again.session = booked(2, event: 1, hours: 10...11)
        var old = conflict
        old.subjectKey = "trainer:8"
        old.allowed = true

        #expect(ScheduleConflictRule.decide([old], allow: false) == .clear)
        #expect(ScheduleConflictRule.decide([conflict, again, old], allow: false) == .refuse([conflict, again]))
        #expect(ScheduleConflictRule.decide([conflict, again, old], allow: true) == .allow(recorded: [conflict], all: [conflict, again]))
        conflict.other.eventId = 3
        #expect(ScheduleConflictRule.decide([conflict, again], allow: true) == .allow(recorded: [conflict, again], all: [conflict, again]))
    }
}

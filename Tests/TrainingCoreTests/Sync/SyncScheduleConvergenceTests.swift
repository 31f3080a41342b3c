import GRDB
import Testing
import TrainingFixtures
@testable import TrainingCore

/// An event's schedule changed at two sites before either saw the other's change, once and in a fixed order.
@Suite struct SyncScheduleConvergenceTests {
    /// Seeds 14, 20 and 68 of ``SyncPropertyTests`` once sites rescheduled: an event moved a week later at one site
    /// while another moved one of its sessions within the old dates, later. Each row keeps its later version, so the
    /// session ends outside its event's dates; a site that refused it there differed from the one that made it.
    @Test func aSessionMovedWhileItsEventWasMovedElsewhereIsKeptEverywhereAndListed() throws {
        var network = try MergeNetwork()
        let event = try network.event(at: 0)
        try network.send(0, 1)
        let local = { (site: Int) in try network.id(of: "event", event, at: site) }
        _ = try network.database(0).rescheduleEvent(id: try local(0), startingOn: CourseFixtures.day("2019-03-11"))
        _ = try network.database(1).moveSession(eventID: try local(1), on: CourseFixtures.day("2019-03-04"),
                                                to: CourseFixtures.day("2019-03-05"), time: CourseFixtures.time("13:00-16:00"))
        let notes = try network.notes(sending: 1, to: 0)
        #expect(notes.contains { $0.contains("on 2019-03-05 at 13:00 lies outside the event's dates (2019-03-11 to 2019-03-14)") }, "\(notes)")
        try network.settle()
        #expect(try network.countAtEverySite("SELECT count(*) FROM session s JOIN event e ON e.id = s.eventId WHERE s.date NOT BETWEEN e.startDate AND e.endDate") == [1, 1, 1])
        // Moving the whole event would keep it outside: refused, saying which session to move first.
        let later = CourseFixtures.day("2019-03-18")
        #expect { try network.database(0).rescheduleEvent(id: try local(0), startingOn: later) } throws: {
            "\($0)".contains("session on 05.03.2019 at 13:00 lies outside the event's dates")
        }
        _ = try network.database(0).moveSession(eventID: try local(0), on: CourseFixtures.day("2019-03-05"), to: CourseFixtures.day("2019-03-12"))
        _ = try network.database(0).rescheduleEvent(id: try local(0), startingOn: later)
    }

    /// Seeds 61 and 113: a session added at one site at the date and time another site moved a session to. Both
    /// stay, at every site, and are listed; a site that met the move first had refused the new session, one that
    /// met the new session first had made the two one. This site's own writes still keep one session a time.
    @Test func twoSessionsPutIntoOneDateAndTimeAtTwoSitesAreBothKeptAndListed() throws {
        var network = try MergeNetwork()
        let event = try network.event(at: 0)
        try network.send(0, 1)
        let local = { (site: Int) in try network.id(of: "event", event, at: site) }
        let (day, time) = (CourseFixtures.day("2019-03-05"), CourseFixtures.time("13:00-16:00"))
        _ = try network.database(0).addSession(eventID: try local(0), on: day, time: time)
        _ = try network.database(1).moveSession(eventID: try local(1), on: CourseFixtures.day("2019-03-04"), to: day, time: time)
        let notes = try network.notes(sending: 1, to: 0)
        #expect(notes.contains { $0.contains("are both on 2019-03-05 at 13:00 after changes made at two sites") }, "\(notes)")
        try network.settle()
        #expect(try network.countAtEverySite("SELECT count(*) FROM session WHERE date = '2019-03-05' AND startTime = '13:00'") == [2, 2, 2])
        // Marks wait for the coordinator, who moves one of the two (the one made first, the same at every site).
        let person = try network.person("Lola Ismoilova", at: 0)
        try network.enroll(person, in: event, at: 0)
        let marks = AttendanceMarks(eventID: try local(0), date: day, startTime: time.start, marks: [try network.id(of: "participant", person, at: 0): .present])
        #expect { try network.database(0).markAttendance(marks) } throws: { "\($0)".contains("put there at two sites at once") }
        let moved = try network.database(0).moveSession(eventID: try local(0), on: day, at: time.start, to: CourseFixtures.day("2019-03-06"), time: time)
        #expect(moved.othersAtTheSameTime == 1)
        _ = try network.database(0).markAttendance(marks)
        // Written here, even past the library's own checks, a session takes a free date and time.
        #expect(throws: DatabaseError.self) {
            try network.database(2).dbWriter.write { db in
                try db.execute(sql: "UPDATE session SET date = '2019-03-06', startTime = '09:00' WHERE date = '2019-03-07'")
            }
        }
    }

    /// A session deleted at one site while a trainer at another marked attendance at it: the mark is the record
    /// that someone came, and outweighs a deletion made without seeing it (as a removal from the list does). The
    /// session stays everywhere with the mark, and both sites list it; before, the marking site lost the mark when
    /// the deletion came and the deleting site held it back for ever.
    @Test func aMarkMadeWithoutSeeingASessionsDeletionKeepsTheSession() throws {
        var network = try MergeNetwork()
        let (event, person) = try network.personEnrolledEverywhere()
        _ = try network.database(0).deleteSession(eventID: try network.id(of: "event", event, at: 0), on: CourseFixtures.day("2019-03-05"))
        try network.mark(person, in: event, day: 1, at: 1)
        let kept = try network.notes(sending: 0, to: 1)
        #expect(kept.contains { $0.contains("stays: XO-URG1 deleted it without seeing the attendance marked at it") }, "\(kept)")
        let back = try network.notes(sending: 1, to: 2)
        #expect(back.contains { $0.contains("is back: SA-SAM1 marked attendance at it without seeing its deletion") }, "\(back)")
        try network.settle()
        #expect(try network.countAtEverySite("SELECT count(*) FROM session") == [4, 4, 4])
        #expect(try network.countAtEverySite("SELECT count(*) FROM attendance") == [1, 1, 1])
    }

    /// Deleted with its marks (`--force`): those the deleting site had seen go everywhere; another person's mark,
    /// made meanwhile elsewhere, keeps the session.
    @Test func aSessionDeletedWithTheMarksItSawKeepsOnlyTheMarkItDidNotSee() throws {
        var network = try MergeNetwork()
        let event = try network.event(at: 0)
        let (seen, unseen) = (try network.person("Lola Ismoilova", at: 0), try network.person("Otabek Nazarov", at: 0))
        for person in [seen, unseen] { try network.enroll(person, in: event, at: 0) }
        try network.mark(seen, in: event, day: 1, at: 0)
        try network.send(0, 1)
        _ = try network.database(0).deleteSession(eventID: try network.id(of: "event", event, at: 0), on: CourseFixtures.day("2019-03-05"), force: true)
        network.simulation.marks.removeAll { $0.person == seen }
        try network.mark(unseen, in: event, day: 1, at: 1)
        try network.settle()
        #expect(try network.countAtEverySite("SELECT count(*) FROM session") == [4, 4, 4])
        #expect(try network.countAtEverySite("SELECT count(*) FROM attendance") == [1, 1, 1])
    }

    /// Deleted with its marks (`--force`) at one site while the trainer at another marked the same person again, late
    /// this time, without seeing the deletion: the new mark is a mark made without seeing it, and keeps itself and the
    /// session, at the site that marked as at the one that deleted (seeds 79 and 141 of the simulation with forced
    /// deletions).
    @Test func aMarkChangedAfterItsSessionWasDeletedWithItElsewhereKeepsBoth() throws {
        var network = try MergeNetwork()
        let (event, person) = try network.personEnrolledEverywhere()
        let day = CourseFixtures.day("2019-03-05")
        try network.mark(person, in: event, day: 1, at: 1)
        try network.send(1, 0)
        try network.forceDeleteSession(of: event, on: day, at: 0)
        network.simulation.marks.removeAll()
        try network.markLate(person, in: event, on: day, at: 1)
        let session: String = try network.database(1).read { db in try String.fetchOne(db, sql: "SELECT uuid FROM session WHERE date = ?", arguments: [day])! }
        network.simulation.marks.append((person, session))
        let kept = try network.notes(sending: 0, to: 1)
        #expect(kept.contains { $0.contains("stays: XO-URG1 deleted its session without seeing it marked again") }, "\(kept)")
        try network.settle()
        #expect(try network.countAtEverySite("SELECT count(*) FROM session") == [4, 4, 4])
        #expect(try network.countAtEverySite("SELECT count(*) FROM attendance WHERE status = 'late'") == [1, 1, 1])
    }

    /// Deleted with its marks (`--force`) at one site while another marked the same person at it, concurrently: two
    /// marks of one person at one session are one mark (twins), and the deleting site deleted that mark knowingly. The
    /// twin goes with it and does not bring the session back, whichever the sites meet first (seeds 55 and 109 of
    /// the simulation with forced deletions).
    @Test(arguments: [[(0, 1)], [(1, 0)], [(1, 2), (0, 2)], [(0, 2), (1, 2)], [(0, 1), (1, 2), (0, 2)]])
    func aTwinOfAMarkDeletedKnowinglyWithItsSessionGoesWithIt(_ sends: [(Int, Int)]) throws {
        var network = try MergeNetwork()
        let (event, person) = try network.personEnrolledEverywhere()
        let day = CourseFixtures.day("2019-03-05")
        try network.mark(person, in: event, day: 1, at: 0)
        try network.mark(person, in: event, day: 1, at: 1)
        try network.forceDeleteSession(of: event, on: day, at: 0)
        network.simulation.marks.removeAll()
        for (from, to) in sends { try network.send(from, to) }
        try network.settle()
        #expect(try network.countAtEverySite("SELECT count(*) FROM session") == [3, 3, 3])
        #expect(try network.countAtEverySite("SELECT count(*) FROM attendance") == [0, 0, 0])
    }

    /// Deleted with its marks (`--force`) at one site while another marked the same person at it, and marked them
    /// again after the deletion: the twin deleted goes, the mark made again stays with the session, under its own uuid
    /// at every site, also at one that held the two as one row under the other's uuid when the deletion came (seed
    /// 4206 of the simulation with forced deletions).
    @Test(arguments: [[(2, 0)], [(0, 1), (2, 1)], [(2, 1), (0, 1)], [(0, 2)]])
    func aTwinMarkedAgainAfterTheOtherWasDeletedWithItsSessionStaysUnderItsOwnUUID(_ sends: [(Int, Int)]) throws {
        var network = try MergeNetwork()
        let (event, person) = try network.personEnrolledEverywhere()
        let day = CourseFixtures.day("2019-03-05")
        try network.mark(person, in: event, day: 1, at: 0)
        try network.mark(person, in: event, day: 1, at: 2)
        let remarked: String = try network.database(2).read { db in try String.fetchOne(db, sql: "SELECT uuid FROM attendance")! }
        try network.forceDeleteSession(of: event, on: day, at: 0)
        network.simulation.marks.removeAll()
        try network.markLate(person, in: event, on: day, at: 2)
        for (from, to) in sends { try network.send(from, to) }
        try network.settle()
        #expect(try network.countAtEverySite("SELECT count(*) FROM session") == [4, 4, 4])
        #expect(try network.countAtEverySite("SELECT count(*) FROM attendance WHERE status = 'late' AND uuid = '\(remarked)'") == [1, 1, 1])
    }

    /// The same, where the deleting site had the twin as one row with its own mark when it deleted the session: the
    /// twin marked again comes back there too, under its own uuid (seed 4102 of the simulation with forced deletions).
    @Test func aTwinTheDeletingSiteHeldAndMarkedAgainAfterwardsComesBackUnderItsOwnUUID() throws {
        var network = try MergeNetwork()
        let (event, person) = try network.personEnrolledEverywhere()
        let day = CourseFixtures.day("2019-03-05")
        try network.mark(person, in: event, day: 1, at: 0)
        try network.mark(person, in: event, day: 1, at: 2)
        let remarked: String = try network.database(2).read { db in try String.fetchOne(db, sql: "SELECT uuid FROM attendance")! }
        try network.send(2, 0)
        try network.forceDeleteSession(of: event, on: day, at: 0)
        network.simulation.marks.removeAll()
        try network.markLate(person, in: event, on: day, at: 2)
        let back = try network.notes(sending: 2, to: 0)
        #expect(back.contains { $0.contains("is back: TK-TSH1 marked attendance at it without seeing its deletion here") }, "\(back)")
        try network.settle()
        #expect(try network.countAtEverySite("SELECT count(*) FROM session") == [4, 4, 4])
        #expect(try network.countAtEverySite("SELECT count(*) FROM attendance WHERE status = 'late' AND uuid = '\(remarked)'") == [1, 1, 1])
    }

    /// The session a mark kept or brought back shows its latest write, not the deletion: a move made at a third site
    /// before the deletion lands at the site that kept the session as at the one that brought it back.
    @Test func aSessionAMarkKeptTakesAMoveMadeBeforeItsDeletion() throws {
        var network = try MergeNetwork()
        let (event, person) = try network.personEnrolledEverywhere()
        let day = CourseFixtures.day("2019-03-05")
        _ = try network.database(2).moveSession(eventID: try network.id(of: "event", event, at: 2), on: day, to: day, time: CourseFixtures.time("13:00-16:00"))
        _ = try network.database(0).deleteSession(eventID: try network.id(of: "event", event, at: 0), on: day)
        try network.mark(person, in: event, day: 1, at: 1)
        try network.send(0, 1)
        try network.send(2, 1)
        try network.send(2, 0)
        try network.send(1, 0)
        try network.settle()
        #expect(try network.countAtEverySite("SELECT count(*) FROM session WHERE date = '2019-03-05' AND startTime = '13:00'") == [1, 1, 1])
    }

    /// Seeds 1100 and 1127: a session brought back by a mark takes its latest write from the change log, where
    /// `event reschedule` writes each session twice (through a free start time first): the entry's last row counts.
    @Test func aSessionBroughtBackAfterItsEventWasRescheduledTakesTheRescheduledDate() throws {
        var network = try MergeNetwork()
        let (event, person) = try network.personEnrolledEverywhere()
        _ = try network.database(1).rescheduleEvent(id: try network.id(of: "event", event, at: 1), startingOn: CourseFixtures.day("2019-03-11"))
        try network.send(1, 0)
        _ = try network.database(0).deleteSession(eventID: try network.id(of: "event", event, at: 0), on: CourseFixtures.day("2019-03-12"))
        try network.mark(person, in: event, day: 1, at: 2)
        try network.send(2, 0)
        try network.settle()
        #expect(try network.countAtEverySite("SELECT count(*) FROM session WHERE date = '2019-03-12' AND startTime = '09:00'") == [1, 1, 1])
    }
}

private extension MergeNetwork {
    /// `session delete --force` at `site`: the session on `day` goes with the marks the site has.
    func forceDeleteSession(of event: String, on day: DayDate, at site: Int) throws {
        _ = try database(site).deleteSession(eventID: try id(of: "event", event, at: site), on: day, force: true)
    }

    /// The person marked late on `day` at `site`.
    func markLate(_ person: String, in event: String, on day: DayDate, at site: Int) throws {
        _ = try database(site).markAttendance(AttendanceMarks(eventID: try id(of: "event", event, at: site), date: day,
                                                              marks: [try id(of: "participant", person, at: site): .late]))
    }

    /// An event made at the first site, with one person enrolled, known at every site: the event and the person.
    func personEnrolledEverywhere() throws -> (event: String, person: String) {
        let event = try event(at: 0)
        let person = try person("Lola Ismoilova", at: 0)
        try enroll(person, in: event, at: 0)
        for site in [1, 2] { try send(0, site) }
        return (event, person)
    }

    /// What the import's report says of each entry, when `to` receives everything `from` holds for it.
    func notes(sending from: Int, to: Int) throws -> [String] {
        let report = try database(to).importBundle(try database(from).exportBundle(for: simulation.sites[to].code).data, source: "bundle")
        return report.lines.flatMap(\.notes)
    }

    func countAtEverySite(_ sql: String) throws -> [Int] {
        try simulation.sites.map { site in try site.database.read { db in try Int.fetchOne(db, sql: sql) ?? 0 } }
    }
}

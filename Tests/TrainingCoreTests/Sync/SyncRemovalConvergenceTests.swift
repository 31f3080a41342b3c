import Testing
@testable import TrainingCore

/// People taken off an event's list at one site while other sites go on with them, each case once and in a fixed
/// order: after full delivery the three sites hold the same rows (``SyncSimulation/check()``). Each was a cause
/// of failing seeds of ``SyncPropertyTests`` once it unenrolled people (the seed named).
@Suite struct SyncRemovalConvergenceTests {
    /// Seed 50: a mark made at one site for an enrollment another removed meanwhile, without seeing the mark.
    @Test func aMarkMadeWithoutSeeingARemovalKeepsTheEnrollment() throws {
        var network = try MergeNetwork()
        let event = try network.event(at: 0)
        let person = try network.person("Lola Ismoilova", at: 0)
        try network.enroll(person, in: event, at: 0)
        try network.send(0, 1)
        try network.unenroll(person, from: event, at: 0)
        try network.mark(person, in: event, day: 0, at: 1)
        try network.settle()
        #expect(try network.count("enrollment", at: 0) == 1)
        #expect(try network.count("attendance", at: 0) == 1)
    }

    /// Seed 37: one person enrolled in one event at two sites (twins); a third site, which had one of the two,
    /// removes it after both were made. The site holding both as one row and the site meeting the other later
    /// both end without it.
    @Test func aRemovalMadeAfterTwinEnrollmentsRemovesBoth() throws {
        var network = try MergeNetwork()
        let event = try network.event(at: 0)
        let person = try network.person("Lola Ismoilova", at: 0)
        for site in [1, 2] { try network.send(0, site) }
        try network.enroll(person, in: event, at: 1)
        try network.enroll(person, in: event, at: 2)
        try network.send(2, 0)
        try network.unenroll(person, from: event, at: 0)
        try network.send(2, 1)
        try network.settle()
        for site in 0..<3 { #expect(try network.count("enrollment", at: site) == 0) }
    }

    /// Seeds 7 and 128: a person's enrollment removed at one site, while another, not knowing, enrolled another
    /// record of theirs, merged the two (making the enrollments one) and marked attendance.
    @Test func aMarkForAnEnrollmentRemovedAndMergedElsewhereKeepsOneEnrollment() throws {
        var network = try MergeNetwork()
        let event = try network.event(at: 0)
        let (removed, kept) = (try network.person("Lola Ismoilova", at: 0), try network.person("Лола Исмоилова", at: 0))
        try network.enroll(removed, in: event, at: 0)
        try network.send(0, 1)
        try network.unenroll(removed, from: event, at: 0)
        try network.enroll(kept, in: event, at: 1)
        try network.merge(keep: kept, other: removed, at: 1)
        try network.mark(kept, in: event, day: 0, at: 1)
        try network.settle()
        for site in 0..<3 {
            #expect(try network.count("enrollment", at: site) == 1)
            #expect(try network.count("attendance", at: site) == 1)
        }
    }

    /// Seed 637: twin enrollments, one removed by a site that knew only it; the other written after the removal
    /// (a merge moved it to the person's kept record), so the person stays enrolled everywhere.
    @Test func aTwinWrittenAfterTheRemovalKeepsThePersonEnrolled() throws {
        var network = try MergeNetwork()
        let event = try network.event(at: 0)
        let (person, other) = (try network.person("Lola Ismoilova", at: 0), try network.person("Лола Исмоилова", at: 0))
        for site in [1, 2] { try network.send(0, site) }
        try network.enroll(person, in: event, at: 1)
        try network.enroll(person, in: event, at: 2)
        try network.unenroll(person, from: event, at: 2)
        try network.merge(keep: other, other: person, at: 1)
        try network.settle()
        for site in 0..<3 { #expect(try network.count("enrollment", at: site) == 1) }
    }

    /// Seed 1119: two records of one person enrolled in one event; one enrollment is removed, then a merge made
    /// elsewhere before the removal makes the other the same person's: removed with it.
    @Test func anEnrollmentAMergeMakesOneWithARemovedOneIsRemovedToo() throws {
        var network = try MergeNetwork()
        let event = try network.event(at: 0)
        let (merged, kept) = (try network.person("Lola Ismoilova", at: 0), try network.person("Лола Исмоилова", at: 0))
        for site in [1, 2] { try network.send(0, site) }
        try network.enroll(merged, in: event, at: 1)
        try network.enroll(kept, in: event, at: 1)
        try network.merge(keep: kept, other: merged, at: 2)
        try network.send(1, 0)
        try network.unenroll(kept, from: event, at: 0)
        try network.settle()
        for site in 0..<3 { #expect(try network.count("enrollment", at: site) == 0) }
    }

    /// Seed 2462: twin enrollments made at two sites; the later one's mark, made without seeing a removal of the
    /// earlier one, is written again at a site holding both as one row (naming the earlier uuid). The site that
    /// removed it brings back both uuids (one for each change to the mark), so the site meeting the removal last
    /// must keep both: the row shows the later twin's values everywhere.
    @Test func everyChangeToAMarkKeepsTheEnrollmentItNamed() throws {
        var network = try MergeNetwork()
        let event = try network.event(at: 0)
        let person = try network.person("Lola Ismoilova", at: 0)
        for site in [1, 2] { try network.send(0, site) }
        try network.enroll(person, in: event, at: 1)
        try network.enroll(person, in: event, at: 2)
        try network.mark(person, in: event, day: 0, at: 2)
        try network.send(1, 0)
        try network.send(2, 0)
        try network.mark(person, in: event, day: 0, at: 0)
        try network.unenroll(person, from: event, at: 1)
        try network.settle()
        for site in 0..<3 {
            #expect(try network.count("enrollment", at: site) == 1)
            #expect(try network.count("attendance", at: site) == 1)
        }
    }

    /// A site meets the removal of one record's enrollment, then itself merges that record into another record of
    /// the person, enrolled in the event before the removal: the merging site drops that enrollment too, as the
    /// sites applying its merge do.
    @Test func aMergeAfterARemovalTakesTheKeptRecordsEnrollmentAtTheMergingSiteToo() throws {
        var network = try MergeNetwork()
        let event = try network.event(at: 0)
        let (merged, kept) = (try network.person("Lola Ismoilova", at: 0), try network.person("Лола Исмоилова", at: 0))
        try network.enroll(kept, in: event, at: 0)
        try network.enroll(merged, in: event, at: 0)
        for site in [1, 2] { try network.send(0, site) }
        try network.unenroll(merged, from: event, at: 1)
        try network.send(1, 2)
        try network.merge(keep: kept, other: merged, at: 2)
        try network.settle()
        for site in 0..<3 { #expect(try network.count("enrollment", at: site) == 0) }
    }

    /// The same, but the kept record was enrolled at the merging site after it met the removal: its enrollment was
    /// written after the removal and stays. The merging site reads when it was written from the rows' versions, which
    /// it writes first (``AppDatabase/catchUpRowVersions(_:)``): no import has written them since the enrollment.
    @Test func aMergeAfterARemovalKeepsAnEnrollmentOfTheKeptRecordMadeAfterIt() throws {
        var network = try MergeNetwork()
        let event = try network.event(at: 0)
        let (merged, kept) = (try network.person("Lola Ismoilova", at: 0), try network.person("Лола Исмоилова", at: 0))
        try network.enroll(merged, in: event, at: 0)
        for site in [1, 2] { try network.send(0, site) }
        try network.unenroll(merged, from: event, at: 1)
        try network.send(1, 2)
        try network.enroll(kept, in: event, at: 2)
        try network.merge(keep: kept, other: merged, at: 2)
        #expect(try network.count("enrollment", at: 2) == 1)
        try network.settle()
        for site in 0..<3 { #expect(try network.count("enrollment", at: site) == 1) }
    }
}

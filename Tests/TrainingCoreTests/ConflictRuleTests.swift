import Testing
@testable import TrainingCore

/// The conflict rules as a plain type: every site decides the same from the same two versions.
@Suite struct ConflictRuleTests {
    typealias Version = ConflictRule.Version

    func version(_ hlc: String, _ site: String, _ values: [String: String?]?) -> Version {
        Version(hlc: hlc, site: site, values: values)
    }

    let early = "0192a0000000-0000-XO-URG1"
    let late = "0192a0000001-0000-SA-SAM1"

    @Test func anAttendanceMarkedAtTwoSitesAtOnceGoesToTheLaterMarkAndListsTheOther() {
        let rule = ConflictRule(table: "attendance")
        let urgench = version(early, "XO-URG1", ["status": "absent"])
        let samarkand = version(late, "SA-SAM1", ["status": "present"])
        // At Urgench the later Samarkand mark arrives; at Samarkand the earlier Urgench one arrives.
        #expect(rule.decide(local: urgench, incoming: samarkand, concurrent: true) == .apply(listingLocal: true))
        #expect(rule.decide(local: samarkand, incoming: urgench, concurrent: true) == .keepLocal(listingIncoming: true))
    }

    @Test func aChangeMadeAfterSeeingOursIsAppliedEvenWhenItsClockIsBehind() {
        let rule = ConflictRule(table: "attendance")
        let here = version(late, "SA-SAM1", ["status": "absent"])
        let there = version(early, "XO-URG1", ["status": "present"])
        #expect(rule.decide(local: here, incoming: there, concurrent: false) == .apply(listingLocal: false))
    }

    @Test func anIdentityEditedAtTwoSitesIsQueuedShowingTheLaterVersionEverywhere() {
        let rule = ConflictRule(table: "participant")
        let a = version(early, "XO-URG1", ["fullName": "Gulnora Karimova", "birthYear": "1984", "phone": nil])
        let b = version(late, "SA-SAM1", ["fullName": "Gulnora Karimova", "birthYear": "1985", "phone": nil])
        #expect(rule.decide(local: a, incoming: b, concurrent: true) == .queueConflict(showing: .incoming, fields: ["birthYear"]))
        #expect(rule.decide(local: b, incoming: a, concurrent: true) == .queueConflict(showing: .local, fields: ["birthYear"]))
        // Not concurrent: an ordinary correction.
        #expect(rule.decide(local: a, incoming: b, concurrent: false) == .apply(listingLocal: false))
    }

    @Test func aPersonsOtherFieldsEditedAtOnceGoToTheLaterEditAndAreListed() {
        let rule = ConflictRule(table: "participant")
        let a = version(early, "XO-URG1", ["fullName": "Lola Ismoilova", "phone": "+998 90 111 22 33"])
        let b = version(late, "SA-SAM1", ["fullName": "Lola Ismoilova", "phone": "+998 91 000 00 00"])
        #expect(rule.decide(local: a, incoming: b, concurrent: true) == .apply(listingLocal: true))
    }

    @Test func deletionsAreTombstonesAndADeletedRowNeverComesBack() {
        let rule = ConflictRule(table: "enrollment")
        let row = version(early, "XO-URG1", ["status": "enrolled"])
        let gone = version(late, "SA-SAM1", nil)
        #expect(rule.decide(local: row, incoming: gone, concurrent: true) == .tombstone)
        #expect(rule.decide(local: nil, incoming: gone, concurrent: false) == .tombstone)
        #expect(rule.decide(local: gone, incoming: row, concurrent: true) == .keepLocal(listingIncoming: true))
        #expect(rule.decide(local: gone, incoming: gone, concurrent: false) == .keepLocal(listingIncoming: false))
    }

    @Test func certificatesAreNeverDeletedAndARevocationAlwaysWins() {
        let rule = ConflictRule(table: "certificate")
        let valid = version(late, "SA-SAM1", ["status": "valid"])
        let revoked = version(early, "XO-URG1", ["status": "revoked"])
        #expect(rule.decide(local: valid, incoming: version(late, "SA-SAM1", nil), concurrent: false) == .keepLocal(listingIncoming: true))
        #expect(rule.decide(local: revoked, incoming: valid, concurrent: true) == .keepLocal(listingIncoming: false))
        #expect(rule.decide(local: valid, incoming: revoked, concurrent: true) == .apply(listingLocal: false))
    }

    @Test func aChangeThatRefersToWhatIsNotHereIsHeldBack() {
        let rule = ConflictRule(table: "attendance")
        let mark = version(early, "XO-URG1", ["status": "present"])
        let missing = ConflictRule.Context(missingReferences: ["0192a000-0000-7000-8000-000000000001"])
        #expect(rule.decide(local: nil, incoming: mark, concurrent: false, context: missing)
                == .holdBack(missing: ["0192a000-0000-7000-8000-000000000001"]))
    }

    @Test func anotherSitesEditOfAnEventNeedsTheCoordinatorsRole() {
        let rule = ConflictRule(table: "event")
        let here = version(early, "XO-URG1", ["venue": "Mahalla centre"])
        let there = version(late, "SA-SAM1", ["venue": "School 12"])
        let trainer = ConflictRule.Context(ownerSite: "XO-URG1", byCoordinator: false)
        let coordinator = ConflictRule.Context(ownerSite: "XO-URG1", byCoordinator: true)
        #expect(rule.decide(local: here, incoming: there, concurrent: false, context: trainer) == .keepLocal(listingIncoming: true))
        #expect(rule.decide(local: here, incoming: there, concurrent: false, context: coordinator) == .apply(listingLocal: false))
        // The owner's own edit needs no role.
        let own = version(late, "XO-URG1", ["venue": "School 12"])
        #expect(rule.decide(local: here, incoming: own, concurrent: false, context: trainer) == .apply(listingLocal: false))
    }

    @Test func theSameVersionTwiceChangesNothing() {
        let rule = ConflictRule(table: "session")
        let row = version(early, "XO-URG1", ["date": "2026-03-02"])
        #expect(rule.decide(local: row, incoming: row, concurrent: false) == .keepLocal(listingIncoming: false))
    }
}

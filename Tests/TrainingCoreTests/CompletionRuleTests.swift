import Testing
@testable import TrainingCore

@Suite struct CompletionRuleTests {
    let parenting = CompletionRule(minimumShare: 0.8, lateCountsAsPresent: true, excusedCounts: false)

    @Test func fourOfFiveMeetsEightyPercent() {
        let standing = parenting.evaluate([.present, .present, .late, .present, .absent], sessionCount: 5)
        #expect(standing.creditedSessions == 4)
        #expect(standing.rate == 0.8)
        #expect(standing.isComplete)
    }

    @Test func unmarkedSessionsCountAsAbsent() {
        let standing = parenting.evaluate([.present, .present, .present, nil], sessionCount: 4)
        #expect(standing.creditedSessions == 3)
        #expect(!standing.isComplete)
    }

    @Test func lateCountsOnlyWhenTheRuleSaysSo() {
        let strict = CompletionRule(minimumShare: 1, lateCountsAsPresent: false, excusedCounts: false)
        #expect(!strict.evaluate([.present, .late], sessionCount: 2).isComplete)
        #expect(CompletionRule(minimumShare: 1, lateCountsAsPresent: true, excusedCounts: false)
            .evaluate([.present, .late], sessionCount: 2).isComplete)
    }

    @Test func excusedCountsTowardTheShareOnlyWhenTheRuleSaysSo() {
        #expect(!parenting.evaluate([.present, .present, .present, .excused], sessionCount: 4).isComplete)
        let lenient = CompletionRule(minimumShare: 0.8, lateCountsAsPresent: true, excusedCounts: true)
        #expect(lenient.evaluate([.present, .present, .present, .excused], sessionCount: 4).isComplete)
    }

    @Test func anEventWithoutSessionsCompletesNobody() {
        let standing = parenting.evaluate([], sessionCount: 0)
        #expect(standing.rate == 0)
        #expect(!standing.isComplete)
    }

    @Test func aZeroShareRuleCompletesAnyoneEnrolled() {
        let participation = CompletionRule(minimumShare: 0, lateCountsAsPresent: true, excusedCounts: false)
        #expect(participation.evaluate([.absent], sessionCount: 1).isComplete)
    }
}

import Testing
@testable import TrainingCore

/// The waitlist rule on plain numbers: no database.
struct WaitlistRuleTests {
    @Test func newcomersTakeTheFreePlacesAndTheRestWait() {
        let rule = WaitlistRule(capacity: 20, enrolled: 18, waiting: 0, status: .planned)
        #expect(rule.placesForNewcomers(1) == 1)
        #expect(rule.placesForNewcomers(5) == 2)
    }

    @Test func nobodyJumpsTheWaitlistEvenWhereAPlaceIsFree() {
        let rule = WaitlistRule(capacity: 20, enrolled: 18, waiting: 3, status: .planned)
        #expect(rule.placesForNewcomers(1) == 0)
        #expect(rule.promotions == 2)
    }

    @Test func withoutALimitEveryoneIsEnrolledAndEveryoneWaitingMovesUp() {
        let rule = WaitlistRule(capacity: nil, enrolled: 300, waiting: 4, status: .planned)
        #expect(rule.placesForNewcomers(50) == 50)
        #expect(rule.promotions == 4)
    }

    @Test func aFullOrOverfullEventPromotesNobody() {
        #expect(WaitlistRule(capacity: 10, enrolled: 10, waiting: 2, status: .planned).promotions == 0)
        #expect(WaitlistRule(capacity: 10, enrolled: 12, waiting: 2, status: .planned).promotions == 0)
        #expect(WaitlistRule(capacity: 10, enrolled: 12, waiting: 0, status: .planned).placesForNewcomers(3) == 0)
    }

    @Test func aCancelledEventPromotesNobody() {
        #expect(WaitlistRule(capacity: 10, enrolled: 2, waiting: 2, status: .cancelled).promotions == 0)
    }
}

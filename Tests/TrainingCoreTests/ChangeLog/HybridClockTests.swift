import Foundation
import Testing
@testable import TrainingCore

@Suite struct HybridClockTests {
    let march25 = Date(timeIntervalSince1970: 1_553_472_000)

    @Test func aStampIsWrittenAndReadBack() throws {
        let stamp = HybridClock.Stamp(milliseconds: 1_553_472_000_000, counter: 3, site: "XO-URG1")
        #expect(stamp.description == "0169b2259000-0003-XO-URG1")
        #expect(HybridClock.Stamp(stamp.description) == stamp)
        #expect(HybridClock.Stamp("LOCAL-1234") == nil)
        #expect(HybridClock.Stamp("0169b3b5f40-0003-XO-URG1") == nil)
        #expect(HybridClock.Stamp("0169B3B5F400-0003-XO-URG1") == nil)
    }

    @Test func ticksFollowTheWallClockWhileItMovesOn() {
        var clock = HybridClock(site: "XO-URG1")
        let first = clock.tick(wall: march25)
        let second = clock.tick(wall: march25.addingTimeInterval(1))
        #expect(first.counter == 0 && second.counter == 0)
        #expect(second.milliseconds - first.milliseconds == 1000)
        #expect(first < second && first.description < second.description)
    }

    @Test func aWallClockThatGoesBackCannotReorderHistory() {
        // Given a clock that has seen a stamp from a site whose clock is an hour ahead
        var clock = HybridClock(site: "XO-URG1")
        _ = clock.tick(wall: march25)
        let ahead = HybridClock.Stamp(milliseconds: 1_553_475_600_000, counter: 7, site: "SA-SAM1")
        clock.receive(ahead)
        // When the laptop's own clock reads earlier, even a day earlier
        let next = clock.tick(wall: march25.addingTimeInterval(-86_400))
        let after = clock.tick(wall: march25)
        // Then its changes still come after what it saw, in the order they were made
        #expect(next > ahead && next.milliseconds == ahead.milliseconds && next.counter == 8)
        #expect(after > next)
        #expect(ahead.description < next.description && next.description < after.description)
    }

    @Test func anOlderStampReceivedChangesNothing() {
        var clock = HybridClock(site: "XO-URG1")
        let mine = clock.tick(wall: march25)
        clock.receive(HybridClock.Stamp(milliseconds: 1, counter: 0, site: "SA-SAM1"))
        #expect(clock.last == mine)
    }

    @Test func theCounterRollsIntoTheNextMillisecond() {
        var clock = HybridClock(site: "XO-URG1", last: HybridClock.Stamp(milliseconds: 5_000, counter: HybridClock.maximumCounter, site: "XO-URG1"))
        let stamp = clock.tick(wall: Date(timeIntervalSince1970: 1))
        #expect(stamp.milliseconds == 5_001 && stamp.counter == 0)
    }
}

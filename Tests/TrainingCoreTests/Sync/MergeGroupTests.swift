import Testing
@testable import TrainingCore

/// Which record a group of people merged into one another keeps, decided from the merges alone.
@Suite struct MergeGroupTests {
    private func merge(_ merged: String, into kept: String, at minute: Int, site: String = "XO-URG1") -> MergeGroup.Merge {
        MergeGroup.Merge(merged: merged, kept: kept, hlc: "\(1_778_000_000_000 + minute * 60_000)-0000-\(site)")
    }

    @Test func oneMergeKeepsTheRecordItKept() {
        let group = MergeGroup(merges: [merge("a", into: "b", at: 0)])
        #expect(group?.members == ["a", "b"])
        #expect(group?.record == "b")
        #expect(MergeGroup(merges: [MergeGroup.Merge]()) == nil)
    }

    @Test func oneRecordMergedIntoTwoOthersAtTwoSitesMakesThemOneUnderTheLaterChoice() {
        let merges = [merge("a", into: "c", at: 1, site: "SA-SAM1"), merge("a", into: "b", at: 0)]
        #expect(MergeGroup(merges: merges)?.record == "c")
        #expect(MergeGroup(merges: merges.reversed())?.record == "c")
    }

    @Test func twoSitesMergingAPairEachItsOwnWayKeepTheLaterMergesRecord() {
        let group = MergeGroup(merges: [merge("a", into: "b", at: 0), merge("b", into: "a", at: 5, site: "SA-SAM1")])
        #expect(group?.record == "a")
    }

    /// A site that had not heard of a merge merges one of its two records again: its choice came later and stands.
    @Test func aChainEndsOnTheLatestMergesRecordEvenWhenAnEarlierMergeTookItAway() {
        let group = MergeGroup(merges: [merge("a", into: "b", at: 0), merge("c", into: "a", at: 3, site: "SA-SAM1")])
        #expect(group?.members == ["a", "b", "c"])
        #expect(group?.record == "a")
    }

    @Test func everyOrderOfTheSameMergesDecidesAlike() {
        let merges = [merge("a", into: "b", at: 0), merge("c", into: "b", at: 2), merge("b", into: "d", at: 2, site: "TK-TSH1"),
                      merge("d", into: "a", at: 1, site: "SA-SAM1")]
        let records = Set((0..<24).map { permutation in
            var rest = merges, ordered: [MergeGroup.Merge] = [], index = permutation
            for radix in stride(from: 4, to: 0, by: -1) {
                ordered.append(rest.remove(at: index % radix))
                index /= radix
            }
            return MergeGroup(merges: ordered)?.record
        })
        // The two merges at minute 2 are two sites': the clock ends with the site, and XO-URG1's sorts later.
        #expect(records == ["b"])
    }

    @Test func mergesFallIntoTheirGroups() {
        let groups = MergeGroup.groups(of: [merge("a", into: "b", at: 0), merge("x", into: "y", at: 1), merge("b", into: "c", at: 2)])
        #expect(Set(groups.map(\.members)) == [["a", "b", "c"], ["x", "y"]])
        #expect(Set(groups.map(\.record)) == ["c", "y"])
    }

    @Test func theMergesConnectedToARecordAreFoundOneRecordAtATime() {
        let known = [merge("a", into: "b", at: 0), merge("c", into: "b", at: 1), merge("x", into: "y", at: 2)]
        var asked: [String] = []
        let found = MergeGroup.merges(connectedTo: "c") { uuid in
            asked.append(uuid)
            return known.filter { $0.merged == uuid || $0.kept == uuid }
        }
        #expect(Set(found) == Set(known.prefix(2)))
        #expect(Set(asked) == ["a", "b", "c"])
    }
}

import Foundation
import Testing
@testable import TrainingCore

@Suite struct ChangeChainTests {
    /// Three entries of one site, chained.
    func chain(site: String = "XO-URG1", count: Int = 3) -> [ChangeEntry] {
        var entries: [ChangeEntry] = []
        for number in 1...count {
            var entry = ChangeEntry(
                id: Int64(number), uuid: UUIDv7.make(), site: site, siteSequence: Int64(number),
                hlc: HybridClock.Stamp(milliseconds: Int64(number), counter: 0, site: site).description, actor: "dilnoza",
                operation: "markAttendance", detail: nil, subjects: #"{"events":["e"]}"#,
                rows: #"[{"kind":"insert","table":"attendance","uuid":"u","values":{"status":"present"}}]"#,
                previousHash: entries.last?.hash, hash: "")
            entry.hash = entry.computedHash
            entries.append(entry)
        }
        return entries
    }

    @Test func aWholeChainHasNoBreak() {
        #expect(ChangeChain.verify(chain() + chain(site: "SA-SAM1", count: 2), heads: ["XO-URG1": 3]).isEmpty)
    }

    @Test func theHashCoversEveryFieldButTheLocalID() {
        let entry = chain(count: 1)[0]
        var moved = entry
        moved.id = 99
        #expect(moved.computedHash == entry.hash)
        let edits: [(inout ChangeEntry) -> Void] = [
            { $0.actor = "someone" }, { $0.operation = "unenroll" }, { $0.detail = "x" }, { $0.hlc = "1" + $0.hlc.dropFirst() },
            { $0.rows = $0.rows.replacingOccurrences(of: "present", with: "absent") }, { $0.subjects = "{}" },
            { $0.site = "SA-SAM1" }, { $0.siteSequence = 2 }, { $0.previousHash = String(repeating: "0", count: 64) }, { $0.uuid = UUIDv7.make() },
        ]
        for edit in edits {
            var edited = entry
            edit(&edited)
            #expect(edited.computedHash != entry.hash)
        }
        #expect(entry.hash.count == 64)
    }

    /// The hash is fed field by field (``ChangeHash``): it must be the SHA-256 of the canonical text made whole,
    /// texts that need escaping and a missing detail and previous hash included.
    @Test func theHashIsTheCanonicalTextsHash() {
        var entries = chain(count: 2)
        entries[0].actor = "Dilnoza \"Oʻrinboyeva\"\n\u{2028}"
        entries[0].detail = "a\\b\tc"
        entries[1].operation = "enroll"
        for entry in entries {
            #expect(entry.computedHash == ChangeHash.of(text: entry.canonicalText))
        }
        #expect(entries[0].canonicalText.contains(#"\"Oʻrinboyeva\"\n\u2028"#))
    }

    @Test func anEditedEntryIsNamed() {
        var entries = chain()
        entries[1].rows = entries[1].rows.replacingOccurrences(of: "present", with: "absent")
        let breaks = ChangeChain.verify(entries)
        #expect(breaks == [ChangeChain.Break(site: "XO-URG1", sequence: 2, entryID: 2, kind: .edited)])
        #expect(breaks[0].description.contains("XO-URG1 #2 (entry 2)"))
    }

    @Test func aDeletedEntryIsNamed() {
        var entries = chain()
        entries.remove(at: 1)
        #expect(ChangeChain.verify(entries) == [ChangeChain.Break(site: "XO-URG1", sequence: 3, entryID: 3, kind: .missing(expected: 2))])
    }

    @Test func deletedLastEntriesAreFoundAgainstTheSiteHead() {
        let entries = Array(chain().prefix(2))
        #expect(ChangeChain.verify(entries).isEmpty)
        #expect(ChangeChain.verify(entries, heads: ["XO-URG1": 3]) == [ChangeChain.Break(site: "XO-URG1", sequence: 2, entryID: nil, kind: .truncated(head: 3))])
    }

    @Test func reorderedEntriesAreFound() {
        // Two entries swap places: each rewritten with the other's number (hash recomputed, as a careful forger would)
        var entries = chain()
        (entries[0].siteSequence, entries[1].siteSequence) = (2, 1)
        for index in [0, 1] { entries[index].hash = entries[index].computedHash }
        let breaks = ChangeChain.verify(entries)
        #expect(breaks.count == 1 && breaks[0].kind == .unlinked && breaks[0].sequence == 1)
    }
}

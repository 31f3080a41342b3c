import Foundation
import GRDB
import Testing
@testable import TrainingCore

/// `syncMerge` is kept where entries are stored (``ChangeEntry/indexMerges(_:)``), as the trigger on `change` kept
/// it before: the same condition on the entry's rows, the same rows indexed, the later clock kept.
struct SyncMergeIndexTests {
    @Test func theConditionIsTheTriggersByteForByte() throws {
        let texts = ["", "\"participantMerge\"", "[{\"table\":\"participantMerge\"}]", "participantMerge", "\"participantMerg",
                     "x\"participantMerge", "\"\"participantMerge\"", "Gʻulomjon \"participantMerge\"", "Ғуломжон \"participant\"",
                     "e\u{301}\"participantMerge\"\u{301}", "\"participantMerge\u{301}\"", "\"PARTICIPANTMERGE\""]
        let queue = try DatabaseQueue()
        try queue.read { db in
            for text in texts {
                let sqlite = try Bool.fetchOne(db, sql: #"SELECT instr(?, '"participantMerge"') > 0"#, arguments: [text])
                #expect(ChangeEntry.mayHoldMerges(text) == sqlite, "\(text)")
            }
        }
    }

    @Test func mergesAreIndexedAsTheTriggerDid() throws {
        let database = try AppDatabase(DatabaseQueue())
        try database.dbWriter.write { db in
            #expect(try !db.triggerExists("change_syncMerge"))
            func merge(_ merged: String?, _ kept: String, kind: String = "insert") -> String {
                #"{"kind":"\#(kind)","table":"participantMerge","uuid":"m-\#(merged ?? "none")","values":{"mergedParticipantUuid":\#(merged.map { "\"\($0)\"" } ?? "null"),"keptParticipantUuid":"\#(kept)"}}"#
            }
            func store(_ sequence: Int64, hlc: String, rows: [String]) throws {
                var entry = ChangeEntry(id: nil, uuid: "c\(sequence)", site: "XO-URG1", siteSequence: sequence, hlc: hlc, actor: "t",
                                        operation: "mergePeople", detail: nil, subjects: "{}", rows: "[\(rows.joined(separator: ","))]",
                                        previousHash: nil, hash: String(repeating: "0", count: 64))
                try entry.store(db)
            }
            // Given entries with merges: one kept, one deleted (not indexed), one naming no one merged (not indexed)
            try store(1, hlc: "0002", rows: [merge("a", "b"), merge("c", "d", kind: "delete"), merge(nil, "e")])
            // And the same merge again, earlier and later
            try store(2, hlc: "0001", rows: [merge("a", "b")])
            try store(3, hlc: "0003", rows: [#"{"kind":"insert","table":"participant","uuid":"p","values":{}}"#])
            let rows = try Row.fetchAll(db, sql: "SELECT mergedUuid, keptUuid, hlc FROM syncMerge ORDER BY mergedUuid")
            #expect(rows.map { [$0[0], $0[1], $0[2]] as [String] } == [["a", "b", "0002"]])
            try store(4, hlc: "0004", rows: [merge("a", "b")])
            #expect(try String.fetchOne(db, sql: "SELECT hlc FROM syncMerge WHERE mergedUuid = 'a'") == "0004")
        }
    }
}

import Foundation
import GRDB
import Testing
@testable import TrainingCore

/// The two forms of an entry's rows read alike: in Swift, in SQL through `changeRows`, and in the audit's counts.
@Suite struct ChangeRowsTests {
    static let compact = #"""
        {"columns":{"participant":["fullName","birthYear","weight","phone"],"attendance":["status"]},"rows":[["participant","insert","p-1","Oʻgʻiloy \"Toʻxtayeva\"",1984,61.5,null],["attendance","update","a-1","present"],["participant","delete","p-2","Гулнора",null,null,"+998"]]}
        """#
    static let listed = #"""
        [{"kind":"insert","table":"participant","uuid":"p-1","values":{"fullName":"Oʻgʻiloy \"Toʻxtayeva\"","birthYear":1984,"weight":61.5,"phone":null}},{"kind":"update","table":"attendance","uuid":"a-1","values":{"status":"present"}},{"kind":"delete","table":"participant","uuid":"p-2","values":{"fullName":"Гулнора","birthYear":null,"weight":null,"phone":"+998"}}]
        """#

    @Test func aCompactTextIsListedWithItsColumnsInOrder() {
        #expect(ChangeRows.listed(Self.compact) == Self.listed)
        #expect(ChangeRows.listed(Self.listed) == Self.listed)
        #expect(ChangeRows.listed("[]") == "[]")
        #expect(ChangeRows.listed(#"{"columns":{"t":["a","b","c"]},"rows":[["t","insert","u",2.0,-7,1e20]]}"#)
            == #"[{"kind":"insert","table":"t","uuid":"u","values":{"a":2.0,"b":-7,"c":1.0e+20}}]"#)
    }

    @Test func bothFormsReadAsTheSameRows() throws {
        let compact = try SyncBundleReader.rows(Self.compact)
        let listed = try SyncBundleReader.rows(Self.listed)
        #expect(compact.count == 3)
        let json = { (rows: [[String: Any]]) in try JSONSerialization.data(withJSONObject: rows, options: [.sortedKeys]) }
        #expect(try json(compact) == json(listed))
        #expect((compact[0]["values"] as? [String: Any])?["fullName"] as? String == #"Oʻgʻiloy "Toʻxtayeva""#)
    }

    @Test(arguments: [
        #"{"columns":{"attendance":["status"]},"rows":[["attendance","insert","a-1"]]}"#,
        #"{"columns":{"attendance":["status"]},"rows":[["session","insert","s-1","held"]]}"#,
        #"{"columns":{"attendance":["status"]},"rows":[["attendance","insert"]]}"#,
        #"{"rows":[]}"#,
        #"{"columns":{"attendance":["status"]},"rows":[["attendance","insert","a-1","present"]]} trailing"#,
    ])
    func aCompactTextThatDoesNotAddUpIsRefused(_ text: String) {
        #expect(throws: SyncBundleReader.Failure.self) { try SyncBundleReader.rows(text) }
        #expect(ChangeRows.listed(text) == text)
    }

    /// The readers written for the listed form, on an entry of each form.
    @Test func sqlReadsBothFormsThroughChangeRows() throws {
        let queue = try DatabaseQueue()
        let database = try AppDatabase(queue)
        _ = try Fixtures.people(["Rustam Aliyev"], in: database)
        try queue.write { db in
            _ = try ChangeRecorder(actor: ChangeRecorder.unknownActor).append(.outsideMalaka, detail: nil, subjects: "{}", rows: Self.listed, in: db)
        }
        let stored = try queue.read { try String.fetchAll($0, sql: "SELECT rows FROM change ORDER BY id DESC LIMIT 2") }.reversed()
        #expect(Array(stored).map(\.first) == ["{", "["])
        let names = try queue.read {
            try String.fetchAll($0, sql: """
                SELECT json_extract(r.value, '$.values.fullName') FROM change c, json_each(changeRows(c.rows)) r
                WHERE json_extract(r.value, '$.table') = 'participant' ORDER BY c.id, r.key
                """)
        }
        #expect(names == ["Rustam Aliyev", #"Oʻgʻiloy "Toʻxtayeva""#, "Гулнора"])

        // The audit counts the rows of both forms by table and kind, without rewriting them.
        let counts = try database.changeLog().suffix(2).map(\.rowCounts)
        #expect(counts == [["participant insert": 1], ["participant insert": 1, "attendance update": 1, "participant delete": 1]])
    }
}

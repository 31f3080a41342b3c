import CertificateVerification
import Foundation
import GRDB
import Testing
@testable import TrainingCore

/// A bundle's body written byte by byte reads back as the bundle `JSONEncoder` would write: the same
/// entries, texts that need escaping included, and the same envelope.
struct SyncBundleBodyTests {
    @Test func theBodyWrittenFromRowsDecodesToTheBundle() throws {
        // Given entries whose texts hold quotes, backslashes, line breaks, a control character and other scripts
        let entries = [
            ChangeEntry(id: nil, uuid: "0193a1b2-0000-7000-8000-000000000001", site: "XO-URG1", siteSequence: 1,
                        hlc: "2026-12-05T06:00:00.000Z-0000-XO-URG1", actor: "dilnoza", operation: "addPerson", detail: nil,
                        subjects: #"{"participants":["p1"]}"#,
                        rows: #"[{"kind":"insert","table":"participant","uuid":"p1","values":{"fullName":"Gʻulomjon \"Gʻulom\" Oʻrinboyev"}}]"#,
                        previousHash: nil, hash: "aa"),
            ChangeEntry(id: nil, uuid: "0193a1b2-0000-7000-8000-000000000002", site: "XO-URG1", siteSequence: 2,
                        hlc: "2026-12-05T06:00:01.000Z-0000-XO-URG1", actor: "web:aziz", operation: "correctName",
                        detail: "a\\b\nc\td\u{07}e/f Ғуломжон", subjects: "{}", rows: "[]", previousHash: "aa", hash: "bb"),
        ]
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE change (id INTEGER PRIMARY KEY, uuid, site, siteSequence, hlc, actor, operation, detail, subjects, rows,
                  previousHash, hash)
                """)
            for entry in entries { var entry = entry; try entry.insert(db) }
        }
        let bundle = SyncBundle(format: SyncBundle.formatVersion, programme: "Parenting Khorezm 2026", from: "XO-URG1", to: "SA-SAM1",
                                vector: ["XO-URG1": 2], created: "2026-12-05T06:00:02.000Z-0000-XO-URG1",
                                sites: [SiteCertificate(siteCode: "XO-URG1", programme: "default", publicKey: "AAAA", notBefore: "2026-12-04",
                                                        programmeKeyID: "0f", signature: "sig")],
                                siteRevocations: [], changes: [])

        // When the body is written from the rows
        let (body, count) = try queue.read { db in
            try SyncBundleBody.write(bundle, entries: Row.fetchCursor(db, sql: "SELECT \(SyncBundleBody.columns) FROM change ORDER BY id"))
        }

        // Then it holds every entry, and reads back as the bundle JSONEncoder writes
        #expect(count == 2)
        var expected = bundle
        expected.changes = entries
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let written = try JSONDecoder().decode(SyncBundle.self, from: body)
        let reference = try JSONDecoder().decode(SyncBundle.self, from: encoder.encode(expected))
        #expect(written.changes == reference.changes && written.changes == entries)
        #expect(written.sites == reference.sites && written.vector == reference.vector && written.created == reference.created)
        #expect(try JSONSerialization.jsonObject(with: body) as? NSDictionary == JSONSerialization.jsonObject(with: encoder.encode(expected)) as? NSDictionary)
        // and the import's reader finds the same bundle in it
        let read = try SyncBundleReader.read(body)
        #expect(read.changes == entries && read.sites == reference.sites && read.vector == reference.vector)
        #expect(read.programme == bundle.programme && read.from == bundle.from && read.to == bundle.to && read.format == bundle.format)
    }

    /// What the reader is given by another writer: keys in another order, spaces, escapes of every kind, a
    /// character beyond the first plane as two escapes, an unknown key; and what it refuses.
    @Test func theReaderTakesAnyJSONOfABundleAndRefusesTheRest() throws {
        let body = #"""
            { "vector" : {"XO-URG1": 1}, "to": "SA-SAM1", "sites": [], "siteRevocations": [], "programme": "P",
              "format": 1, "from": "XO-URG1", "created": "c",
              "changes": [ { "uuid": "u1", "siteSequence": 1, "site": "XO-URG1", "hlc": "h", "actor": "a\u0041\/\t",
                "operation": "addPerson", "detail": null, "subjects": "{}", "future": {"x": [1, "]"]},
                "rows": "[{\"values\":{\"fullName\":\"G\u02bbulom \ud83d\ude00\"}}]", "hash": "hh" } ] }
            """#
        let bundle = try SyncBundleReader.read(Data(body.utf8))
        #expect(bundle.vector == ["XO-URG1": 1] && bundle.created == "c")
        #expect(bundle.changes.count == 1)
        let entry = try #require(bundle.changes.first)
        #expect(entry.actor == "aA/\t" && entry.detail == nil && entry.previousHash == nil && entry.siteSequence == 1)
        #expect(entry.rows == #"[{"values":{"fullName":"Gʻulom 😀"}}]"#)
        // Equal to what JSONDecoder reads from the same bytes
        #expect(try JSONDecoder().decode(SyncBundle.self, from: Data(body.utf8)).changes == bundle.changes)

        for broken in [#"{"changes":[{"uuid":"u1"}]"#, #"{"changes":[{"uuid":"u1","siteSequence":1}]}"#, "[]",
                       #"{"changes":[],"format":1"#, #"{"changes":[{"actor":"a\x"}]}"#] {
            #expect(throws: (any Error).self) { try SyncBundleReader.read(Data(broken.utf8)) }
        }
    }

    /// An entry's rows read as JSONSerialization reads them: the applier tells numbers, texts and nulls apart.
    @Test func rowsReadAsFoundationReadsThem() throws {
        let rows = #"[{"kind":"insert","table":"participant","uuid":"p1","values":{"birthYear":1990,"fullName":"Gʻulom \"G\"","originSite":null,"score":2.5,"minus":-3}},{"kind":"delete","table":"attendance","uuid":"a1","values":null}]"#
        let read = try SyncBundleReader.rows(rows)
        let reference = try #require(try JSONSerialization.jsonObject(with: Data(rows.utf8)) as? [[String: Any]])
        #expect(read.count == 2)
        #expect(NSArray(array: read) == NSArray(array: reference))
        let values = try #require(read[0]["values"] as? [String: Any])
        #expect(values["birthYear"] as? NSNumber == 1990 && values["originSite"] is NSNull && values["fullName"] as? String == #"Gʻulom "G""#)
        #expect(String(cString: (values["score"] as! NSNumber).objCType) == "d" && (values["minus"] as! NSNumber).int64Value == -3)
        #expect(read[1]["values"] is NSNull)
        for broken in ["{}", "[1]", "[{\"a\":}]", "[{}] x"] {
            #expect(throws: (any Error).self) { try SyncBundleReader.rows(broken) }
        }
    }
}

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
    }
}

import Foundation
import GRDB
import Testing
@testable import TrainingCore

@Suite struct UUIDv7Tests {
    @Test func anIdentifierCarriesItsTimeVersionAndVariant() {
        let date = Date(timeIntervalSince1970: 1_553_472_000.123)
        let uuid = UUIDv7.make(now: date)
        #expect(UUIDv7.isValid(uuid), "\(uuid)")
        #expect(uuid.hasPrefix("0169b225-907b-7"))
        #expect(UUIDv7.milliseconds(in: uuid) == 1_553_472_000_123)
        #expect(UUIDv7.make(now: date) != uuid)
        #expect(!UUIDv7.isValid(UUID().uuidString.lowercased()))
        #expect(!UUIDv7.isValid(uuid.uppercased()))
    }

    @Test func laterIdentifiersSortAfterEarlierOnes() {
        let earlier = UUIDv7.make(now: Date(timeIntervalSince1970: 1_000))
        let later = UUIDv7.make(now: Date(timeIntervalSince1970: 1_001))
        #expect(earlier < later)
    }

    @Test func theSQLColumnDefaultWritesTheSameLayout() throws {
        // The rows' uuids come from SQL, the change log's from Swift: one layout, two makers.
        let queue = try DatabaseQueue()
        let uuids = try queue.read { db in
            try (0..<200).map { _ in try String.fetchOne(db, sql: "SELECT \(UUIDv7.sqlExpression(milliseconds: UUIDv7.sqlNow))")! }
        }
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        for uuid in uuids {
            #expect(UUIDv7.isValid(uuid), "\(uuid)")
            #expect(abs(UUIDv7.milliseconds(in: uuid)! - now) < 60_000)
        }
        #expect(Set(uuids).count == uuids.count)
        let old = try queue.read { db in
            try String.fetchOne(db, sql: "SELECT \(UUIDv7.sqlExpression(milliseconds: UUIDv7.sqlMilliseconds(ofDateColumn: "'2019-03-25 00:00:00.123'")))")!
        }
        #expect(UUIDv7.milliseconds(in: old) == 1_553_472_000_123)
    }
}

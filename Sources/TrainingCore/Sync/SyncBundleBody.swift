import Foundation
import GRDB

/// A bundle's JSON body, written byte by byte from the change table's rows.
///
/// A bundle of a hundred thousand operations is tens of megabytes, most of it the entries' rows, which
/// are JSON already and travel as strings. `JSONEncoder` took most of the export's time decoding the
/// entries as records and escaping those strings; here each entry goes from its database row to the
/// output once. The result is the JSON `JSONEncoder` would write for ``SyncBundle`` with sorted keys (the
/// same keys and values; a test decodes both and compares), which `importBundle` reads with ``SyncBundleReader``.
struct SyncBundleBody {
    private var bytes: [UInt8] = []

    /// The body of `bundle` with `entries` as its changes; `bundle.changes` is ignored.
    static func write(_ bundle: SyncBundle, entries: RowCursor) throws -> (body: Data, changes: Int) {
        var envelope = bundle
        envelope.changes = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // With sorted keys, `changes` comes first: the entries go between its brackets.
        let rest = Array(try encoder.encode(envelope))
        let opening = Array(#"{"changes":[]"#.utf8)
        precondition(rest.starts(with: opening), "a bundle's body no longer starts with its changes")
        var body = SyncBundleBody()
        body.bytes.reserveCapacity(1 << 20)
        body.append(#"{"changes":["#)
        var count = 0
        while let row = try entries.next() {
            if count > 0 { body.append(",") }
            try body.appendEntry(row)
            count += 1
        }
        body.append("]")
        body.bytes.append(contentsOf: rest[opening.count...])
        return (Data(body.bytes), count)
    }

    /// The columns of a `change` row the body carries, in the order of ``appendEntry(_:)``.
    static let columns = "actor, detail, hash, hlc, operation, previousHash, rows, site, siteSequence, subjects, uuid"

    /// One entry as ``ChangeEntry``'s `Codable` writes it, keys sorted, `id` and nil values left out.
    private mutating func appendEntry(_ row: Row) throws {
        append(#"{"actor":"#); appendString(row[0])
        if let detail = row[1] as String? { append(#","detail":"#); appendString(detail) }
        append(#","hash":"#); appendString(row[2])
        append(#","hlc":"#); appendString(row[3])
        append(#","operation":"#); appendString(row[4])
        if let previous = row[5] as String? { append(#","previousHash":"#); appendString(previous) }
        append(#","rows":"#); appendString(row[6])
        append(#","site":"#); appendString(row[7])
        append(#","siteSequence":"#); append(String(row[8] as Int64))
        append(#","subjects":"#); appendString(row[9])
        append(#","uuid":"#); appendString(row[10])
        append("}")
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// `text` as a JSON string: quotes, backslashes and control characters escaped, the rest as it is.
    private mutating func appendString(_ text: String) {
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case ..<0x20:
                bytes.append(contentsOf: Array(#"\u00"#.utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

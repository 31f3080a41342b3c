import Foundation

/// Identifiers made where a record is created: UUID version 7 (RFC 9562), as lowercase text.
///
/// The first 48 bits are the Unix time in milliseconds, then the version (7), 12 random bits, the
/// variant (binary 10) and 62 random bits, so identifiers made at two sites never collide and sort
/// roughly by when they were made. New rows get theirs from their table's column default, which
/// writes the same layout in SQL (``sqlExpression(milliseconds:)``), so a row inserted by any path,
/// the `sqlite3` shell included, has one.
///
/// For example:
/// ```swift
/// UUIDv7.make(now: Date(timeIntervalSince1970: 1_553_472_000))   // "0169b225-9000-7…"
/// ```
///
/// Related: <https://www.rfc-editor.org/rfc/rfc9562#name-uuid-version-7>
public enum UUIDv7 {
    /// A new identifier for a record made at `now`.
    public static func make(now: Date = Date()) -> String {
        var generator = SystemRandomNumberGenerator()
        return make(milliseconds: milliseconds(of: now), using: &generator)
    }

    /// A new identifier with the given timestamp and random bits from `generator`.
    public static func make<G: RandomNumberGenerator>(milliseconds: Int64, using generator: inout G) -> String {
        let time = UInt64(max(0, milliseconds)) & 0xFFFF_FFFF_FFFF
        let randomA = UInt64.random(in: 0...0xFFF, using: &generator)
        let randomB = UInt64.random(in: 0...0x3FFF, using: &generator)
        let randomC = UInt64.random(in: 0...0xFFFF_FFFF_FFFF, using: &generator)
        return hex(time >> 16, 8) + "-" + hex(time & 0xFFFF, 4) + "-" + hex(0x7000 | randomA, 4) + "-"
            + hex(0x8000 | randomB, 4) + "-" + hex(randomC, 12)
    }

    /// The Unix time in milliseconds an identifier was made at; nil for text that is not a UUIDv7.
    public static func milliseconds(in uuid: String) -> Int64? {
        guard isValid(uuid) else { return nil }
        let digits = uuid.replacingOccurrences(of: "-", with: "")
        return Int64(digits.prefix(12), radix: 16)
    }

    /// Whether `text` is a lowercase UUID of version 7 and the RFC variant.
    public static func isValid(_ text: String) -> Bool {
        let characters = Array(text.utf8)
        guard characters.count == 36 else { return false }
        for (index, character) in characters.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard character == UInt8(ascii: "-") else { return false }
            } else if !((UInt8(ascii: "0")...UInt8(ascii: "9")).contains(character) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(character)) {
                return false
            }
        }
        return characters[14] == UInt8(ascii: "7") && "89ab".utf8.contains(characters[19])
    }

    static func milliseconds(of date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// The same layout in SQL: `milliseconds` is an SQL expression for the Unix time in milliseconds.
    ///
    /// `random() & mask` keeps the low bits of a 64-bit random integer, negative ones included.
    static func sqlExpression(milliseconds: String) -> String {
        "printf('%08x-%04x-%04x-%04x-%012x', (\(milliseconds)) >> 16, (\(milliseconds)) & 65535, "
            + "28672 | (random() & 4095), 32768 | (random() & 16383), random() & 281474976710655)"
    }

    /// Now, in Unix milliseconds, in SQL; allowed in a column default.
    static let sqlNow = "CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER)"

    /// The Unix milliseconds of a date column (GRDB's `YYYY-MM-DD HH:MM:SS.SSS`), or now when it is null.
    static func sqlMilliseconds(ofDateColumn column: String) -> String {
        "CAST(round((coalesce(julianday(\(column)), julianday('now')) - 2440587.5) * 86400000) AS INTEGER)"
    }

    private static func hex(_ value: UInt64, _ width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

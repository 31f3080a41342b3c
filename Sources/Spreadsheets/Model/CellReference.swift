/// Parses A1-style references (`C7`, `$AA$12`, or a bare column `AB`) from UTF-8 bytes.
enum CellReference {
    /// The 1-based column and, if present, row of `bytes`; `nil` unless the reference is
    /// 1–3 letters then up to 7 digits, with optional `$` before each.
    static func parse(_ bytes: some Collection<UInt8>) -> (column: Int, row: Int?)? {
        var column = 0
        var letters = 0
        var row = 0
        var digits = 0
        var index = bytes.startIndex
        if index != bytes.endIndex && bytes[index] == UInt8(ascii: "$") { bytes.formIndex(after: &index) }
        while index != bytes.endIndex {
            var byte = bytes[index]
            if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") { byte -= 32 }
            guard byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") else { break }
            column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
            letters += 1
            bytes.formIndex(after: &index)
        }
        guard (1...3).contains(letters) else { return nil }
        if index != bytes.endIndex && bytes[index] == UInt8(ascii: "$") { bytes.formIndex(after: &index) }
        while index != bytes.endIndex {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"), digits < 7 else { return nil }
            row = row * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
            bytes.formIndex(after: &index)
        }
        if digits == 0 { return (column, nil) }
        return row >= 1 ? (column, row) : nil
    }
}

/// The one way the change log writes JSON it hashes: keys in order, no spaces, strings escaped the
/// same way on every machine.
enum CanonicalJSON {
    /// `text` as a JSON string literal; the line and paragraph separators escaped too, for JavaScript.
    static func string(_ text: String) -> String {
        // Most texts (uuids, clocks, names) need no escape: quoted as they are, without a scalar-by-scalar copy.
        if !needsEscaping(text) {
            return "\"" + text + "\""
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let digits = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Whether ``string(_:)`` escapes anything in `text` (or may: 0xE2 starts U+2028 and U+2029); if not, it
    /// quotes it as it is.
    static func needsEscaping(_ text: String) -> Bool {
        text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0xE2 })
    }

    static func optionalString(_ text: String?) -> String {
        text.map(string) ?? "null"
    }

    /// An array of strings, sorted: `["a","b"]`.
    static func array(_ values: [String]) -> String {
        // Into one string: a string for each value first cost an entry of a hundred thousand people more than its hash.
        var out = "["
        out.reserveCapacity(values.count * 40 + 2)
        for (position, value) in values.sorted().enumerated() {
            if position > 0 { out += "," }
            if needsEscaping(value) {
                out += string(value)
            } else {
                out += "\""
                out += value
                out += "\""
            }
        }
        return out + "]"
    }

    /// An object of string arrays, keys and values sorted: `{"events":["…"],"participants":["…"]}`.
    static func object(_ lists: [String: [String]]) -> String {
        "{" + lists.keys.sorted().map { key in
            string(key) + ":" + array(lists[key]!)
        }.joined(separator: ",") + "}"
    }
}

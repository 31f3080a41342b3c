/// The one way the change log writes JSON it hashes: keys in order, no spaces, strings escaped the
/// same way on every machine.
enum CanonicalJSON {
    /// `text` as a JSON string literal.
    static func string(_ text: String) -> String {
        var result = "\""
        result.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let digits = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    static func optionalString(_ text: String?) -> String {
        text.map(string) ?? "null"
    }

    /// An array of strings, sorted: `["a","b"]`.
    static func array(_ values: [String]) -> String {
        "[" + values.sorted().map(string).joined(separator: ",") + "]"
    }

    /// An object of string arrays, keys and values sorted: `{"events":["…"],"participants":["…"]}`.
    static func object(_ lists: [String: [String]]) -> String {
        "{" + lists.keys.sorted().map { key in
            string(key) + ":" + array(lists[key]!)
        }.joined(separator: ",") + "}"
    }
}

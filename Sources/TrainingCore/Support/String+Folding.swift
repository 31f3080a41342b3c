extension String {
    /// The text without leading and trailing white space (spaces, tabs, newlines, no-break spaces).
    func trimmingSpaces() -> String {
        // Most text starts and ends with a visible ASCII character: nothing to trim.
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }

    /// A key for finding a name however its apostrophes and letter case were typed.
    ///
    /// Uzbek Latin oʻ and gʻ are written with U+02BB, but people type ' ‘ ’ ` ʼ too,
    /// or nothing at all; the key drops every variant so all spellings meet.
    /// Runs of white space become one space.
    ///
    /// For example, `"Gʻulomjon  O'rinboyev".searchFolded()` is `"gulomjon orinboyev"`.
    public func searchFolded() -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        var pendingSpace = false
        for scalar in lowercased().unicodeScalars {
            if scalar.isApostropheLike { continue }
            if scalar == " " || (scalar.value >= 0x80 || scalar.value < 0x20) && scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.unicodeScalars.append(" ")
                pendingSpace = false
            }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

}

extension Unicode.Scalar {
    /// The apostrophe-like characters people use for the Uzbek oʻ and gʻ and for the tutuq belgisi.
    var isApostropheLike: Bool {
        switch value {
        case 0x27, 0x60, 0xB4, 0x2B9, 0x2BB, 0x2BC, 0x2018, 0x2019: true
        default: false
        }
    }
}

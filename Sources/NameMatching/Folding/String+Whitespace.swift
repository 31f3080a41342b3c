extension String {
    /// The string with leading and trailing whitespace removed and every
    /// inner run of whitespace made one space; returned as is, without
    /// copying, when it is already so.
    ///
    /// For example `"  Gulnora   Karimova ".collapsingWhitespace == "Gulnora Karimova"`.
    var collapsingWhitespace: String {
        var previousSpace = true
        var clean = true
        for byte in utf8 {
            if byte == 0x20 {
                if previousSpace { clean = false; break }
                previousSpace = true
            } else if byte < 0x20 || byte == 0xC2 || byte == 0xE2 || byte == 0xE3 {
                // Control characters and the lead bytes of non-ASCII spaces.
                clean = false
                break
            } else {
                previousSpace = false
            }
        }
        if clean && !previousSpace { return self }
        if clean && isEmpty { return self }
        return split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

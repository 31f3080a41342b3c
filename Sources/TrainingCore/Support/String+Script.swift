extension String {
    /// Whether more of the letters are Cyrillic than Latin (or any other script).
    var isMostlyCyrillic: Bool {
        var cyrillic = 0
        var latin = 0
        for scalar in unicodeScalars {
            if (0x400...0x4FF).contains(scalar.value) { cyrillic += 1 } else if scalar.properties.isAlphabetic { latin += 1 }
        }
        return cyrillic > latin
    }
}

/// Windows-1251 (Cyrillic) decoding straight into UTF-8 bytes.
///
/// Foundation on Linux knows this encoding too, but decoding here keeps the
/// offset of the one undefined byte (0x98) for the error message and skips a
/// round trip through `String`.
enum Windows1251 {
    /// The Unicode scalars of bytes 0x80–0xFF; 0 marks the undefined 0x98.
    static let upperHalf: [UInt16] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, // 80
        0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F, // 88
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, // 90
        0x0000, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F, // 98
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7, // A0
        0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407, // A8
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7, // B0
        0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457, // B8
    ] + (0x0410...0x044F).map { UInt16($0) }                            // C0–FF: А–я

    /// Where decoding stopped, if it did.
    enum Stop {
        case undefinedByte(offset: Int)
        case nul(offset: Int)
    }

    /// Appends the UTF-8 form of `bytes` to `output`, stopping at an undefined byte or a NUL.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Stop? {
        output.reserveCapacity(output.count + bytes.count * 2)
        for (offset, byte) in bytes.enumerated() {
            if byte < 0x80 {
                if byte == 0 { return .nul(offset: offset) }
                output.append(byte)
                continue
            }
            let scalar = upperHalf[Int(byte) - 0x80]
            if scalar == 0 { return .undefinedByte(offset: offset) }
            if scalar < 0x800 {
                output.append(0xC0 | UInt8(scalar >> 6))
                output.append(0x80 | UInt8(scalar & 0x3F))
            } else {
                output.append(0xE0 | UInt8(scalar >> 12))
                output.append(0x80 | UInt8((scalar >> 6) & 0x3F))
                output.append(0x80 | UInt8(scalar & 0x3F))
            }
        }
        return nil
    }

    /// Whether bytes that aren't UTF-8 read plausibly as Cyrillic text in Windows-1251.
    ///
    /// True when at least half of the bytes above 0x7F are Cyrillic letters. (An
    /// undefined 0x98 counts against, and decoding then reports where it is.)
    static func isPlausible(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var high = 0
        var letters = 0
        for byte in bytes where byte >= 0x80 {
            high += 1
            let scalar = upperHalf[Int(byte) - 0x80]
            if (0x0400...0x04FF).contains(scalar) { letters += 1 }
        }
        return high > 0 && letters * 2 >= high
    }
}

/// UTF-16 decoding straight into UTF-8 bytes, and a guess at the byte order of text without a BOM.
enum UTF16Decoder {
    /// Where decoding stopped, if it did.
    enum Stop {
        /// A surrogate without its pair.
        case unpairedSurrogate(offset: Int, unit: UInt16)
        /// An odd number of bytes.
        case truncated(offset: Int)
        case nul(offset: Int)
    }

    /// Appends the UTF-8 form of `bytes` to `output`, stopping at the first problem.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, bigEndian: Bool, into output: inout [UInt8]) -> Stop? {
        let count = bytes.count
        output.reserveCapacity(output.count + count + count / 2)
        func unit(at offset: Int) -> UInt16 {
            bigEndian
                ? UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
                : UInt16(bytes[offset + 1]) << 8 | UInt16(bytes[offset])
        }
        var offset = 0
        while offset + 1 < count {
            let first = unit(at: offset)
            var scalar = UInt32(first)
            var width = 2
            switch first {
            case 0:
                return .nul(offset: offset)
            case 0xD800...0xDBFF:
                guard offset + 3 < count else { return .unpairedSurrogate(offset: offset, unit: first) }
                let second = unit(at: offset + 2)
                guard (0xDC00...0xDFFF).contains(second) else {
                    return .unpairedSurrogate(offset: offset, unit: first)
                }
                scalar = 0x10000 + (UInt32(first - 0xD800) << 10) + UInt32(second - 0xDC00)
                width = 4
            case 0xDC00...0xDFFF:
                return .unpairedSurrogate(offset: offset, unit: first)
            default:
                break
            }
            appendUTF8(scalar, to: &output)
            offset += width
        }
        return offset < count ? .truncated(offset: offset) : nil
    }

    /// Guesses the byte order of BOM-less UTF-16 from where the zero high bytes of
    /// ASCII characters (and the 0x04 high bytes of Cyrillic) fall; `nil` if it doesn't look like UTF-16.
    ///
    /// Returns `true` for big-endian.
    static func guessByteOrder(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        let pairs = min(bytes.count, 8192) / 2
        guard pairs >= 1 else { return nil }
        var zerosAtEven = 0, zerosAtOdd = 0, highAtEven = 0, highAtOdd = 0
        for pair in 0..<pairs {
            let even = bytes[2 * pair], odd = bytes[2 * pair + 1]
            if even == 0 { zerosAtEven += 1 }
            if odd == 0 { zerosAtOdd += 1 }
            if even == 0 || even == 0x04 { highAtEven += 1 }
            if odd == 0 || odd == 0x04 { highAtOdd += 1 }
        }
        if zerosAtOdd > 0, highAtOdd * 2 >= pairs, zerosAtEven * 20 <= pairs { return false }
        if zerosAtEven > 0, highAtEven * 2 >= pairs, zerosAtOdd * 20 <= pairs { return true }
        return nil
    }

    private static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case ..<0x80:
            output.append(UInt8(scalar))
        case ..<0x800:
            output.append(0xC0 | UInt8(scalar >> 6))
            output.append(0x80 | UInt8(scalar & 0x3F))
        case ..<0x10000:
            output.append(0xE0 | UInt8(scalar >> 12))
            output.append(0x80 | UInt8((scalar >> 6) & 0x3F))
            output.append(0x80 | UInt8(scalar & 0x3F))
        default:
            output.append(0xF0 | UInt8(scalar >> 18))
            output.append(0x80 | UInt8((scalar >> 12) & 0x3F))
            output.append(0x80 | UInt8((scalar >> 6) & 0x3F))
            output.append(0x80 | UInt8(scalar & 0x3F))
        }
    }
}

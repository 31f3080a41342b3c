/// Checks that bytes are UTF-8 and finds the first invalid byte and the first NUL.
enum UTF8Validator {
    /// What a scan found.
    struct Scan {
        /// The offset of the first byte that isn't valid UTF-8, if any; the scan stops there.
        var firstInvalid: Int?
        /// The offset of the first NUL byte before `firstInvalid`, if any.
        var firstNUL: Int?
        /// How many valid multi-byte sequences came before `firstInvalid`.
        var multibyteSequences: Int
    }

    /// Scans `bytes`, eight ASCII bytes at a time where it can.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Scan {
        var scan = Scan(firstInvalid: nil, firstNUL: nil, multibyteSequences: 0)
        guard let base = bytes.baseAddress else { return scan }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        var index = 0
        while index < count {
            if index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let hasZero = (word &- ones) & ~word & highBits
                if word & highBits == 0 && hasZero == 0 {
                    index += 8
                    continue
                }
            }
            let lead = base[index]
            if lead < 0x80 {
                if lead == 0 && scan.firstNUL == nil { scan.firstNUL = index }
                index += 1
                continue
            }
            var length = 0
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: break
            }
            guard length > 0, index + length <= count, (low...high).contains(base[index + 1]) else {
                scan.firstInvalid = index
                return scan
            }
            for offset in 2..<length where base[index + offset] & 0xC0 != 0x80 {
                scan.firstInvalid = index
                return scan
            }
            scan.multibyteSequences += 1
            index += length
        }
        return scan
    }
}

/// Detects the encoding of CSV bytes and converts them to UTF-8.
///
/// Detection order: a byte-order mark (UTF-8, UTF-16LE, UTF-16BE); then the NUL
/// pattern of BOM-less UTF-16; then valid UTF-8; then, for bytes that are not
/// UTF-8 but read as Cyrillic, Windows-1251.
enum TextDecoder {
    /// Text converted to UTF-8, or as much of it as could be, and why it stopped.
    struct Decoded {
        /// The UTF-8 text; valid up to `problem.outputOffset` when there is a problem.
        var text: [UInt8]
        /// The encoding the bytes were read as.
        var encoding: TextEncoding
        /// The first problem, if any; the text after it is missing.
        var problem: Problem?
    }

    /// Why decoding stopped.
    struct Problem {
        enum Kind {
            /// A byte or sequence that is invalid in `encoding`.
            case invalid(detail: String)
            case nul
            /// The encoding was detected, the bytes are neither UTF-8 nor Windows-1251.
            case unknownEncoding(byte: UInt8)
        }

        var kind: Kind
        /// The offset of the offending byte in the file.
        var inputOffset: Int
        /// The offset in `Decoded.text` where the offending character would have gone.
        var outputOffset: Int
    }

    /// Decodes `bytes` as `forced`, or as the encoding they appear to be in.
    static func decode(_ bytes: [UInt8], forced: TextEncoding?) throws(SpreadsheetError) -> Decoded {
        try bytes.withUnsafeBufferPointer { (buffer) throws(SpreadsheetError) -> Decoded in
            try BinarySniffer.checkSignature(buffer)
            let encoding = try chooseEncoding(buffer, forced: forced)
            switch encoding {
            case .utf8:
                let bomLength = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
                return decodeUTF8(bytes, bomLength: bomLength, autodetect: forced == nil)
            case .utf16, .utf16LittleEndian, .utf16BigEndian:
                let bigEndian = encoding == .utf16BigEndian
                let hasBOM = buffer.starts(with: bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE])
                let bomLength = hasBOM ? 2 : 0
                var text: [UInt8] = []
                let stop = UTF16Decoder.decode(
                    UnsafeBufferPointer(rebasing: buffer[bomLength...]), bigEndian: bigEndian, into: &text)
                let name = bigEndian ? "UTF-16BE" : "UTF-16LE"
                let problem = stop.map { stop -> Problem in
                    switch stop {
                    case let .unpairedSurrogate(offset, unit):
                        let hex = String(unit, radix: 16, uppercase: true)
                        return Problem(kind: .invalid(detail: "The code unit 0x\(hex) is half of a \(name) surrogate pair without its other half."),
                                       inputOffset: offset + bomLength, outputOffset: text.count)
                    case let .truncated(offset):
                        return Problem(kind: .invalid(detail: "The file ends in the middle of a \(name) character; it may be truncated."),
                                       inputOffset: offset + bomLength, outputOffset: text.count)
                    case let .nul(offset):
                        return Problem(kind: .nul, inputOffset: offset + bomLength, outputOffset: text.count)
                    }
                }
                return Decoded(text: text, encoding: encoding, problem: problem)
            case .windows1251:
                return decodeWindows1251(buffer)
            }
        }
    }

    /// The encoding to read with: `forced` with a byte order filled in, or the detected one.
    private static func chooseEncoding(
        _ buffer: UnsafeBufferPointer<UInt8>, forced: TextEncoding?
    ) throws(SpreadsheetError) -> TextEncoding {
        let littleBOM = buffer.starts(with: [0xFF, 0xFE])
        let bigBOM = buffer.starts(with: [0xFE, 0xFF])
        switch forced {
        case .utf16?:
            if littleBOM { return .utf16LittleEndian }
            if bigBOM { return .utf16BigEndian }
            return UTF16Decoder.guessByteOrder(buffer) == true ? .utf16BigEndian : .utf16LittleEndian
        case let forced?:
            if forced == .utf8 || forced == .windows1251 { try BinarySniffer.checkControlBytes(buffer) }
            return forced
        case nil:
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8 }
            if littleBOM { return .utf16LittleEndian }
            if bigBOM { return .utf16BigEndian }
            if let bigEndian = UTF16Decoder.guessByteOrder(buffer) {
                return bigEndian ? .utf16BigEndian : .utf16LittleEndian
            }
            try BinarySniffer.checkControlBytes(buffer)
            return .utf8   // decodeUTF8 falls back to Windows-1251 when the bytes say so
        }
    }

    private static func decodeUTF8(_ bytes: [UInt8], bomLength: Int, autodetect: Bool) -> Decoded {
        let text = bomLength == 0 ? bytes : Array(bytes[bomLength...])
        let scan = text.withUnsafeBufferPointer { UTF8Validator.scan($0) }
        guard let invalid = scan.firstInvalid else {
            let problem = scan.firstNUL.map { Problem(kind: .nul, inputOffset: $0 + bomLength, outputOffset: $0) }
            return Decoded(text: text, encoding: .utf8, problem: problem)
        }
        // Cyrillic in Windows-1251 almost never makes valid UTF-8 sequences before the
        // first invalid byte, so text with some is damaged UTF-8, not Windows-1251.
        if autodetect, bomLength == 0, scan.multibyteSequences < 2,
           text.withUnsafeBufferPointer({ Windows1251.isPlausible($0) }) {
            return text.withUnsafeBufferPointer { decodeWindows1251($0) }
        }
        let byte = text[invalid]
        let kind: Problem.Kind = autodetect && bomLength == 0
            ? .unknownEncoding(byte: byte)
            : .invalid(detail: "The byte 0x\(hex(byte)) is not valid UTF-8, the encoding the file was read as.")
        let problem = Problem(kind: kind, inputOffset: invalid + bomLength, outputOffset: invalid)
        if let nul = scan.firstNUL, nul < invalid {
            return Decoded(text: text, encoding: .utf8,
                           problem: Problem(kind: .nul, inputOffset: nul + bomLength, outputOffset: nul))
        }
        return Decoded(text: text, encoding: .utf8, problem: problem)
    }

    private static func decodeWindows1251(_ buffer: UnsafeBufferPointer<UInt8>) -> Decoded {
        var text: [UInt8] = []
        let problem = Windows1251.decode(buffer, into: &text).map { stop -> Problem in
            switch stop {
            case let .undefinedByte(offset):
                Problem(kind: .invalid(detail: "The byte 0x98 has no meaning in Windows-1251, the encoding the file was read as."),
                        inputOffset: offset, outputOffset: text.count)
            case let .nul(offset):
                Problem(kind: .nul, inputOffset: offset, outputOffset: text.count)
            }
        }
        return Decoded(text: text, encoding: .windows1251, problem: problem)
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}

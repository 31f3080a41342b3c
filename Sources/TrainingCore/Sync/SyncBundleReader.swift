import Foundation

/// Reads a bundle's JSON body, its entries byte by byte and the small rest with `JSONDecoder`.
///
/// The entries of a bundle of a hundred thousand operations are tens of megabytes of short texts;
/// `JSONDecoder` spent an eighth of the import's time building them. Here each entry's fields are read
/// straight from the bytes; any other key of the body (the sender's vector, the site certificates) is cut
/// out as it is and decoded as before. Keys may come in any order; unknown keys are skipped, as
/// `JSONDecoder` skips them; anything that is not JSON of a bundle's shape is refused with ``Failure``.
struct SyncBundleReader {
    /// The body is not a bundle's JSON: the byte offset where reading stopped, and what was expected there.
    struct Failure: Error {
        var offset: Int
        var expected: String
    }

    /// The bytes read, where they lie: a reader lives only inside the `withUnsafeBytes` that lends them. A copy
    /// of a bundle's 80 MB into an array cost its page faults and a tenth of reading it (perf, session 7).
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    static func read(_ body: Data) throws -> SyncBundle {
        try body.withUnsafeBytes { raw in
            var reader = SyncBundleReader(raw.bindMemory(to: UInt8.self))
            return try reader.bundle()
        }
    }

    private mutating func bundle() throws -> SyncBundle {
        var changes: [ChangeEntry]?
        var rest: [UInt8] = Array("{".utf8)
        try expect(UInt8(ascii: "{"))
        try eachMember { reader, key in
            if key == "changes" {
                changes = try reader.entries()
            } else {
                let start = reader.position
                try reader.skipValue()
                if rest.count > 1 { rest.append(UInt8(ascii: ",")) }
                rest.append(contentsOf: Array(CanonicalJSON.string(key).utf8) + [UInt8(ascii: ":")])
                rest.append(contentsOf: reader.bytes[start..<reader.position])
            }
        }
        skipWhitespace()
        guard position == bytes.count else { throw Failure(offset: position, expected: "the end of the bundle") }
        // The entries are read already; a body without any is refused by the decoder, as before.
        if changes != nil { rest.append(contentsOf: Array(#","changes":[]"#.utf8).dropFirst(rest.count > 1 ? 0 : 1)) }
        rest.append(UInt8(ascii: "}"))
        var bundle = try JSONDecoder().decode(SyncBundle.self, from: Data(rest))
        bundle.changes = changes ?? []
        return bundle
    }

    private mutating func entries() throws -> [ChangeEntry] {
        var entries: [ChangeEntry] = []
        try expect(UInt8(ascii: "["))
        try eachElement { reader in entries.append(try reader.entry()) }
        return entries
    }

    /// One ``ChangeEntry`` as its `Codable` conformance writes it; `id` is local and never read.
    private mutating func entry() throws -> ChangeEntry {
        let start = position
        try expect(UInt8(ascii: "{"))
        // The fields in variables of their own, not a dictionary by key: a dictionary per entry cost its hashing.
        var uuid, site, hlc, actor, operation, detail, subjects, rows, previousHash, hash: String?
        var sequence: Int64?
        try eachMember { reader, key in
            switch key {
            case "siteSequence": sequence = try reader.integer()
            case "uuid": uuid = try reader.optionalString() ?? uuid
            case "site": site = try reader.optionalString() ?? site
            case "hlc": hlc = try reader.optionalString() ?? hlc
            case "actor": actor = try reader.optionalString() ?? actor
            case "operation": operation = try reader.optionalString() ?? operation
            case "detail": detail = try reader.optionalString() ?? detail
            case "subjects": subjects = try reader.optionalString() ?? subjects
            case "rows": rows = try reader.optionalString() ?? rows
            case "previousHash": previousHash = try reader.optionalString() ?? previousHash
            case "hash": hash = try reader.optionalString() ?? hash
            default: try reader.skipValue()
            }
        }
        func required(_ text: String?, _ key: String) throws -> String {
            guard let text else { throw Failure(offset: start, expected: "an entry with “\(key)”") }
            return text
        }
        guard let sequence else { throw Failure(offset: start, expected: "an entry with “siteSequence”") }
        return ChangeEntry(id: nil, uuid: try required(uuid, "uuid"), site: try required(site, "site"), siteSequence: sequence,
                           hlc: try required(hlc, "hlc"), actor: try required(actor, "actor"), operation: try required(operation, "operation"),
                           detail: detail, subjects: try required(subjects, "subjects"), rows: try required(rows, "rows"),
                           previousHash: previousHash, hash: try required(hash, "hash"))
    }

    /// Calls `element` for every value of the list whose `[` was just read, positioned on the value.
    private mutating func eachElement(_ element: (inout SyncBundleReader) throws -> Void) throws {
        skipWhitespace()
        if peek == UInt8(ascii: "]") { position += 1; return }
        while true {
            try element(&self)
            skipWhitespace()
            guard let next = peek else { throw Failure(offset: position, expected: "“,” or “]”") }
            position += 1
            if next == UInt8(ascii: "]") { return }
            guard next == UInt8(ascii: ",") else { throw Failure(offset: position - 1, expected: "“,” or “]”") }
        }
    }

    /// Calls `member` for every key of the object whose `{` was just read, positioned on the key's value.
    private mutating func eachMember(_ member: (inout SyncBundleReader, String) throws -> Void) throws {
        skipWhitespace()
        if peek == UInt8(ascii: "}") { position += 1; return }
        while true {
            skipWhitespace()
            guard let key = try optionalString() else { throw Failure(offset: position, expected: "a key") }
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            try member(&self, key)
            skipWhitespace()
            guard let next = peek else { throw Failure(offset: position, expected: "“,” or “}”") }
            position += 1
            if next == UInt8(ascii: "}") { return }
            guard next == UInt8(ascii: ",") else { throw Failure(offset: position - 1, expected: "“,” or “}”") }
        }
    }

    /// An entry's rows, of either form of ``ChangeRows``, as `JSONSerialization` reads the listed form (objects as
    /// `[String: Any]`, numbers as `NSNumber`, null as `NSNull`), for ``BundleApplier``: Foundation's reader took a
    /// seventh of an import's time.
    static func rows(_ text: String) throws -> [[String: Any]] {
        try ChangeRows.rows(from: json(text))
    }

    /// A whole text's JSON value, as `JSONSerialization` gives it.
    static func json(_ text: String) throws -> Any {
        var text = text
        // A native text's UTF-8 is read where it lies, not copied into an array first.
        let (value, end, count) = try text.withUTF8 { utf8 in
            var reader = SyncBundleReader(utf8)
            let value = try reader.value()
            reader.skipWhitespace()
            return (value, reader.position, utf8.count)
        }
        guard end == count else { throw Failure(offset: end, expected: "the end of the text") }
        return value
    }

    /// Any JSON value, as `JSONSerialization` gives it.
    private mutating func value() throws -> Any {
        skipWhitespace()
        guard let byte = peek else { throw Failure(offset: position, expected: "a value") }
        switch byte {
        case UInt8(ascii: "{"):
            position += 1
            var object: [String: Any] = [:]
            // A row has four keys and its values a dozen at most: grown once rather than three times.
            object.reserveCapacity(12)
            try eachMember { reader, key in object[key] = try reader.value() }
            return object
        case UInt8(ascii: "["):
            position += 1
            var array: [Any] = []
            try eachElement { reader in array.append(try reader.value()) }
            return array
        case UInt8(ascii: "\""), UInt8(ascii: "n"):
            return try optionalString() ?? NSNull()
        default:
            let start = position
            while let next = peek, !Self.delimiters.contains(next) { position += 1 }
            let word = String(decoding: bytes[start..<position], as: UTF8.self)
            if word == "true" || word == "false" { return NSNumber(value: word == "true") }
            if let integer = Int64(word) { return NSNumber(value: integer) }
            guard let number = Double(word), word.first.map({ $0 == "-" || $0.isNumber }) ?? false else {
                throw Failure(offset: start, expected: "a value")
            }
            return NSNumber(value: number)
        }
    }

    // MARK: Values

    private var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipWhitespace() {
        while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
    }

    private mutating func expect(_ byte: UInt8) throws {
        skipWhitespace()
        guard peek == byte else { throw Failure(offset: position, expected: "“\(Character(Unicode.Scalar(byte)))”") }
        position += 1
    }

    private mutating func integer() throws -> Int64 {
        let start = position
        if peek == UInt8(ascii: "-") { position += 1 }
        while let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { position += 1 }
        guard let value = Int64(String(decoding: bytes[start..<position], as: UTF8.self)) else {
            throw Failure(offset: start, expected: "a whole number")
        }
        return value
    }

    /// A JSON string, or nil for `null`.
    private mutating func optionalString() throws -> String? {
        if bytes[position...].starts(with: Self.null) {
            position += Self.null.count
            return nil
        }
        guard peek == UInt8(ascii: "\"") else { throw Failure(offset: position, expected: "a text in quotes") }
        position += 1
        let start = position
        // Most texts hold no escape: they are taken as they lie.
        while let byte = peek, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
            guard byte >= 0x20 else { throw Failure(offset: position, expected: "an escaped control character") }
            position += 1
        }
        guard let stop = peek else { throw Failure(offset: position, expected: "the end of a text") }
        if stop == UInt8(ascii: "\"") {
            position += 1
            return try Self.text(bytes[start..<(position - 1)], at: start)
        }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(2 * (position - start) + 64)
        unescaped.append(contentsOf: bytes[start..<position])
        while true {
            guard let byte = peek else { throw Failure(offset: position, expected: "the end of a text") }
            position += 1
            switch byte {
            case UInt8(ascii: "\""): return try Self.text(unescaped[...], at: start)
            case UInt8(ascii: "\\"): try unescape(into: &unescaped)
            case ..<0x20: throw Failure(offset: position - 1, expected: "an escaped control character")
            default:
                // The run of plain bytes up to the next quote, backslash or control character, copied at once:
                // an entry's rows are JSON in a JSON text, with an escape every few bytes.
                let run = position - 1
                while let next = peek, next != UInt8(ascii: "\""), next != UInt8(ascii: "\\"), next >= 0x20 { position += 1 }
                unescaped.append(contentsOf: bytes[run..<position])
            }
        }
    }

    /// The escape after a backslash, appended as UTF-8.
    private mutating func unescape(into out: inout [UInt8]) throws {
        guard let byte = peek else { throw Failure(offset: position, expected: "an escape") }
        position += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(byte)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "u"):
            var scalar = try hexQuad()
            if (0xD800..<0xDC00).contains(scalar) {
                // A character beyond the first plane comes as two escapes, high then low.
                guard bytes[position...].starts(with: Array(#"\u"#.utf8)) else { throw Failure(offset: position, expected: "a low surrogate") }
                position += 2
                let low = try hexQuad()
                guard (0xDC00..<0xE000).contains(low) else { throw Failure(offset: position - 4, expected: "a low surrogate") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let character = Unicode.Scalar(scalar) else { throw Failure(offset: position - 4, expected: "a character") }
            out.append(contentsOf: Array(String(Character(character)).utf8))
        default: throw Failure(offset: position - 1, expected: "an escape")
        }
    }

    private mutating func hexQuad() throws -> UInt32 {
        guard position + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[position..<(position + 4)], as: UTF8.self), radix: 16) else {
            throw Failure(offset: position, expected: "four hexadecimal digits")
        }
        position += 4
        return value
    }

    /// Steps over any JSON value, checking only that its brackets and quotes match.
    private mutating func skipValue() throws {
        var depth = 0
        repeat {
            skipWhitespace()
            guard let byte = peek else { throw Failure(offset: position, expected: "a value") }
            switch byte {
            case UInt8(ascii: "\""): _ = try optionalString()
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1; position += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard depth > 0 else { throw Failure(offset: position, expected: "a value") }
                depth -= 1; position += 1
            case UInt8(ascii: ","), UInt8(ascii: ":"):
                guard depth > 0 else { throw Failure(offset: position, expected: "a value") }
                position += 1
            default:
                // A number, true, false or null: up to the next delimiter.
                let start = position
                while let next = peek, !Self.delimiters.contains(next) { position += 1 }
                guard position > start else { throw Failure(offset: position, expected: "a value") }
            }
        } while depth > 0
    }

    private static let null = Array("null".utf8)
    private static let delimiters: Set<UInt8> = Set(",:{}[]\" \n\r\t".utf8)

    private static func text(_ slice: Slice<UnsafeBufferPointer<UInt8>>, at offset: Int) throws -> String {
        try text(UnsafeBufferPointer(rebasing: slice), at: offset)
    }

    private static func text(_ slice: ArraySlice<UInt8>, at offset: Int) throws -> String {
        try slice.withUnsafeBufferPointer { try text($0, at: offset) }
    }

    private static func text(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int) throws -> String {
        // ASCII (uuids, clocks, hashes, most rows) is UTF-8 as it is: read without the generic validation.
        if !buffer.contains(where: { $0 >= 0x80 }) { return String(decoding: buffer, as: UTF8.self) }
        guard let text = String(validating: buffer, as: UTF8.self) else { throw Failure(offset: offset, expected: "UTF-8 text") }
        return text
    }
}

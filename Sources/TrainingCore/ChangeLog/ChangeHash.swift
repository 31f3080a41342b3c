import Crypto

/// SHA-256 of a change entry's canonical text, fed in three parts: the fields before the rows, the rows from the
/// entry's own text, the fields after them. The rows of a large import are tens of megabytes and are never copied;
/// the small fields go in two buffers, not a dozen small updates, which cost an import's hashing more than SHA-256
/// itself (perf, session 7).
enum ChangeHash {
    static func of(_ entry: ChangeEntry) -> String {
        // ``ChangeEntry/canonicalText``'s bytes, in the same order: a test compares the two.
        var hasher = SHA256()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entry.subjects.utf8.count + entry.actor.utf8.count + 320)
        func feed(_ text: String) {
            bytes.append(contentsOf: text.utf8)
        }
        func feedString(_ text: String) {
            if CanonicalJSON.needsEscaping(text) {
                feed(CanonicalJSON.string(text))
            } else {
                bytes.append(UInt8(ascii: "\"")); feed(text); bytes.append(UInt8(ascii: "\""))
            }
        }
        func feedOptional(_ text: String?) {
            if let text { feedString(text) } else { feed("null") }
        }
        func hashFed() {
            bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
            bytes.removeAll(keepingCapacity: true)
        }
        feed("{\"actor\":"); feedString(entry.actor)
        feed(",\"detail\":"); feedOptional(entry.detail)
        feed(",\"hlc\":"); feedString(entry.hlc)
        feed(",\"operation\":"); feedString(entry.operation)
        feed(",\"previousHash\":"); feedOptional(entry.previousHash)
        feed(",\"rows\":")
        hashFed()
        var rows = entry.rows
        rows.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        feed(",\"site\":"); feedString(entry.site)
        feed(",\"siteSequence\":"); feed(String(entry.siteSequence))
        feed(",\"subjects\":"); feed(entry.subjects)
        feed(",\"uuid\":"); feedString(entry.uuid)
        feed("}")
        hashFed()
        return hasher.finalize().hexString
    }

    /// SHA-256 of a whole text, in hexadecimal: what ``of(_:)`` must give for the entry's ``ChangeEntry/canonicalText``.
    static func of(text: String) -> String {
        var text = text
        var hasher = SHA256()
        text.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        return hasher.finalize().hexString
    }
}

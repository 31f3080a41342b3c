import Crypto

/// SHA-256 of a change entry's canonical text, fed in pieces: the rows of a large import are tens
/// of megabytes and are hashed where they lie, never copied into one string.
enum ChangeHash {
    static func of(_ entry: ChangeEntry) -> String {
        var hasher = SHA256()
        // ``ChangeEntry/canonicalText`` fed field by field, without the text made whole: the same bytes, in the
        // same order (a test compares the two), at every entry of an import.
        func feed(_ text: String) {
            var text = text
            text.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        }
        func feedString(_ text: String) {
            if CanonicalJSON.needsEscaping(text) {
                feed(CanonicalJSON.string(text))
            } else {
                feed("\""); feed(text); feed("\"")
            }
        }
        func feedOptional(_ text: String?) {
            if let text { feedString(text) } else { feed("null") }
        }
        feed("{\"actor\":"); feedString(entry.actor)
        feed(",\"detail\":"); feedOptional(entry.detail)
        feed(",\"hlc\":"); feedString(entry.hlc)
        feed(",\"operation\":"); feedString(entry.operation)
        feed(",\"previousHash\":"); feedOptional(entry.previousHash)
        feed(",\"rows\":"); feed(entry.rows)
        feed(",\"site\":"); feedString(entry.site)
        feed(",\"siteSequence\":"); feed(String(entry.siteSequence))
        feed(",\"subjects\":"); feed(entry.subjects)
        feed(",\"uuid\":"); feedString(entry.uuid)
        feed("}")
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

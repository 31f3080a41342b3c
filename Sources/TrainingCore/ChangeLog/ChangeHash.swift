import Crypto

/// SHA-256 of a change entry's canonical text, fed in pieces: the rows of a large import are tens
/// of megabytes and are hashed where they lie, never copied into one string.
enum ChangeHash {
    static func of(_ entry: ChangeEntry) -> String {
        var hasher = SHA256()
        let (head, tail) = entry.canonicalTextAroundRows
        for piece in [head, entry.rows, tail] {
            var piece = piece
            piece.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        }
        return hasher.finalize().hexString
    }
}

import Foundation

/// Programme signatures over site credentials already found valid in this process: every bundle carries the
/// programme's site certificates again, and checking each one's Ed25519 signature at every import and export
/// cost more than the rest of a small exchange. A signature is remembered with the exact key and bytes it was
/// checked against, so only the same statement, signed the same way, is let through without checking again.
final class VerifiedSignatures: @unchecked Sendable {
    static let shared = VerifiedSignatures()

    private struct Statement: Hashable {
        var key: Data
        var signature: Data
        var bytes: Data
    }

    private let lock = NSLock()
    private var known: Set<Statement> = []

    /// Whether `signature` by `key` is of `bytes`, checked once per process.
    func isValid(_ signature: Data, of bytes: Data, by key: PublicSigningKey) -> Bool {
        let statement = Statement(key: key.publicKey.rawRepresentation, signature: signature, bytes: bytes)
        if lock.withLock({ known.contains(statement) }) { return true }
        guard key.publicKey.isValidSignature(signature, for: bytes) else { return false }
        lock.withLock {
            // A bound, for a long-running server: the statements of a programme are few.
            if known.count >= 10_000 { known.removeAll() }
            known.insert(statement)
        }
        return true
    }
}

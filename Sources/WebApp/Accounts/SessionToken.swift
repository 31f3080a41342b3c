import Crypto
import Foundation
import TrainingCore

/// The random values of a signed-in session: the cookie's token (of which the database keeps only a
/// SHA-256 hash) and the anti-forgery token its forms carry.
enum SessionToken {
    /// 32 random bytes as 64 hexadecimal digits: a valid cookie value, hard to guess.
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }

    /// Whether a value could be a token this server made: 64 lowercase hexadecimal digits.
    static func isWellFormed(_ value: String) -> Bool {
        value.utf8.count == 64 && value.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).hexString
    }

    /// Compares two tokens in a time that does not depend on where they first differ.
    static func matches(_ given: String, _ expected: String) -> Bool {
        let a = Array(given.utf8)
        let b = Array(expected.utf8)
        guard a.count == b.count, !a.isEmpty else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

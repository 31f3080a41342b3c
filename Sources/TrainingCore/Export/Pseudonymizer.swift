import Crypto
import Foundation
import NameMatching

/// Replaces people's names and phone numbers with stable codes for sharing outside the programme.
///
/// A person's code is an HMAC-SHA256 of their participant number under the
/// database's own secret (kept in its `meta` table, never exported), so it is the
/// same in every export of that database and cannot be traced back without it.
/// A phone's code is the HMAC of its national number, so one phone shared by two
/// records gets one code.
///
/// For example, participant 12 might become `P-4F1C09A2B7D3` and `+998 90 123 45 67` `T-9B02E4C1D8F0`.
struct Pseudonymizer: Sendable {
    private let key: SymmetricKey

    init(secret: String) {
        key = SymmetricKey(data: Data(secret.utf8))
    }

    func personCode(_ participantID: Int64) -> String {
        "P-" + code("participant:\(participantID)")
    }

    func phoneCode(_ phone: String) -> String {
        let number = PhoneNumber(phone)?.nationalNumber ?? phone.filter(\.isNumber)
        return "T-" + code("phone:\(number)")
    }

    /// The first 48 bits of the HMAC in hex: no two of a million people share a code, in all likelihood.
    private func code(_ message: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: key)
        return mac.prefix(6).map { String(format: "%02X", $0) }.joined()
    }
}

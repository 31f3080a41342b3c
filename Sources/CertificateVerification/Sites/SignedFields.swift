import Foundation

/// The exact bytes a programme signs for a list of text fields: a JSON array, so that no field's
/// content (a newline in an organisation's name) can shift another field.
enum SignedFields {
    static func bytes(_ fields: [String]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return try encoder.encode(fields)
    }

    /// The programme key (never a site key) with id `keyID` whose signature `signature` (Base64) is of `bytes`;
    /// `what` names the signed statement in the error.
    static func programmeKey(_ keyID: String, signed signature: String, over bytes: Data, among keys: [PublicSigningKey],
                             what: String) throws -> PublicSigningKey {
        guard let key = keys.first(where: { $0.idHex == keyID && $0.siteCode == nil }) else {
            throw VerificationError.data("\(what) was signed with key \(keyID), which is not among the programme's public keys given.",
                                         remedy: .exportPublicKeys)
        }
        guard let signature = Data(base64Encoded: signature), VerifiedSignatures.shared.isValid(signature, of: bytes, by: key) else {
            throw VerificationError.data("\(what) does not match its signature: it was altered after the programme signed it.",
                                         remedy: .exportPublicKeys)
        }
        return key
    }
}

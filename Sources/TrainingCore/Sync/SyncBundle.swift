import CertificateVerification
import Foundation

/// What one site sends another: the changes the receiver has not acknowledged, with what the sender holds
/// and the programme's word for the site keys it knows.
///
/// On disk a bundle is one line naming the format, the sending site's key and its Ed25519 signature of
/// the rest, then the body as JSON (see ``SealedBundle``): one byte changed anywhere and it is refused.
public struct SyncBundle: Codable, Sendable {
    /// The body's format; a bundle of a later format is refused, never half-understood. Format 2 may carry entries
    /// whose rows are in the compact form of ``ChangeRows``.
    public static let formatVersion = 2

    public var format: Int
    /// The programme the sending site joined; a bundle of another programme is refused.
    public var programme: String
    /// The sending site's code.
    public var from: String
    /// The site the bundle was written for.
    public var to: String
    /// For every origin site, the highest sequence the sender holds with none missing before it.
    public var vector: [String: Int64]
    /// The sender's hybrid clock when it wrote the bundle.
    public var created: String
    /// Site certificates and revocations the sender holds, so that the receiver learns of new sites.
    public var sites: [SiteCertificate]
    public var siteRevocations: [SiteKeyRevocation]
    /// Whole change-log entries of any origin, in hybrid-clock order.
    public var changes: [ChangeEntry]
}

/// The bytes of a bundle file: `MALAKA-BUNDLE <format> <key id> <signature>` on the first line, then the body.
struct SealedBundle {
    static let magic = "MALAKA-BUNDLE"

    var format: Int
    var keyID: String
    var signature: Data
    /// The bytes after the first line, as a slice of the file's (its indices do not start at 0).
    var body: Data

    /// The file's bytes, signed with the sending site's key.
    static func seal(_ body: Data, with key: SigningKey) throws -> Data {
        let signature = try key.detachedSignature(of: body)
        return Data("\(magic) \(SyncBundle.formatVersion) \(key.publicKey.idHex) \(signature.base64EncodedString())\n".utf8) + body
    }

    /// Reads the first line; refuses a file that is not a bundle, or one of a newer format.
    static func open(_ data: Data, source: String) throws -> SealedBundle {
        let notABundle = MalakaError(.data, .refusedBundle, "\(source) is not a Malaka exchange bundle: its first line is not \(magic). Nothing was changed.")
        guard let newline = data.firstIndex(of: 0x0A), let header = String(data: data[data.startIndex..<newline], encoding: .utf8) else {
            throw notABundle
        }
        let parts = header.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == magic, let format = Int(parts[1]) else { throw notABundle }
        guard format <= SyncBundle.formatVersion else {
            throw MalakaError(.data, .refusedBundle, "\(source) was written by a newer Malaka (bundle format \(format); this one reads \(SyncBundle.formatVersion)). Nothing was changed.",
                              remedy: .updateMalaka)
        }
        guard let signature = Data(base64Encoded: String(parts[3])), signature.count == 64 else {
            throw MalakaError(.data, .refusedBundle, "\(source): its signature line was altered. Nothing was changed.", remedy: .askForBundleAgain)
        }
        // The body shares the file's bytes (a slice, not a copy of tens of megabytes).
        return SealedBundle(format: format, keyID: String(parts[2]), signature: signature, body: data[(newline + 1)...])
    }
}

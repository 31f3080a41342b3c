import CertificateVerification
import Foundation

/// Reads a site's public key as it is handed over: the raw 32 bytes in Base64 (as Malaka writes
/// keys), or a PEM `PUBLIC KEY` block (an Ed25519 SubjectPublicKeyInfo, as OpenSSL writes it).
enum SitePublicKey {
    /// The DER prefix of an Ed25519 SubjectPublicKeyInfo, before the 32 key bytes (RFC 8410).
    private static let ed25519Prefix: [UInt8] = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00]

    /// The key in Base64 of its raw bytes; nil when `text` is neither form of an Ed25519 public key.
    static func base64(from text: String) -> String? {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        var body = lines.filter { !$0.isEmpty && !$0.hasPrefix("-----") }.joined()
        if lines.contains(where: { $0.hasPrefix("-----BEGIN") }) {
            guard let der = Data(base64Encoded: body), der.count == ed25519Prefix.count + 32,
                  Array(der.prefix(ed25519Prefix.count)) == ed25519Prefix
            else { return nil }
            body = der.suffix(32).base64EncodedString()
        }
        return (try? PublicSigningKey(base64: body))?.base64
    }
}

import Foundation

/// The verification page: one HTML file that checks certificates in a browser with nothing installed.
///
/// The issuers' public keys (current and retired), the latest signed revocation list and the
/// course titles are written inside it as JSON; it loads nothing from the network. A QR code
/// carrying `ADDRESS#TOKEN` opens it and checks the token after `#`, which a browser never
/// sends to a server.
///
/// For example:
/// ```swift
/// let html = try VerifierPage(keys: file.keys, revocations: list, courseTitles: ["PS-PARENTING": ["en": "Parenting skills"]]).html()
/// ```
public struct VerifierPage: Sendable {
    public var keys: [PublicKeysFile.Entry]
    public var revocations: RevocationList?
    /// Course code → language tag → title, for the course line of a verdict.
    public var courseTitles: [String: [String: String]]

    public init(keys: [PublicKeysFile.Entry], revocations: RevocationList?, courseTitles: [String: [String: String]]) {
        self.keys = keys
        self.revocations = revocations
        self.courseTitles = courseTitles
    }

    /// The page, or an error when the revocation list does not verify with the keys: a page never carries a list it cannot vouch for.
    public func html() throws -> String {
        if let revocations {
            _ = try revocations.verify(with: keys.map { try $0.publicSigningKey() })
        }
        guard let url = Bundle.module.url(forResource: "verifier-page", withExtension: "html"),
              let template = try? String(contentsOf: url, encoding: .utf8)
        else {
            throw VerificationError.io("The verification page's template is missing from this installation.")
        }
        return template.replacingOccurrences(of: "/*MALAKA-DATA*/", with: try embeddedJSON())
    }

    /// The page's data as JSON that cannot end its `<script>` element early.
    private func embeddedJSON() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = PageData(keys: keys, revocations: revocations.map(PageData.List.init), courses: courseTitles)
        return String(decoding: try encoder.encode(data), as: UTF8.self)
            .replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: "\u{2028}", with: "\\u2028")
            .replacingOccurrences(of: "\u{2029}", with: "\\u2029")
    }
}

import Foundation

extension CertificateToken {
    /// Whether a name, as read off the certificate or typed by a checker, is the one signed.
    ///
    /// Apostrophes count as one letter however they are written: a certificate signed for
    /// “Gʻaniyeva” (or, before names were standardised, for “G`aniyeva”) matches “G'aniyeva”,
    /// “G‘aniyeva” and “G’aniyeva” alike. This module links nothing but Foundation and
    /// swift-crypto, so it keeps its own short list of the apostrophes people type.
    public func matches(name: String) -> Bool {
        let typed = name.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        if let printedName {
            return Self.foldingApostrophes(typed) == Self.foldingApostrophes(printedName)
        }
        // Version 1 carries only a hash: try the name with each apostrophe written every way at once.
        if CertificateToken.nameHash(typed) == nameHash { return true }
        guard typed.unicodeScalars.contains(where: Self.apostrophes.contains) else { return false }
        return Self.apostrophes.contains { variant in
            let respelled = String(String.UnicodeScalarView(typed.unicodeScalars.map { Self.apostrophes.contains($0) ? variant : $0 }))
            return CertificateToken.nameHash(respelled) == nameHash
        }
    }

    /// ʻ ʼ ' ` ‘ ’ ´ ′: the Uzbek letters U+02BB and U+02BC and what is typed for them.
    static let apostrophes: [Unicode.Scalar] = ["\u{02BB}", "\u{02BC}", "'", "`", "\u{2018}", "\u{2019}", "\u{00B4}", "\u{2032}"]

    private static func foldingApostrophes(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { apostrophes.contains($0) ? "'" : $0 }))
    }
}

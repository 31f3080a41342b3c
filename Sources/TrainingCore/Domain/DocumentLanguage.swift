import Foundation

/// A language certificates, titles and reports are written in.
public enum DocumentLanguage: String, CaseIterable, Codable, Sendable, Comparable {
    case uzbekLatin = "uz-Latn"
    case uzbekCyrillic = "uz-Cyrl"
    case kyrgyz = "ky"
    case russian = "ru"
    case english = "en"

    /// Accepts the BCP 47 tag in any case, and the bare `uz` as Uzbek Latin, the official script.
    public init(parsing text: String) throws {
        let lowered = text.trimmingSpaces().lowercased().replacingOccurrences(of: "_", with: "-")
        if lowered == "uz" { self = .uzbekLatin; return }
        guard let language = DocumentLanguage.allCases.first(where: { $0.rawValue.lowercased() == lowered }) else {
            throw MalakaError.data("“\(text)” is not a supported language. Use one of: \(DocumentLanguage.allTags).")
        }
        self = language
    }

    public static let allTags = allCases.map(\.rawValue).joined(separator: ", ")

    /// The order used when a title is missing in the language asked for.
    static let displayPreference: [DocumentLanguage] = [.english, .russian, .uzbekLatin, .uzbekCyrillic, .kyrgyz]

    public static func < (lhs: DocumentLanguage, rhs: DocumentLanguage) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

import Foundation

/// Fits a template's neutral wording to the recorded sex where the language has grammatical gender.
///
/// Russian templates write the feminine ending in brackets, `принял(а)`, `завершил(а)`: a man gets
/// `принял`, a woman `приняла`, and a person whose sex is not recorded keeps the neutral `принял(а)`.
/// The other languages of the programme have no grammatical gender, so their text is left as it is.
///
/// For example:
/// ```swift
/// GenderedWording.fit("принял(а) участие", sex: .female, language: .russian)   // "приняла участие"
/// GenderedWording.fit("принял(а) участие", sex: nil, language: .russian)       // "принял(а) участие"
/// ```
public enum GenderedWording {
    private static let ending = try! NSRegularExpression(pattern: #"(\p{L})\((\p{L}{1,3})\)"#)

    public static func fit(_ text: String, sex: Sex?, language: DocumentLanguage) -> String {
        guard language == .russian, let sex, text.contains("(") else { return text }
        let template = sex == .female ? "$1$2" : "$1"
        return ending.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }
}

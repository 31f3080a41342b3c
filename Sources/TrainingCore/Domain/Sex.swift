import Foundation

/// A participant's sex as recorded on the sign-in sheet, for disaggregated reports.
public enum Sex: String, CaseIterable, Codable, Sendable {
    case female
    case male

    /// Accepts the words people write on sheets in the five languages: `f`, `ayol`, `ж`, `аял`, `male`, `erkak`, `м`, `эркек`…
    public init(parsing text: String) throws {
        guard let sex = Sex.words[text.searchFolded().trimmingCharacters(in: .punctuationCharacters)] else {
            throw MalakaError(.data, .unrecognisedSex, "“\(text)” is not a sex we recognise. Write female or male (also f/m, ayol/erkak, ж/м).")
        }
        self = sex
    }

    private static let words: [String: Sex] = {
        var words: [String: Sex] = [:]
        for word in ["f", "female", "woman", "ayol", "аёл", "ж", "жен", "женский", "женщина", "аял",
                     "w", "a", "ayol kishi", "xotin-qiz", "қиз", "qiz", "кыз", "аял киши", "ж.", "жен."] {
            words[word] = .female
        }
        for word in ["m", "male", "man", "erkak", "эркак", "м", "муж", "мужской", "мужчина", "эркек",
                     "e", "erkak kishi", "эркек киши", "муж."] {
            words[word] = .male
        }
        return words
    }()
}

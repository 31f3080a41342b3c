import Foundation

/// Who a participant is in the programme, for reports disaggregated by category.
public enum ParticipantCategory: String, CaseIterable, Codable, Sendable {
    case parent
    case ngoStaff = "ngo-staff"
    case civilServant = "civil-servant"
    case specialist
    case teacher
    case youth
    case other

    /// Accepts the code (`ngo-staff`) and common words in the five languages (`ota-ona`, `родитель`, `мугалим`…).
    public init(parsing text: String) throws {
        let key = text.searchFolded().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
        if let category = ParticipantCategory(rawValue: key) ?? ParticipantCategory.words[text.searchFolded()] {
            self = category
            return
        }
        throw MalakaError.data("“\(text)” is not a participant category. Use one of: \(ParticipantCategory.allCases.map(\.rawValue).joined(separator: ", ")).")
    }

    private static let words: [String: ParticipantCategory] = [
        "ota-ona": .parent, "ota ona": .parent, "ota": .parent, "ona": .parent, "ота-она": .parent, "родитель": .parent,
        "родители": .parent, "ата-эне": .parent, "ngo": .ngoStaff, "ngo staff": .ngoStaff, "nnt": .ngoStaff,
        "нко": .ngoStaff, "ннт": .ngoStaff, "davlat xizmatchisi": .civilServant, "госслужащий": .civilServant,
        "civil servant": .civilServant, "mutaxassis": .specialist, "специалист": .specialist, "адис": .specialist,
        "oʻqituvchi": .teacher, "oqituvchi": .teacher, "учитель": .teacher, "педагог": .teacher, "мугалим": .teacher,
        "yoshlar": .youth, "молодёжь": .youth, "молодежь": .youth, "жаштар": .youth, "boshqa": .other, "другое": .other,
        // More of the words found on sign-in sheets.
        "parent": .parent, "mother": .parent, "father": .parent, "caregiver": .parent, "мать": .parent, "отец": .parent, "она": .parent, "ота": .parent,
        "эне": .parent, "ата": .parent, "vasiy": .parent, "опекун": .parent,
        "ngo-xodimi": .ngoStaff, "nnt xodimi": .ngoStaff, "сотрудник нко": .ngoStaff, "нпо": .ngoStaff,
        "коммерциялык эмес уюм": .ngoStaff, "кеу": .ngoStaff, "ngo staff member": .ngoStaff,
        "davlat xizmatchi": .civilServant, "давлат хизматчиси": .civilServant, "госслужащая": .civilServant,
        "государственный служащий": .civilServant, "мамлекеттик кызматкер": .civilServant, "hokimlik": .civilServant,
        "хокимият": .civilServant, "хокимият ходими": .civilServant, "айыл өкмөтү": .civilServant,
        "mutaxassislar": .specialist, "мутахассис": .specialist, "social worker": .specialist,
        "ijtimoiy xodim": .specialist, "социальный работник": .specialist, "соцработник": .specialist,
        "психолог": .specialist, "psixolog": .specialist, "specialist": .specialist,
        "ўқитувчи": .teacher, "teacher": .teacher, "тарбиячи": .teacher, "tarbiyachi": .teacher, "воспитатель": .teacher,
        "youth": .youth, "yosh": .youth, "talaba": .youth, "студент": .youth, "студентка": .youth,
        "ёшлар": .youth, "other": .other, "башка": .other, "бошқа": .other,
    ]
}

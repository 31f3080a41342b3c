/// The words a sign-in sheet prints, in each of the five languages.
///
/// The column headers are ones the attendance import recognises (`Id`, `F.I.Sh.`, `Imzo`…), so a
/// filled-in sheet imports back as it is.
public struct SignInSheetWords: Sendable {
    public var title: String
    public var number: String
    public var id: String
    public var name: String
    public var signature: String
    public var trainers: String
    public var legend: String

    public static func words(in language: DocumentLanguage) -> SignInSheetWords {
        switch language {
        case .uzbekLatin:
            SignInSheetWords(title: "Davomat varaqasi", number: "№", id: "Id", name: "F.I.Sh.", signature: "Imzo",
                             trainers: "Trenerlar", legend: "Har bir kun katagiga imzo qoʻying. Trener: + keldi, kech kechikdi, sababli, − kelmadi.")
        case .uzbekCyrillic:
            SignInSheetWords(title: "Давомат варақаси", number: "№", id: "Id", name: "Ф.И.Ш.", signature: "Имзо",
                             trainers: "Тренерлар", legend: "Ҳар бир кун катагига имзо қўйинг. Тренер: + келди, кеч кечикди, сабабли, − келмади.")
        case .kyrgyz:
            SignInSheetWords(title: "Катышуу барагы", number: "№", id: "Id", name: "Аты-жөнү", signature: "Кол тамга",
                             trainers: "Тренерлер", legend: "Ар бир күндүн уячасына кол коюңуз. Тренер: + келди, кеч кечикти, себептүү, − келген жок.")
        case .russian:
            SignInSheetWords(title: "Лист регистрации участников", number: "№", id: "Id", name: "ФИО", signature: "Подпись",
                             trainers: "Тренеры", legend: "Распишитесь в клетке каждого дня. Тренер: + был(а), опоздал(а), уваж., − не был(а).")
        case .english:
            SignInSheetWords(title: "Sign-in sheet", number: "No.", id: "Id", name: "Full name", signature: "Signature",
                             trainers: "Trainers", legend: "Sign in the box of each day. Trainer: + present, late, excused, − absent.")
        }
    }
}

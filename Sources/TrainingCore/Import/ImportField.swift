import NameMatching

/// What a column of a participant list or sign-in sheet holds.
///
/// Columns are recognised by their header in Uzbek (Latin and Cyrillic), Russian,
/// Kyrgyz or English, or named in a column mapping (`COLUMN=FIELD`) using ``rawValue``.
///
/// For example, `F.I.Sh.`, `ФИО`, `Аты-жөнү` and `Full name` are all ``fullName``;
/// `Jinsi`, `Жинси`, `Пол`, `Жынысы` and `Sex` are all ``sex``.
public enum ImportField: String, CaseIterable, Sendable, Codable {
    case fullName = "name"
    case surname
    case givenName = "given-name"
    case patronymic
    case alternateName = "alt-name"
    case sex
    case birthYear = "birth-year"
    case birthDate = "birth-date"
    case age
    case category
    case organisation
    case phone
    case region
    case district
    case locality
    case language
    case consentDate = "consent-date"
    case consentBy = "consent-by"
    /// A Malaka participant number, used by the attendance import.
    case participantID = "id"
    /// A column to leave out, e.g. a row number or remarks.
    case ignore

    /// The field a column mapping names: the raw value or a common spelling of it.
    public init(parsing text: String) throws {
        let key = text.trimmingSpaces().lowercased().replacingOccurrences(of: "_", with: "-")
        if let field = ImportField(rawValue: key) ?? Self.synonyms[key] {
            self = field
            return
        }
        throw MalakaError.usage("“\(text)” is not a field Malaka imports. Use one of: \(ImportField.allCases.map(\.rawValue).joined(separator: ", ")).")
    }

    private static let synonyms: [String: ImportField] = [
        "full-name": .fullName, "fullname": .fullName, "first-name": .givenName, "given": .givenName,
        "last-name": .surname, "family-name": .surname, "middle-name": .patronymic, "alternate-name": .alternateName,
        "other-spelling": .alternateName, "gender": .sex, "birthyear": .birthYear, "year-of-birth": .birthYear,
        "birthdate": .birthDate, "date-of-birth": .birthDate, "dob": .birthDate, "organization": .organisation,
        "telephone": .phone, "tel": .phone, "mahalla": .locality, "consent": .consentDate, "participant": .participantID,
        "participant-id": .participantID, "skip": .ignore, "none": .ignore,
    ]

    /// The headers people write for each field, before folding. Checked by a test: no folded header names two fields.
    static let headers: [ImportField: [String]] = [
        .fullName: [
            "F.I.Sh.", "FISh", "F.I.O.", "FIO", "Ism-sharif", "Ismi sharifi", "Ism familiya", "Familiya ism",
            "Familiyasi ismi", "Familiya, ism, otasining ismi", "Familiyasi, ismi, otasining ismi", "Ism va familiya",
            "Ф.И.Ш.", "ФИШ", "Исми шарифи", "Фамилияси исми", "ФИО", "Ф.И.О.", "Фамилия, имя, отчество",
            "Фамилия имя отчество", "Фамилия, имя", "Фамилия и имя", "Имя и фамилия", "ФИО участника", "Аты-жөнү",
            "Аты жөнү", "Толук аты-жөнү", "Аты-жөнү, атасынын аты", "Full name", "Name", "Participant", "Participant name",
            "Name and surname", "Ishtirokchi", "Участник", "Катышуучу", "Qatnashchi", "Ishtirokchining F.I.Sh.",
        ],
        .surname: ["Familiya", "Familiyasi", "Фамилия", "Фамилияси", "Фамилиясы", "Surname", "Last name", "Family name"],
        .givenName: ["Ism", "Ismi", "Исм", "Исми", "Имя", "Аты", "First name", "Given name"],
        .patronymic: [
            "Otasining ismi", "Otasini ismi", "Отасининг исми", "Отчество", "Атасынын аты", "Patronymic", "Middle name",
        ],
        .alternateName: [
            "Other spelling", "Alternate name", "Alt name", "Name in the other script", "Boshqa yozuvda",
            "Kirill yozuvida", "Lotin yozuvida", "Кирилл ёзувида", "Name in Cyrillic", "Name in Latin", "Другое написание", "Кириллицей", "Латиницей",
        ],
        .sex: ["Jinsi", "Jins", "Жинси", "Пол", "Жынысы", "Sex", "Gender"],
        .birthYear: [
            "Tugʻilgan yili", "Tugʻilgan yil", "Туғилган йили", "Год рождения", "Г.р.", "Туулган жылы", "Birth year",
            "Year of birth", "Born",
        ],
        .birthDate: [
            "Tugʻilgan sanasi", "Tugʻilgan sana", "Tugʻilgan kuni", "Туғилган санаси", "Дата рождения", "Туулган күнү",
            "Туулган датасы", "Date of birth", "Birth date", "DOB",
        ],
        .age: ["Yoshi", "Yosh", "Ёши", "Возраст", "Жашы", "Age"],
        .category: [
            "Toifa", "Toifasi", "Тоифа", "Тоифаси", "Категория", "Категориясы", "Category", "Ishtirokchi toifasi",
            "Категория участника", "Maqomi",
        ],
        .organisation: [
            "Tashkilot", "Ish joyi", "Muassasa", "Ташкилот", "Иш жойи", "Организация", "Место работы", "Учреждение",
            "Уюм", "Иш орду", "Organisation", "Organization", "Employer",
        ],
        .phone: [
            "Telefon", "Telefon raqami", "Tel.", "Телефон", "Телефон рақами", "Тел.", "Телефон номери", "Phone",
            "Phone number", "Mobile", "Мобильный",
        ],
        .region: [
            "Viloyat", "Viloyati", "Вилоят", "Вилояти", "Область", "Регион", "Облус", "Облусу", "Region", "Oblast", "Province",
        ],
        .district: ["Tuman", "Tumani", "Туман", "Тумани", "Район", "Району", "District", "Raion", "Tuman (shahar)", "Район (город)"],
        .locality: [
            "Mahalla", "MFY", "Маҳалла", "Махалля", "Махалла", "Qishloq", "Село", "Айыл", "Айыл аймак", "Населённый пункт",
            "Locality", "Village", "Manzil", "Манзил", "Адрес", "Дарек", "Address",
        ],
        .language: ["Til", "Hujjat tili", "Тил", "Ҳужжат тили", "Язык", "Язык документов", "Language", "Document language"],
        .consentDate: ["Rozilik sanasi", "Розилик санаси", "Дата согласия", "Макулдук датасы", "Consent date"],
        .consentBy: ["Rozilikni qayd etgan", "Согласие записал", "Consent recorded by", "Consent by"],
        .participantID: ["Id", "Participant id", "Participant no", "Ishtirokchi raqami", "Номер участника", "Катышуучунун номери"],
        .ignore: ["№", "No.", "No", "N", "#", "T/r", "Т/р", "П/п", "№ п/п", "Izoh", "Изоҳ", "Примечание", "Эскертүү", "Note", "Notes", "Remarks",
                  "Imzo", "Имзо", "Подпись", "Кол тамга", "Signature"],
    ]

    /// The field's position in ``allCases``, without hashing its raw value: the importer looks up a column per cell.
    var position: Int {
        switch self {
        case .fullName: 0
        case .surname: 1
        case .givenName: 2
        case .patronymic: 3
        case .alternateName: 4
        case .sex: 5
        case .birthYear: 6
        case .birthDate: 7
        case .age: 8
        case .category: 9
        case .organisation: 10
        case .phone: 11
        case .region: 12
        case .district: 13
        case .locality: 14
        case .language: 15
        case .consentDate: 16
        case .consentBy: 17
        case .participantID: 18
        case .ignore: 19
        }
    }

    /// Folded header → field, built from ``headers``.
    static let headersByKey: [String: ImportField] = {
        var byKey: [String: ImportField] = [:]
        for (field, texts) in headers {
            for text in texts {
                let key = headerKey(text)
                if !key.isEmpty { byKey[key] = field }
            }
        }
        return byKey
    }()

    /// A header folded for comparison: script, case, apostrophes and punctuation.
    ///
    /// For example `F.I.Sh.` and `Ф.И.Ш.` both fold to `f i s`; `Tugʻilgan yili` and `Туғилган йили` alike.
    static func headerKey(_ text: String) -> String {
        NameMatching.searchKey(text)
    }

    /// The field a header names: an exact match of the folded header, else the longest
    /// known header its words begin with (`Telefon raqami (mobil)` → ``phone``).
    static func recognise(header: String) -> ImportField? {
        let key = headerKey(header)
        guard !key.isEmpty else { return nil }
        if let field = headersByKey[key] { return field }
        var best: (length: Int, field: ImportField)?
        for (known, field) in headersByKey where key.hasPrefix(known + " ") {
            if known.count > (best?.length ?? 0) { best = (known.count, field) }
        }
        return best?.field
    }
}

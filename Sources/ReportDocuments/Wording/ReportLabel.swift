import TrainingCore

/// The words of a region summary in the five languages reports are written in.
///
/// For example: `ReportLabel.participants.text(in: .russian)` is “Уникальные участники”.
enum ReportLabel: CaseIterable {
    case title, districtTitle, region, district, noDistrict, total
    case events, training, seminar, studyTour, meeting, roundTable
    case aTraining, aSeminar, aStudyTour, aMeeting, aRoundTable
    case sessions, hours, participations, participants, female, male, sexUnknown
    case under18, from18To29, from30To44, from45To59, from60, ageUnknown
    case parent, ngoStaff, civilServant, specialist, teacher, youth, other
    case completed, certificates, attendanceRate
    case period, scope, filters, course, kind, organiser, project, closedPeriod, noFilters, bothCountries, uzbekistan, kyrgyzstan
    case eventsChart, eventsChartByDistrict, participantsBySexChart
    case participantsByAge, participantsBySexAndAge, participantsByCategory, participationsBreakdown
    case dates, event, place, continued, noEventsHeld, endsAfterPeriod
    case ruleHeld, ruleParticipation, ruleCompletion

    /// The label in `language`.
    func text(in language: DocumentLanguage) -> String {
        let words = self.words
        switch language {
        case .english: return words.en
        case .russian: return words.ru
        case .uzbekLatin: return words.uzLatn
        case .uzbekCyrillic: return words.uzCyrl
        case .kyrgyz: return words.ky
        }
    }

    private typealias Words = (en: String, ru: String, uzLatn: String, uzCyrl: String, ky: String)

    private var words: Words {
        switch self {
        case .title: ("Region summary", "Сводка по регионам", "Hududlar boʻyicha yigʻma hisobot", "Ҳудудлар бўйича йиғма ҳисобот", "Аймактар боюнча жыйынтык отчет")
        case .districtTitle: ("District summary", "Сводка по районам", "Tumanlar boʻyicha yigʻma hisobot", "Туманлар бўйича йиғма ҳисобот", "Райондор боюнча жыйынтык отчет")
        case .region: ("Region", "Регион", "Hudud", "Ҳудуд", "Аймак")
        case .district: ("District", "Район", "Tuman", "Туман", "Район")
        case .noDistrict: ("District not recorded", "Район не указан", "Tuman koʻrsatilmagan", "Туман кўрсатилмаган", "Району көрсөтүлгөн эмес")
        case .total: ("Total", "Итого", "Jami", "Жами", "Бардыгы")
        case .events: ("Events", "Мероприятия", "Tadbirlar", "Тадбирлар", "Иш-чаралар")
        case .training: ("Trainings", "Тренинги", "Treninglar", "Тренинглар", "Тренингдер")
        case .seminar: ("Seminars", "Семинары", "Seminarlar", "Семинарлар", "Семинарлар")
        case .studyTour: ("Study tours", "Ознакомительные визиты", "Oʻquv safarlari", "Ўқув сафарлари", "Окуу сапарлары")
        case .meeting: ("Meetings", "Совещания", "Yigʻilishlar", "Йиғилишлар", "Жыйындар")
        case .roundTable: ("Round tables", "Круглые столы", "Davra suhbatlari", "Давра суҳбатлари", "Тегерек столдор")
        case .aTraining: ("Training", "Тренинг", "Trening", "Тренинг", "Тренинг")
        case .aSeminar: ("Seminar", "Семинар", "Seminar", "Семинар", "Семинар")
        case .aStudyTour: ("Study tour", "Ознакомительный визит", "Oʻquv safari", "Ўқув сафари", "Окуу сапары")
        case .aMeeting: ("Meeting", "Совещание", "Yigʻilish", "Йиғилиш", "Жыйын")
        case .aRoundTable: ("Round table", "Круглый стол", "Davra suhbati", "Давра суҳбати", "Тегерек стол")
        case .sessions: ("Sessions", "Занятия", "Mashgʻulotlar", "Машғулотлар", "Сабактар")
        case .hours: ("Training hours", "Учебные часы", "Oʻquv soatlari", "Ўқув соатлари", "Окуу сааттары")
        case .participations: ("Participations", "Участия", "Ishtiroklar", "Иштироклар", "Катышуулар")
        case .participants: ("Unique participants", "Уникальные участники", "Noyob ishtirokchilar", "Ноёб иштирокчилар", "Уникалдуу катышуучулар")
        case .female: ("Female", "Женщины", "Ayollar", "Аёллар", "Аялдар")
        case .male: ("Male", "Мужчины", "Erkaklar", "Эркаклар", "Эркектер")
        case .sexUnknown: ("Sex not recorded", "Пол не указан", "Jinsi koʻrsatilmagan", "Жинси кўрсатилмаган", "Жынысы көрсөтүлгөн эмес")
        case .under18: ("Under 18", "До 18 лет", "18 yoshgacha", "18 ёшгача", "18 жашка чейин")
        case .from18To29: ("18–29", "18–29 лет", "18–29 yosh", "18–29 ёш", "18–29 жаш")
        case .from30To44: ("30–44", "30–44 лет", "30–44 yosh", "30–44 ёш", "30–44 жаш")
        case .from45To59: ("45–59", "45–59 лет", "45–59 yosh", "45–59 ёш", "45–59 жаш")
        case .from60: ("60 and over", "60 лет и старше", "60 yosh va undan katta", "60 ёш ва ундан катта", "60 жана андан улуу")
        case .ageUnknown: ("Age unknown", "Возраст неизвестен", "Yoshi nomaʼlum", "Ёши номаълум", "Жашы белгисиз")
        case .parent: ("Parents", "Родители", "Ota-onalar", "Ота-оналар", "Ата-энелер")
        case .ngoStaff: ("NGO staff", "Сотрудники НКО", "NNT xodimlari", "ННТ ходимлари", "БӨУ кызматкерлери")
        case .civilServant: ("Civil servants", "Госслужащие", "Davlat xizmatchilari", "Давлат хизматчилари", "Мамлекеттик кызматкерлер")
        case .specialist: ("Specialists", "Специалисты", "Mutaxassislar", "Мутахассислар", "Адистер")
        case .teacher: ("Teachers", "Учителя", "Oʻqituvchilar", "Ўқитувчилар", "Мугалимдер")
        case .youth: ("Youth", "Молодёжь", "Yoshlar", "Ёшлар", "Жаштар")
        case .other: ("Other", "Другие", "Boshqalar", "Бошқалар", "Башкалар")
        case .completed: ("Completed", "Завершили", "Yakunlaganlar", "Якунлаганлар", "Аяктагандар")
        case .certificates: ("Certificates", "Сертификаты", "Sertifikatlar", "Сертификатлар", "Сертификаттар")
        case .attendanceRate: ("Attendance rate", "Посещаемость", "Davomat", "Давомат", "Катышуу үлүшү")
        case .period: ("Period", "Период", "Davr", "Давр", "Мезгил")
        case .scope: ("Area", "Территория", "Hudud", "Ҳудуд", "Аймак")
        case .filters: ("Filters", "Фильтры", "Filtrlar", "Филтрлар", "Чыпкалар")
        case .course: ("Course", "Курс", "Kurs", "Курс", "Курс")
        case .kind: ("Kind", "Вид", "Turi", "Тури", "Түрү")
        case .organiser: ("Organiser", "Организатор", "Tashkilotchi", "Ташкилотчи", "Уюштуруучу")
        case .project: ("Project", "Проект", "Loyiha", "Лойиҳа", "Долбоор")
        case .closedPeriod: ("Closed for reporting", "Период закрыт для изменений", "Hisobot davri yopilgan", "Ҳисобот даври ёпилган", "Отчеттук мезгил жабылган")
        case .noFilters: ("none", "нет", "yoʻq", "йўқ", "жок")
        case .bothCountries: ("Uzbekistan and Kyrgyzstan", "Узбекистан и Кыргызстан", "Oʻzbekiston va Qirgʻiziston", "Ўзбекистон ва Қирғизистон", "Өзбекстан жана Кыргызстан")
        case .uzbekistan: ("Uzbekistan", "Узбекистан", "Oʻzbekiston", "Ўзбекистон", "Өзбекстан")
        case .kyrgyzstan: ("Kyrgyzstan", "Кыргызстан", "Qirgʻiziston", "Қирғизистон", "Кыргызстан")
        case .eventsChart: ("Events by region and kind", "Мероприятия по регионам и видам", "Tadbirlar hududlar va turlar boʻyicha", "Тадбирлар ҳудудлар ва турлар бўйича", "Иш-чаралар аймактар жана түрлөр боюнча")
        case .eventsChartByDistrict: ("Events by district and kind", "Мероприятия по районам и видам", "Tadbirlar tumanlar va turlar boʻyicha", "Тадбирлар туманлар ва турлар бўйича", "Иш-чаралар райондор жана түрлөр боюнча")
        case .participantsBySexChart: ("Unique participants by sex", "Уникальные участники по полу", "Noyob ishtirokchilar jinsi boʻyicha", "Ноёб иштирокчилар жинси бўйича", "Уникалдуу катышуучулар жынысы боюнча")
        case .participantsByAge: ("Unique participants by age group", "Уникальные участники по возрасту", "Noyob ishtirokchilar yosh guruhlari boʻyicha", "Ноёб иштирокчилар ёш гуруҳлари бўйича", "Уникалдуу катышуучулар курагы боюнча")
        case .participantsBySexAndAge: ("Unique participants by sex and age group", "Уникальные участники по полу и возрасту", "Noyob ishtirokchilar jinsi va yoshi boʻyicha", "Ноёб иштирокчилар жинси ва ёши бўйича", "Уникалдуу катышуучулар жынысы жана курагы боюнча")
        case .participantsByCategory: ("Unique participants by category", "Уникальные участники по категориям", "Noyob ishtirokchilar toifalar boʻyicha", "Ноёб иштирокчилар тоифалар бўйича", "Уникалдуу катышуучулар категориялар боюнча")
        case .participationsBreakdown: ("Participations by sex, age group and category", "Участия по полу, возрасту и категориям", "Ishtiroklar jinsi, yoshi va toifasi boʻyicha", "Иштироклар жинси, ёши ва тоифаси бўйича", "Катышуулар жынысы, курагы жана категориясы боюнча")
        case .dates: ("Dates", "Даты", "Sanalar", "Саналар", "Даталар")
        case .event: ("Event", "Мероприятие", "Tadbir", "Тадбир", "Иш-чара")
        case .place: ("Place", "Место", "Joy", "Жой", "Жери")
        case .continued: ("continued", "продолжение", "davomi", "давоми", "уландысы")
        case .noEventsHeld: ("No events were held here in this period.", "В этом периоде здесь не проводилось мероприятий.", "Bu davrda bu yerda tadbirlar oʻtkazilmagan.", "Бу даврда бу ерда тадбирлар ўтказилмаган.", "Бул мезгилде бул жерде иш-чаралар өткөрүлгөн эмес.")
        case .endsAfterPeriod: ("— the event ends after the period; its completion is counted in the period in which it ends.", "— мероприятие заканчивается после периода; завершение учитывается в периоде его окончания.", "— tadbir davrdan keyin tugaydi; yakunlash u tugagan davrda hisoblanadi.", "— тадбир даврдан кейин тугайди; якунлаш у тугаган даврда ҳисобланади.", "— иш-чара мезгилден кийин бүтөт; аны аяктоо ал бүткөн мезгилде эсептелет.")
        case .ruleHeld: ("Events held: not cancelled, with at least one session in the period up to the day of the report. Hours are the sessions’ hours.", "Проведённые мероприятия: не отменённые, хотя бы с одним занятием в периоде до дня отчёта. Часы — часы занятий.", "Oʻtkazilgan tadbirlar: bekor qilinmagan, davrda hisobot kunigacha kamida bitta mashgʻuloti boʻlgan. Soatlar — mashgʻulotlar soatlari.", "Ўтказилган тадбирлар: бекор қилинмаган, даврда ҳисобот кунигача камида битта машғулоти бўлган. Соатлар — машғулотлар соатлари.", "Өткөрүлгөн иш-чаралар: жокко чыгарылбаган, мезгилде отчет күнүнө чейин жок дегенде бир сабагы болгон. Сааттар — сабактардын сааттары.")
        case .ruleParticipation: ("Participations: people present or late at one session at least. Unique participants count each person once per row, and once in the total.", "Участия: люди, присутствовавшие или опоздавшие хотя бы на одно занятие. Уникальные участники: каждый человек учитывается один раз в строке и один раз в итоге.", "Ishtiroklar: kamida bitta mashgʻulotda qatnashgan yoki kechikib kelgan kishilar. Noyob ishtirokchilar: har bir kishi qatorda bir marta va jamida bir marta hisoblanadi.", "Иштироклар: камида битта машғулотда қатнашган ёки кечикиб келган кишилар. Ноёб иштирокчилар: ҳар бир киши қаторда бир марта ва жамида бир марта ҳисобланади.", "Катышуулар: жок дегенде бир сабакка катышкан же кечиккен адамдар. Уникалдуу катышуучулар: ар бир адам сапта бир жолу жана жыйынтыкта бир жолу эсептелет.")
        case .ruleCompletion: ("Completed and certificates: for events that end in the period, under each course’s completion rule; revoked certificates are not counted. Attendance rate: sessions credited of sessions held.", "Завершили и сертификаты: по мероприятиям, заканчивающимся в периоде, по правилу завершения каждого курса; отозванные сертификаты не учитываются. Посещаемость: засчитанные занятия из проведённых.", "Yakunlaganlar va sertifikatlar: davrda tugagan tadbirlar boʻyicha, har bir kursning yakunlash qoidasiga koʻra; bekor qilingan sertifikatlar hisoblanmaydi. Davomat: oʻtkazilgan mashgʻulotlardan hisobga olinganlari.", "Якунлаганлар ва сертификатлар: даврда тугаган тадбирлар бўйича, ҳар бир курснинг якунлаш қоидасига кўра; бекор қилинган сертификатлар ҳисобланмайди. Давомат: ўтказилган машғулотлардан ҳисобга олинганлари.", "Аяктагандар жана сертификаттар: мезгилде бүткөн иш-чаралар боюнча, ар бир курстун аяктоо эрежеси боюнча; жокко чыгарылган сертификаттар эсептелбейт. Катышуу үлүшү: өткөрүлгөн сабактардан эсепке алынгандары.")
        }
    }

    static func kind(_ kind: EventKind) -> ReportLabel {
        switch kind {
        case .training: .training
        case .seminar: .seminar
        case .studyTour: .studyTour
        case .meeting: .meeting
        case .roundTable: .roundTable
        }
    }

    /// The kind of one event, as opposed to the plural heading of ``kind(_:)``.
    static func oneOfKind(_ kind: EventKind) -> ReportLabel {
        switch kind {
        case .training: .aTraining
        case .seminar: .aSeminar
        case .studyTour: .aStudyTour
        case .meeting: .aMeeting
        case .roundTable: .aRoundTable
        }
    }

    static func sex(_ sex: SexGroup) -> ReportLabel {
        switch sex {
        case .female: .female
        case .male: .male
        case .unknown: .sexUnknown
        }
    }

    static func age(_ group: AgeGroup) -> ReportLabel {
        switch group {
        case .under18: .under18
        case .from18To29: .from18To29
        case .from30To44: .from30To44
        case .from45To59: .from45To59
        case .from60: .from60
        case .unknown: .ageUnknown
        }
    }

    static func category(_ category: ParticipantCategory) -> ReportLabel {
        switch category {
        case .parent: .parent
        case .ngoStaff: .ngoStaff
        case .civilServant: .civilServant
        case .specialist: .specialist
        case .teacher: .teacher
        case .youth: .youth
        case .other: .other
        }
    }
}

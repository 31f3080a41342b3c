import BenchmarkSupport
import Foundation
import TrainingCore

/// Import and duplicates, for `make bench`: a 100,000-row participant list imported
/// into an empty database (target < 3 s), imported again (nobody added), through
/// the `malaka` binary, and the duplicate pairs among the 100,000 people found
/// (target < 5 s).
///
/// The list is what coordinators bring: Uzbek Latin headers, UTF-8 with BOM,
/// semicolons, CRLF; names in Latin or Cyrillic script, dates of birth as
/// `25.03.1987`, sex, category and region in words, districts, phones. One row in
/// fifty is an earlier person written again in the other script (the same person,
/// added once); one in twenty-five is an earlier person with a patronymic added,
/// the words turned round or a Russian spelling, which the import adds (it matches
/// only against people already registered) and `participant duplicates` finds.
enum ImportBenchmark {
    ///
    /// `MALAKA_BENCH_LIST=path` keeps the generated list there, for profiling `malaka participant import`.
    static func run(directory: URL, rows: Int, binary: URL?) throws {
        let kept = ProcessInfo.processInfo.environment["MALAKA_BENCH_LIST"].flatMap { $0.isEmpty ? nil : $0 }
        let file = kept.map { URL(fileURLWithPath: $0) } ?? directory.appendingPathComponent("participants-100k.csv")
        let planted = try writeList(to: file, rows: rows)
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        print(String(format: "import: a %d-row list, %.1f MiB (CSV, UTF-8 with BOM, semicolons, CRLF; half in Cyrillic)",
                     rows, Double(size) / 1_048_576))

        // 1. Into an empty database, through the core library: reading, checking, matching, inserting.
        let path = directory.appendingPathComponent("import.sqlite").path
        let database = try AppDatabase.open(at: path, creating: true)
        var report: ParticipantImportReport?
        var cpu = 0.0
        let importTime = try seconds(cpu: &cpu) {
            report = try database.importParticipants(fromFile: file.path, options: ParticipantImportOptions())
        }
        guard let report, report.written else {
            throw BenchmarkFailure("the generated list was refused: \(report?.refusals ?? [])")
        }
        print(String(format: "import (core): %d rows in %.2f s (target < 3 s; CPU %.2f s, load %@): %d added, %d same as an earlier row, %d rejected",
                     rows, importTime, cpu, load(), report.added.count, report.sameAsEarlierRow.count, report.rejectedLines.count))

        // 2. The same file again: everyone is already registered.
        var again: ParticipantImportReport?
        let againTime = try seconds(cpu: &cpu) {
            again = try database.importParticipants(fromFile: file.path, options: ParticipantImportOptions())
        }
        print(String(format: "import again (core): %.2f s (CPU %.2f s), %d added, %d already registered",
                     againTime, cpu, again!.added.count, again!.alreadyRegistered.count))

        // 3. The same through the release binary into another empty database, process start included.
        if let binary {
            let fresh = directory.appendingPathComponent("import-process.sqlite").path
            _ = try AppDatabase.open(at: fresh, creating: true)
            let process = Process()
            process.executableURL = binary
            process.arguments = ["participant", "import", file.path, "--db", fresh]
            process.standardOutput = FileHandle.nullDevice
            let processTime = try seconds(cpu: &cpu) {
                try process.run()
                process.waitUntilExit()
            }
            guard process.terminationStatus == 0 else {
                throw BenchmarkFailure("malaka participant import exited with status \(process.terminationStatus).")
            }
            print(String(format: "import (malaka process): %.2f s, process start included (load %@)", processTime, load()))
        }

        // 4. Duplicate pairs among 100,000 people: the import registered a few less (rows written twice),
        // so as many newcomers are registered first.
        let missing = rows - (try database.participants().count)
        if missing > 0 {
            var generator = SplitMix(seed: 7)
            _ = try database.addParticipants((0..<missing).map { _ in
                let given = givenNames[generator.skewed(givenNames.count)]
                let stem = surnames[generator.skewed(surnames.count)].0
                let surname = stem + ("aeiouy".contains(stem.last!) ? "ev" : "ov") + (given.2 ? "a" : "")
                return ParticipantDraft(fullName: "\(given.0) \(surname)", sex: given.2 ? .female : .male,
                                        birthYear: 1960 + generator.next(45), category: .parent,
                                        phone: String(format: "+998 33 %03d %02d %02d", generator.next(1000), generator.next(100), generator.next(100)))
            })
        }
        let people = try database.participants().count
        var pairs: [DuplicatePair] = []
        let duplicatesTime = try seconds(cpu: &cpu) { pairs = try database.duplicateParticipants() }
        let idByLine = Dictionary(uniqueKeysWithValues: report.rows.compactMap { row in row.participantID.map { (row.line, $0) } })
        let found = Set(pairs.filter(\.isProbable).map { [$0.first.id!, $0.second.id!] })
        let plantedFound = planted.filter { pair in
            guard let a = idByLine[pair.0], let b = idByLine[pair.1] else { return false }
            return found.contains([min(a, b), max(a, b)])
        }.count
        print(String(format: "duplicates: %d people, %d pairs (%d likely one person) in %.2f s (target < 5 s; CPU %.2f s, load %@); %d of %d planted found as likely",
                     people, pairs.count, pairs.filter(\.isProbable).count, duplicatesTime, cpu, load(), plantedFound, planted.count))
    }

    /// Wall-clock seconds of `work`; the CPU seconds this process spent meanwhile are added to `cpu`,
    /// which do not grow when other processes share the cores.
    private static func seconds(cpu: inout Double, _ work: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        let startCPU = processCPUSeconds()
        try work()
        cpu = processCPUSeconds() - startCPU
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    private static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The load average over the last minute: how busy the shared machine was.
    private static func load() -> String {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
    }

    // MARK: The list

    /// Given names (Latin, Cyrillic) with their sex.
    private static let givenNames: [(String, String, Bool)] = {
        let women = [
            ("Gulnora", "Гулнора"), ("Malika", "Малика"), ("Dilnoza", "Дилноза"), ("Nodira", "Нодира"), ("Shohida", "Шоҳида"),
            ("Oʻgʻiloy", "Ўғилой"), ("Feruza", "Феруза"), ("Zulfiya", "Зулфия"), ("Mohira", "Моҳира"), ("Nilufar", "Нилуфар"),
            ("Lola", "Лола"), ("Hulkar", "Ҳулкар"), ("Sevara", "Севара"), ("Nargiza", "Наргиза"), ("Dilfuza", "Дилфуза"),
            ("Gulchehra", "Гулчеҳра"), ("Aigul", "Айгүл"), ("Jyldyz", "Жылдыз"), ("Meerim", "Мээрим"), ("Nurgul", "Нургүл"),
            ("Barno", "Барно"), ("Dildora", "Дилдора"), ("Gavhar", "Гавҳар"), ("Kamola", "Камола"), ("Laylo", "Лайло"),
            ("Madina", "Мадина"), ("Munisa", "Муниса"), ("Nasiba", "Насиба"), ("Oydin", "Ойдин"), ("Ra'no", "Раъно"),
            ("Saodat", "Саодат"), ("Shahnoza", "Шаҳноза"), ("Umida", "Умида"), ("Yulduz", "Юлдуз"), ("Zarina", "Зарина"),
            ("Asel", "Асел"), ("Bermet", "Бермет"), ("Cholpon", "Чолпон"), ("Gulzat", "Гүлзат"), ("Kanykei", "Каныкей"),
        ]
        let men = [
            ("Gʻulomjon", "Ғуломжон"), ("Baxtiyor", "Бахтиёр"), ("Sardor", "Сардор"), ("Dilshod", "Дилшод"), ("Rustam", "Рустам"),
            ("Jasur", "Жасур"), ("Otabek", "Отабек"), ("Sherzod", "Шерзод"), ("Aziz", "Азиз"), ("Bobur", "Бобур"),
            ("Ulugʻbek", "Улуғбек"), ("Jahongir", "Жаҳонгир"), ("Nurlan", "Нурлан"), ("Azamat", "Азамат"), ("Bakyt", "Бакыт"),
            ("Ermek", "Эрмек"), ("Akmal", "Акмал"), ("Bekzod", "Бекзод"), ("Doniyor", "Дониёр"), ("Elyor", "Элёр"),
            ("Farrux", "Фаррух"), ("Ilhom", "Илҳом"), ("Javlon", "Жавлон"), ("Komil", "Комил"), ("Mansur", "Мансур"),
            ("Nodir", "Нодир"), ("Oybek", "Ойбек"), ("Rashid", "Рашид"), ("Sanjar", "Санжар"), ("Temur", "Темур"),
            ("Umar", "Умар"), ("Xurshid", "Хуршид"), ("Zafar", "Зафар"), ("Aibek", "Айбек"), ("Chyngyz", "Чыңгыз"),
            ("Daniyar", "Данияр"), ("Emil", "Эмил"), ("Kubat", "Кубат"), ("Marat", "Марат"), ("Talant", "Талант"),
        ]
        return women.map { ($0.0, $0.1, true) } + men.map { ($0.0, $0.1, false) }
    }()

    /// Surname stems (Latin, Cyrillic): -ov/-ova and -ev/-eva are added by sex.
    private static let surnames: [(String, String)] = [
        ("Karim", "Карим"), ("Oʻrinboy", "Ўринбой"), ("Hamro", "Ҳамро"), ("Qurbon", "Қурбон"), ("Matyoqub", "Матёқуб"),
        ("Rahim", "Раҳим"), ("Sapay", "Сапай"), ("Yoʻldosh", "Йўлдош"), ("Atadjan", "Атаджан"), ("Jumaniyoz", "Жуманиёз"),
        ("Toʻxtay", "Тўхтай"), ("Abdulla", "Абдулла"), ("Gʻaniy", "Ғаний"), ("Hasan", "Ҳасан"), ("Ismoil", "Исмоил"),
        ("Moʻmin", "Мўмин"), ("Ergash", "Эргаш"), ("Nazar", "Назар"), ("Yusup", "Юсуп"), ("Qodir", "Қодир"),
        ("Toshmat", "Тошмат"), ("Aliy", "Алий"), ("Omurbek", "Өмүрбек"), ("Toktogul", "Токтогул"), ("Sydyk", "Сыдык"),
        ("Jeenbek", "Жээнбек"), ("Usmon", "Усмон"), ("Sobir", "Собир"), ("Xolmat", "Холмат"), ("Ortiq", "Ортиқ"),
        ("Raxmat", "Рахмат"), ("Saidmurod", "Саидмурод"), ("Normat", "Нормат"), ("Tursun", "Турсун"), ("Shukur", "Шукур"),
        ("Boboj", "Бобож"), ("Eshmat", "Эшмат"), ("Davlat", "Давлат"), ("Mirzay", "Мирзай"), ("Nurmat", "Нурмат"),
        ("Akbar", "Акбар"), ("Bahrom", "Баҳром"), ("Fayzull", "Файзулл"), ("Gʻofur", "Ғофур"), ("Hakim", "Ҳаким"),
        ("Ibrohim", "Иброҳим"), ("Jalil", "Жалил"), ("Kamol", "Камол"), ("Latip", "Латип"), ("Mahmud", "Маҳмуд"),
        ("Nabi", "Наби"), ("Olim", "Олим"), ("Polat", "Полат"), ("Qosim", "Қосим"), ("Rajab", "Ражаб"),
        ("Sultan", "Султан"), ("Tohir", "Тоҳир"), ("Umar", "Умар"), ("Vali", "Вали"), ("Xoliq", "Холиқ"),
        ("Yoqub", "Ёқуб"), ("Zokir", "Зокир"), ("Abdurahmon", "Абдураҳмон"), ("Bekmurod", "Бекмурод"), ("Choriy", "Чорий"),
        ("Dusmat", "Дусмат"), ("Egamberdi", "Эгамберди"), ("Fozil", "Фозил"), ("Hamid", "Ҳамид"), ("Imom", "Имом"),
        ("Asan", "Асан"), ("Beishen", "Бейшен"), ("Dzhumabek", "Джумабек"), ("Esen", "Эсен"), ("Kadyr", "Кадыр"),
        ("Mamyt", "Мамыт"), ("Orozbek", "Орозбек"), ("Sadyk", "Садык"), ("Temir", "Темир"), ("Zhusup", "Жусуп"),
    ]

    private static let fathers: [(String, String)] = [
        ("Rustam", "Рустам"), ("Baxodir", "Баҳодир"), ("Karim", "Карим"), ("Anvar", "Анвар"), ("Salim", "Салим"),
        ("Olim", "Олим"), ("Hamid", "Ҳамид"), ("Tohir", "Тоҳир"), ("Umid", "Умид"), ("Zafar", "Зафар"),
    ]

    private static let places: [(String, String)] = [
        ("Xorazm viloyati", "Urganch tumani"), ("Xorazm", "Xiva tumani"), ("Хоразм вилояти", "Хонқа"), ("Samarqand", "Urgut"),
        ("Самарқанд вилояти", "Самарқанд тумани"), ("Toshkent viloyati", "Zangiota"), ("Ташкентская область", "Кибрай"),
        ("Чүй облусу", "Аламүдүн"), ("Chuy", "Sokuluk"), ("Ош облусу", ""), ("Qoraqalpogʻiston", ""), ("Bishkek", ""),
    ]

    private static let categories = ["ota-ona", "ona", "родитель", "mutaxassis", "специалист", "oʻqituvchi", "мугалим",
                                     "davlat xizmatchisi", "госслужащий", "NNT", "yoshlar", "boshqa"]

    /// Writes the list; returns the lines of the planted pairs written differently (first line, line written again).
    static func writeList(to url: URL, rows: Int) throws -> [(Int, Int)] {
        var generator = SplitMix(seed: 2024)
        var text = "\u{FEFF}№;F.I.Sh.;Jinsi;Tugʻilgan sanasi;Toifa;Viloyat;Tuman;Telefon\r\n"
        text.reserveCapacity(rows * 100)
        struct Person { var line: Int; var given: Int; var surname: Int; var father: Int; var day: DayDate; var phone: String; var place: Int }
        var people: [Person] = []
        people.reserveCapacity(rows)
        var planted: [(Int, Int)] = []
        func surname(_ person: Person, cyrillic: Bool) -> String {
            let stem = cyrillic ? surnames[person.surname].1 : surnames[person.surname].0
            let female = givenNames[person.given].2
            let vowelEnd = "aeiouyаеиоуыэюяўйий".contains(stem.last!)
            let ending = vowelEnd ? (cyrillic ? "ев" : "ev") : (cyrillic ? "ов" : "ov")
            return stem + ending + (female ? (cyrillic ? "а" : "a") : "")
        }
        func name(_ person: Person, cyrillic: Bool) -> String {
            (cyrillic ? givenNames[person.given].1 : givenNames[person.given].0) + " " + surname(person, cyrillic: cyrillic)
        }
        for index in 0..<rows {
            var person: Person
            var written: String
            let roll = generator.next(100)
            if index > 100 && roll < 2 {
                // An earlier person again, in the other script: the same person.
                person = people[generator.next(people.count)]
                written = name(person, cyrillic: generator.next(2) == 0)
            } else if index > 100 && roll < 6 {
                // An earlier person with a patronymic, surname first, in the other script: probably the same.
                person = people[generator.next(people.count)]
                let cyrillic = generator.next(2) == 0
                let female = givenNames[person.given].2
                let father = cyrillic ? fathers[person.father].1 : fathers[person.father].0
                let patronymic = father + (cyrillic ? (female ? " қизи" : " ўғли") : (female ? " qizi" : " oʻgʻli"))
                written = surname(person, cyrillic: cyrillic) + " " + (cyrillic ? givenNames[person.given].1 : givenNames[person.given].0) + " " + patronymic
                planted.append((person.line, index + 2))
            } else {
                // Some names are much commoner than others: the square of a uniform draw favours the first ones.
                person = Person(line: index + 2, given: generator.skewed(givenNames.count), surname: generator.skewed(surnames.count),
                                father: generator.next(fathers.count), day: DayDate(dayNumber: -3650 + generator.next(12_000)),
                                phone: String(format: "+998 9%d %03d %02d %02d", generator.next(10), generator.next(1000), generator.next(100), generator.next(100)),
                                place: generator.next(places.count))
                people.append(person)
                written = name(person, cyrillic: generator.next(2) == 0)
            }
            let female = givenNames[person.given].2
            let sex = [female ? "ayol" : "erkak", female ? "ж" : "м", female ? "F" : "M"][generator.next(3)]
            let (region, district) = places[person.place]
            text += "\(index + 1);\(written);\(sex);\(person.day.dotted);\(categories[generator.next(categories.count)]);\(region);\(district);\(person.phone)\r\n"
        }
        try Data(text.utf8).write(to: url)
        return planted
    }

    /// A small seeded generator, so that every run writes the same list.
    private struct SplitMix {
        var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }

        /// A draw in `0..<bound` where small numbers are likelier (the square of a uniform draw).
        mutating func skewed(_ bound: Int) -> Int {
            let uniform = Double(next(1 << 20)) / Double(1 << 20)
            return min(bound - 1, Int(uniform * uniform * Double(bound)))
        }
    }
}

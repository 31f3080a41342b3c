/// Given names and surnames of the three peoples the benchmark generates,
/// in Latin and Cyrillic, most common first.
///
/// For example `NameCatalogue.uzbek.femaleGiven[0].cyrillic == "Гулнора"`.
struct NameCatalogue: Sendable {
    var femaleGiven: [NamePart]
    var maleGiven: [NamePart]
    /// Male surnames; the female form adds -a in both scripts unless
    /// `surnamesHaveGender` is false (Kim, Tsoy).
    var surnames: [NamePart]
    /// Patronymic markers: (male Latin, male Cyrillic, female Latin, female Cyrillic).
    var markers: (String, String, String, String)
    /// Which share of records is written in Cyrillic.
    var cyrillicShare: Double

    /// The catalogue with, after the listed surnames, those made from the
    /// men's given names the way Uzbek and Kyrgyz surnames are (Rustam →
    /// Rustamov, Rustamboyev, Rustamqulov, Rustamjonov; Abdulla →
    /// Abdullayev), leaving out any already listed.
    func withDerivedSurnames(_ endings: [(latin: String, cyrillic: String)]) -> NameCatalogue {
        var seen = Set(surnames.map(\.latin))
        var derived: [NamePart] = []
        for ending in endings {
            // Rustamboyev, but not Otabekboyev or Gʻulomjonjonov.
            for given in maleGiven where ending.latin == "ov" || !["jon", "bek", "ali", "xon"].contains(where: given.latin.hasSuffix) {
                let endsInVowel = "aeiouy".contains(given.latin.last!)
                let ov = ending.latin == "ov" && endsInVowel
                let latin = given.latin + (ov ? "yev" : ending.latin)
                let cyrillic = given.cyrillic + (ov ? "ев" : ending.cyrillic)
                if seen.insert(latin).inserted { derived.append(NamePart(latin, cyrillic)) }
            }
        }
        var catalogue = self
        catalogue.surnames += derived
        return catalogue
    }

    static let uzbek = NameCatalogue(
        femaleGiven: NamePart.list("""
        Gulnora/Гулнора Dilnoza/Дилноза Nilufar/Нилуфар Mohira/Моҳира Shohida/Шоҳида Zulfiya/Зулфия Malika/Малика \
        Madina/Мадина Nodira/Нодира Feruza/Феруза Shahnoza/Шаҳноза Dildora/Дилдора Sevara/Севара Gulchehra/Гулчеҳра \
        Muhabbat/Муҳаббат Barno/Барно Nargiza/Наргиза Umida/Умида Zarina/Зарина Kamola/Камола Lola/Лола \
        Gulbahor/Гулбаҳор Dilfuza/Дилфуза Munisa/Муниса Oygul/Ойгул Rayhona/Райҳона Hulkar/Ҳулкар Maftuna/Мафтуна \
        Sitora/Ситора Yulduz/Юлдуз Ziyoda/Зиёда Charos/Чарос Nasiba/Насиба Mavluda/Мавлуда Xurshida/Хуршида \
        Gʻuncha/Ғунча Oʻgʻiloy/Ўғилой Robiya/Робия Mukaddas/Мукаддас Dilorom/Дилором Iroda/Ирода Zilola/Зилола \
        Sayyora/Сайёра Mohinur/Моҳинур Sevinch/Севинч Shahlo/Шаҳло Gulnoza/Гулноза Munira/Мунира Aziza/Азиза Nafisa/Нафиса
        """),
        maleGiven: NamePart.list("""
        Gʻulomjon/Ғуломжон Alisher/Алишер Jamshid/Жамшид Sardor/Сардор Bobur/Бобур Rustam/Рустам Otabek/Отабек \
        Shuhrat/Шуҳрат Bahodir/Баҳодир Dilshod/Дилшод Farrux/Фаррух Sherzod/Шерзод Ulugʻbek/Улуғбек Akmal/Акмал \
        Jasur/Жасур Sanjar/Санжар Anvar/Анвар Baxtiyor/Бахтиёр Oybek/Ойбек Nodir/Нодир Ravshan/Равшан Murod/Мурод \
        Ilhom/Илҳом Rahmatillo/Раҳматилло Abdulla/Абдулла Xurshid/Хуршид Oʻtkir/Ўткир Zafar/Зафар Shavkat/Шавкат \
        Qahramon/Қаҳрамон Hamid/Ҳамид Sobir/Собир Toʻlqin/Тўлқин Muhammadali/Муҳаммадали Abdurahmon/Абдураҳмон \
        Jahongir/Жаҳонгир Temur/Темур Erkin/Эркин Botir/Ботир Sarvar/Сарвар Javlon/Жавлон Islom/Ислом \
        Doniyor/Дониёр Azizbek/Азизбек Bekzod/Бекзод Shoxrux/Шохрух Umid/Умид Elyor/Элёр Husan/Ҳусан Hasan/Ҳасан
        """),
        surnames: NamePart.list("""
        Karimov/Каримов Rahimov/Раҳимов Oʻrinboyev/Ўринбоев Hamroyev/Ҳамроев Qodirov/Қодиров Yusupov/Юсупов \
        Toshmatov/Тошматов Ergashev/Эргашев Abdullayev/Абдуллаев Xoʻjayev/Хўжаев Joʻrayev/Жўраев Saidov/Саидов \
        Nazarov/Назаров Mirzayev/Мирзаев Rasulov/Расулов Sobirov/Собиров Tursunov/Турсунов Umarov/Умаров \
        Ismoilov/Исмоилов Gʻaniyev/Ғаниев Yoʻldoshev/Йўлдошев Qurbonov/Қурбонов Rahmonov/Раҳмонов \
        Normatov/Норматов Boboyev/Бобоев Xolmatov/Холматов Sultonov/Султонов Islomov/Исломов Mahmudov/Маҳмудов \
        Usmonov/Усмонов Fayzullayev/Файзуллаев Nurmatov/Нурматов Eshmatov/Эшматов Haydarov/Ҳайдаров \
        Oʻrazov/Ўразов Boʻriyev/Бўриев Aliyev/Алиев Valiyev/Валиев Hasanov/Ҳасанов Sattorov/Сатторов \
        Rajabov/Ражабов Sharipov/Шарипов Zokirov/Зокиров Olimov/Олимов Toʻxtayev/Тўхтаев Qosimov/Қосимов \
        Salimov/Салимов Yoqubov/Ёқубов Tojiboyev/Тожибоев Xudoyberdiyev/Худойбердиев Ahmedov/Аҳмедов \
        Jalilov/Жалилов Mansurov/Мансуров Azimov/Азимов Sodiqov/Содиқов Ashurov/Ашуров Bozorov/Бозоров \
        Davronov/Давронов Egamberdiyev/Эгамбердиев Hakimov/Ҳакимов Muminov/Муминов Nematov/Неъматов
        """),
        markers: ("oʻgʻli", "ўғли", "qizi", "қизи"),
        cyrillicShare: 0.5
    ).withDerivedSurnames([("ov", "ов"), ("boyev", "боев"), ("qulov", "қулов"), ("jonov", "жонов")])

    static let kyrgyz = NameCatalogue(
        femaleGiven: NamePart.list("""
        Aigul/Айгүл Jyldyz/Жылдыз Asel/Асел Chynara/Чынара Gulzat/Гүлзат Meerim/Мээрим Aizada/Айзада Bermet/Бермет \
        Cholpon/Чолпон Umut/Үмүт Aidai/Айдай Saltanat/Салтанат Begimai/Бегимай Altynai/Алтынай Dinara/Динара \
        Nurgul/Нургүл Aijamal/Айжамал Baktygul/Бактыгүл Elnura/Элнура Aiperi/Айпери
        """),
        maleGiven: NamePart.list("""
        Aibek/Айбек Nurlan/Нурлан Bakyt/Бакыт Ermek/Эрмек Talant/Талант Azamat/Азамат Kanybek/Каныбек Nurbek/Нурбек \
        Kubanychbek/Кубанычбек Tynchtyk/Тынчтык Mirlan/Мирлан Samat/Самат Adilet/Адилет Bolot/Болот Tilek/Тилек \
        Kalys/Калыс Erlan/Эрлан Almazbek/Алмазбек Ulan/Улан Daniyar/Данияр
        """),
        surnames: NamePart.list("""
        Omurbekov/Өмүрбеков Asanov/Асанов Usenov/Үсөнов Toktogulov/Токтогулов Mamatov/Маматов Abdyldaev/Абдылдаев \
        Sydykov/Сыдыков Japarov/Жапаров Tashiev/Ташиев Kadyrov/Кадыров Bekmuratov/Бекмуратов Isakov/Исаков \
        Osmonaliev/Осмоналиев Turdubaev/Турдубаев Sultanbekov/Султанбеков Imanaliev/Иманалиев Zhumabaev/Жумабаев \
        Kydyraliev/Кыдыралиев Orozbekov/Орозбеков Duishonbiev/Дүйшөнбиев Tologonov/Тологонов Sadyrbaev/Садырбаев \
        Toktosunov/Токтосунов Mambetaliev/Мамбеталиев Abdykadyrov/Абдыкадыров
        """),
        markers: ("uulu", "уулу", "kyzy", "кызы"),
        cyrillicShare: 0.8
    ).withDerivedSurnames([("ov", "ов"), ("bekov", "беков"), ("baev", "баев"), ("aliev", "алиев")])

    static let russian = NameCatalogue(
        femaleGiven: NamePart.list("""
        Natalya/Наталья Yuliya/Юлия Olga/Ольга Tatyana/Татьяна Yekaterina/Екатерина Kseniya/Ксения Yelena/Елена \
        Anastasiya/Анастасия Irina/Ирина Svetlana/Светлана Mariya/Мария Anna/Анна Viktoriya/Виктория Lyudmila/Людмила
        """),
        maleGiven: NamePart.list("""
        Yevgeniy/Евгений Aleksey/Алексей Dmitriy/Дмитрий Sergey/Сергей Andrey/Андрей Pyotr/Пётр Aleksandr/Александр \
        Vladimir/Владимир Nikolay/Николай Igor/Игорь Artyom/Артём Yuriy/Юрий Mikhail/Михаил Viktor/Виктор
        """),
        surnames: NamePart.list("""
        Ivanov/Иванов Petrov/Петров Smirnov/Смирнов Kuznetsov/Кузнецов Popov/Попов Sokolov/Соколов Morozov/Морозов \
        Volkov/Волков Lebedev/Лебедев Fyodorov/Фёдоров Semyonov/Семёнов Nikolayev/Николаев Novikov/Новиков \
        Vasilyev/Васильев Pavlov/Павлов
        """),
        markers: ("ovich", "ович", "ovna", "овна"),
        cyrillicShare: 0.8
    )
}

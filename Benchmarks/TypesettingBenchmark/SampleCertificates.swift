/// Certificate pages with names and texts mixed across Uzbek Latin and Cyrillic, Kyrgyz, Russian and English.
enum SampleCertificates {
    private struct Language {
        let heading: String
        let awardedTo: String
        let course: String
        let paragraph: String
        let names: [String]
    }

    private static let languages = [
        Language(
            heading: "SERTIFIKAT",
            awardedTo: "ushbu sertifikat quyidagi ishtirokchiga beriladi",
            course: "Ota-onalik koʻnikmalari boʻyicha trening: bolalarni himoya qilish va oilaviy qoʻllab-quvvatlash",
            paragraph: "Ishtirokchi Xorazm viloyati, Urganch tumanidagi mahallada oʻtkazilgan 16 soatlik treningda toʻliq qatnashdi va "
                + "bolalarni zoʻravonlikdan himoya qilish, ijobiy tarbiya usullari hamda ijtimoiy xizmatlarga murojaat qilish boʻyicha bilim oldi.",
            names: ["Gʻulomjon Oʻrinboyev", "Oʻgʻiloy Shoʻxratova", "Dilnoza Qoʻchqorova", "Bahodir Gʻaniyev"]
        ),
        Language(
            heading: "СЕРТИФИКАТ",
            awardedTo: "ушбу сертификат қуйидаги иштирокчига берилади",
            course: "Ота-оналик кўникмалари бўйича тренинг: болаларни ҳимоя қилиш ва оилавий қўллаб-қувватлаш",
            paragraph: "Иштирокчи Самарқанд вилояти, Ургут туманидаги маҳаллада ўтказилган 16 соатлик тренингда тўлиқ қатнашди ва "
                + "болаларни зўравонликдан ҳимоя қилиш, ижобий тарбия усуллари ҳамда ижтимоий хизматларга мурожаат қилиш бўйича билим олди.",
            names: ["Ғуломжон Ўринбоев", "Ўғилой Шўҳратова", "Ҳилола Қўчқорова", "Баҳодир Ғаниев"]
        ),
        Language(
            heading: "СЕРТИФИКАТ",
            awardedTo: "бул сертификат төмөнкү катышуучуга берилет",
            course: "Ата-энелик көндүмдөрү боюнча тренинг: балдарды коргоо жана үй-бүлөнү колдоо",
            paragraph: "Катышуучу Ысык-Көл облусунун Түп районунда өткөрүлгөн 16 сааттык тренингге толук катышып, "
                + "балдарды зордук-зомбулуктан коргоо, оң тарбия ыкмалары жана социалдык кызматтарга кайрылуу боюнча билим алды.",
            names: ["Айгүл Өмүрбекова", "Нурбек Жээнбеков", "Гүлзат Садыкова", "Эңкебай Түлөгөнов"]
        ),
        Language(
            heading: "СЕРТИФИКАТ",
            awardedTo: "настоящий сертификат выдан участнику",
            course: "Тренинг по навыкам позитивного родительства: защита детей и поддержка семьи",
            paragraph: "Участник полностью прошёл 16-часовой тренинг в махалле Ташкентской области и получил знания о защите детей "
                + "от насилия, методах позитивного воспитания и обращении в социальные службы.",
            names: ["Ирина Сергеевна Кузнецова", "Алексей Петров", "Наталья Ким", "Дмитрий Юсупов"]
        ),
        Language(
            heading: "CERTIFICATE OF PARTICIPATION",
            awardedTo: "this certificate is awarded to",
            course: "Parenting Skills Training: Child Protection and Family Support (official field office edition)",
            paragraph: "The participant fully attended the 16-hour training held in a pilot mahalla of Khorezm region and gained "
                + "knowledge of protecting children from violence, positive parenting methods and referral to social services.",
            names: ["Jennifer O'Connor", "Fiona Mcfinley", "Aziz Rakhimov", "Grace Ffoulkes"]
        ),
    ]

    /// Page `index` of a run: the language cycles with the index, and so does the name within it.
    static func page(_ index: Int) -> CertificatePage {
        let language = languages[index % languages.count]
        let name = language.names[(index / languages.count) % language.names.count]
        return CertificatePage(
            heading: language.heading,
            awardedTo: language.awardedTo,
            name: name,
            course: language.course,
            paragraph: language.paragraph,
            date: "25.03.2025",
            verificationURL: "https://malaka.example/verify/UZ-XO-2025-\(String(format: "%06d", index + 1))"
        )
    }
}

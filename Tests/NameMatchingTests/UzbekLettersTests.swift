import NameMatching
import Testing

@Suite struct UzbekLettersTests {
    @Test(arguments: [
        ("G`aniyeva Ma'rifat", "G\u{02BB}aniyeva Ma\u{02BC}rifat"), ("O\u{2019}rinboyev", "O\u{02BB}rinboyev"),
        ("To\u{2018}xtayeva", "To\u{02BB}xtayeva"), ("tog'", "tog\u{02BB}"), ("San\u{02BB}at", "San\u{02BC}at"),
        ("Gʻulomjon Oʻrinboyev", "Gʻulomjon Oʻrinboyev"), ("'Navbahor' MFY", "'Navbahor' MFY"), ("Гулнора", "Гулнора"),
    ])
    func apostrophesBecomeTheStandardLetters(_ typed: String, _ standard: String) {
        #expect(UzbekApostrophes.standard(typed) == standard)
    }

    @Test func everySpellingOfTheApostrophesIsOffered() {
        let spellings = UzbekApostrophes.spellings(of: "G'aniyeva")
        for apostrophe in ["'", "`", "\u{2018}", "\u{2019}", "\u{02BB}", "\u{02BC}"] {
            #expect(spellings.contains("G\(apostrophe)aniyeva"))
        }
        #expect(UzbekApostrophes.spellings(of: "Lola") == ["Lola"])
        // Many apostrophes: one variant throughout, and the standard spelling
        let long = UzbekApostrophes.spellings(of: "O'g'il Qo'zi G'ani Sa'di")
        #expect(long.count < 20 && long.contains("O\u{02BB}g\u{02BB}il Qo\u{02BB}zi G\u{02BB}ani Sa\u{02BC}di"))
    }

    @Test(arguments: [
        ("Ғуломжон Ўринбоев", "Gʻulomjon Oʻrinboyev"), ("Шоҳида Ҳамроева", "Shohida Hamroyeva"),
        ("Елена Юсупова", "Yelena Yusupova"), ("Сардор Қодиров", "Sardor Qodirov"),
    ])
    func cyrillicToLatinByTheLetterRules(_ cyrillic: String, _ latin: String) {
        #expect(UzbekTransliteration.latin(cyrillic) == latin)
    }

    @Test(arguments: [
        ("Gʻulomjon Oʻrinboyev", "Ғуломжон Ўринбоев"), ("Shohida Hamroyeva", "Шоҳида Ҳамроева"), ("Erkin Choriyev", "Эркин Чориев"),
        ("O'g'iloy", "Ўғилой"),
    ])
    func latinToCyrillicByTheLetterRules(_ latin: String, _ cyrillic: String) {
        #expect(UzbekTransliteration.cyrillic(latin) == cyrillic)
    }
}

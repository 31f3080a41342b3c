import NameMatching
import Testing

@Suite("Search keys")
struct SearchKeyTests {
    @Test("A query in either script finds the person", arguments: [
        ("гулнора", "Gulnora Karimova"),
        ("Гулнора Каримова", "Gulnora Karimova"),
        ("o'rinboyev", "Gʻulomjon Oʻrinboyev"),
        ("ўринбоев", "Gʻulomjon Oʻrinboyev"),
        ("G'ulomjon", "Ғуломжон Ўринбоев"),
        ("Омурбекова", "Aigul Ömürbekova"),
        ("aigul", "Айгүл Өмүрбекова"),
        ("Natalia", "Наталья Фёдорова"),
        ("Dzhuraev", "Jurayev Sardor"),
        ("Khodjaeva", "Ходжаева Дилноза"),
    ])
    func finds(query: String, stored: String) {
        #expect(searchKey(stored).contains(searchKey(query)), "\(searchKey(query)) in \(searchKey(stored))")
    }

    @Test("A different name is not found")
    func doesNotFind() {
        #expect(!searchKey("Gulnora Karimova").contains(searchKey("Rahimova")))
        #expect(!searchKey("Nilufar Karimova").contains(searchKey("гулнора")))
    }

    @Test("The key is lowercase Latin with single spaces")
    func shape() {
        #expect(searchKey("  Gʻulomjon   OʻRINBOYEV ") == "gulomjon orinboev")
        #expect(searchKey("Шоҳида Ҳамроева") == "shohida hamroeva")
        #expect(searchKey("Муҳаммад-Али") == "muhamad ali")
        #expect(searchKey("") == "")
    }
}

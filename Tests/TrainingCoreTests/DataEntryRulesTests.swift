import Testing
@testable import TrainingCore

@Suite struct DataEntryRulesTests {
    @Test(arguments: [
        ("Ғуломжон Ўринбоев", nil, DocumentLanguage.uzbekCyrillic), ("Айгүл Өмүрбекова", nil, .kyrgyz),
        ("Наталья Петренко", "UZ-TK", .russian), ("Бакыт Сыдыков", "KG-C", .kyrgyz), ("Бахтиёр Раҳимов", "KG-C", .uzbekCyrillic),
        ("Рустам Юсупов", "UZ-XO", .uzbekCyrillic), ("Lola Ismoilova", "UZ-XO", .uzbekLatin), ("Lola Ismoilova", nil, .uzbekLatin),
    ])
    func theLanguageFollowsTheNamesLettersAndTheCountry(_ name: String, _ region: String?, _ language: DocumentLanguage) {
        #expect(LanguageInference.language(name: name, regionCode: region) == language)
    }

    @Test func aLatinNameInKyrgyzstanSaysNothingOfTheLanguage() {
        #expect(LanguageInference.language(name: "Meerim Sydykova", regionCode: "KG-C") == nil)
        #expect(LanguageInference.language(name: "12345", regionCode: nil) == nil)
    }

    @Test func russianWordingFollowsTheRecordedSex() {
        #expect(GenderedWording.fit("успешно завершил(а) тренинг", sex: .female, language: .russian) == "успешно завершила тренинг")
        #expect(GenderedWording.fit("успешно завершил(а) тренинг", sex: .male, language: .russian) == "успешно завершил тренинг")
        #expect(GenderedWording.fit("успешно завершил(а) тренинг", sex: nil, language: .russian) == "успешно завершил(а) тренинг")
        #expect(GenderedWording.fit("Sertifikat (nusxa)", sex: .female, language: .uzbekLatin) == "Sertifikat (nusxa)")
    }

    @Test(arguments: ["\u{1B}[2J", "\u{202E}", "\u{2028}", "\u{200B}", "\u{FEFF}", "\u{00AD}", "\u{3164}"])
    func invisibleCharactersAreRefusedByTheOneTextRule(_ character: String) {
        #expect(throws: MalakaError.self) { try TextRule.check("Lola\(character)Ismoilova", field: "name") }
    }

    @Test func theTextRuleHasOneLengthLimit() throws {
        try TextRule.check(String(repeating: "a", count: TextRule.textLimit), field: "venue")
        #expect(throws: MalakaError.self) { try TextRule.check(String(repeating: "a", count: TextRule.nameLimit + 1), field: "name", limit: TextRule.nameLimit) }
    }

    @Test func presetsAreFieldEqualsValueForListWideFieldsOnly() throws {
        let presets = try ImportPresets(parsing: ["category=parent", "Region = Xorazm"])
        #expect(presets.values == [.category: "parent", .region: "Xorazm"])
        #expect(throws: MalakaError.self) { try ImportPresets(parsing: ["name=Ali"]) }
        #expect(throws: MalakaError.self) { try ImportPresets(parsing: ["category"]) }
        #expect(throws: MalakaError.self) { try ImportPresets(parsing: ["category=parent", "category=teacher"]) }
    }
}

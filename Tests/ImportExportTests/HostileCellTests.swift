@testable import TrainingCore
import MalakaSupport
import Testing

/// The cell-level checks behind the hostile-input corpus, one value at a time.
@Suite struct HostileCellTests {
    @Test(arguments: ["1e308", "-1e308", "inf", "nan", "2958466", "0.5"])
    func excelSerialsThatAreNoDayAreRefusedNotTrapped(_ text: String) {
        #expect(throws: MalakaError.self) { try CellReading.day(text) }
    }

    @Test func theLastDayExcelKnowsIsStillADay() throws {
        #expect(try CellReading.day("2958465") == DayDate(year: 9999, month: 12, day: 31))
    }

    @Test(arguments: [("Ali\u{1B}[2J", "U+001B"), ("\u{202E}veyilaV", "U+202E"), ("Ali\u{7}", "U+0007"), ("Ali\u{2066}x", "U+2066"),
                      ("Ali\u{85}", "U+0085"), ("Ali\tValiyev", "U+0009")])
    func namesWithInvisibleCharacters(_ name: String, _ named: String) throws {
        let scalar = try #require(ForbiddenCharacter.first(in: name, allowingLineBreaks: false))
        #expect(CharacterLabel.code(of: scalar) == named)
    }

    @Test(arguments: ["Gʻulomjon Oʻrinboyev", "Шоҳида Ҳамроева", "Айгүл Өмүрбекова", "O'Brien-Smith", "Nur\nMFY"])
    func ordinaryTextPasses(_ text: String) {
        #expect(ForbiddenCharacter.first(in: text, allowingLineBreaks: true) == nil)
    }

    @Test(arguments: [("31.02.2019", true), ("0000-00-00", true), ("31/04/2019", true), ("29.02.2019", true),
                      ("29.02.2020", false), ("25.03.2019", false), ("2019-03-25", false), ("Imzo", false), ("1-kun", false)])
    func sessionHeadersThatLookLikeDatesButAreNone(_ header: String, _ impossible: Bool) {
        #expect(SessionColumnReading.isImpossibleDate(header) == impossible)
    }
}

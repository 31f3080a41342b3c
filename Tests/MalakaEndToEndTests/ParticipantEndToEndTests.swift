import Foundation
import Testing

@Suite struct ParticipantEndToEndTests {
    /// “Gʻulomjon Oʻrinboyev” as Uzbek Latin is written, with U+02BB MODIFIER LETTER TURNED COMMA.
    static let gulomjon = "G\u{02BB}ulomjon O\u{02BB}rinboyev"

    // MARK: Registering

    @Test func namesInEveryScriptAreKeptExactly() throws {
        let programme = try TemporaryProgramme()

        // When people are registered in Uzbek Latin, Uzbek Cyrillic and Kyrgyz
        let uzbekLatin = try programme.json(ParticipantJSON.self, [
            "participant", "add", "--name", Self.gulomjon, "--alt-name", "Ғуломжон Ўринбоев", "--sex", "male",
            "--birth-year", "1984", "--category", "parent", "--organisation", "Navbahor mahallasi",
            "--phone", "+998 90 123 45 67", "--region", "Xorazm", "--district", "Urganch tumani", "--locality", "Navbahor",
            "--language", "uz-Latn", "--consent-date", "01.03.2019", "--consent-by", "Programme coordinator",
        ])
        let uzbekCyrillic = try programme.json(ParticipantJSON.self, [
            "participant", "add", "--name", "Шоҳида Ҳамроева", "--alt-name", "Shohida Hamroyeva", "--sex", "ж",
            "--category", "parent", "--region", "Хоразм", "--district", "Xiva tumani", "--language", "uz-Cyrl",
        ])
        let kyrgyz = try programme.json(ParticipantJSON.self, [
            "participant", "add", "--name", "Айгүл Өмүрбекова", "--alt-name", "Aigul Omurbekova", "--sex", "female",
            "--birth-year", "1986", "--category", "civil-servant", "--region", "Chuy", "--district", "Alamudun",
            "--language", "ky",
        ])

        // Then every character is kept, and places are stored by code
        #expect(Array(uzbekLatin.fullName.unicodeScalars) == Array(Self.gulomjon.unicodeScalars))
        #expect(uzbekLatin.alternateName == "Ғуломжон Ўринбоев")
        #expect(uzbekLatin.sex == "male")
        #expect(uzbekLatin.birthYear == 1984)
        #expect(uzbekLatin.category == "parent")
        #expect(uzbekLatin.organisation == "Navbahor mahallasi")
        #expect(uzbekLatin.phone == "+998 90 123 45 67")
        #expect(uzbekLatin.region == "UZ-XO")
        #expect(uzbekLatin.district == "UZ-XO-URG")
        #expect(uzbekLatin.locality == "Navbahor")
        #expect(uzbekLatin.language == "uz-Latn")
        #expect(uzbekLatin.consentDate == "2019-03-01")
        #expect(uzbekLatin.consentRecordedBy == "Programme coordinator")
        #expect(uzbekCyrillic.fullName == "Шоҳида Ҳамроева")
        #expect(uzbekCyrillic.sex == "female")
        #expect(uzbekCyrillic.region == "UZ-XO")
        #expect(uzbekCyrillic.language == "uz-Cyrl")
        #expect(kyrgyz.fullName == "Айгүл Өмүрбекова")
        #expect(kyrgyz.region == "KG-C")
        #expect(kyrgyz.district == "KG-C-ALA")
        #expect(kyrgyz.language == "ky")

        // And they read back the same
        #expect(try programme.json(ParticipantJSON.self, ["participant", "show", String(uzbekLatin.id)]) == uzbekLatin)
        #expect(try programme.json(ParticipantJSON.self, ["participant", "show", String(kyrgyz.id)]) == kyrgyz)
        let shown = try programme.succeed(["participant", "show", String(uzbekLatin.id)]).stdout
        #expect(shown.contains("\(uzbekLatin.id): \(Self.gulomjon)"))
        #expect(shown.contains("01.03.2019 (recorded by Programme coordinator)"))
        let everyone = try programme.json([ParticipantJSON].self, ["participant", "list"])
        #expect(everyone == [uzbekLatin, uzbekCyrillic, kyrgyz])
    }

    @Test func listFiltersByRegionAndLimits() throws {
        let programme = try TemporaryProgramme()
        let first = try programme.addParticipant("Malika To\u{02BB}xtayeva", ["--region", "Samarqand"])
        try programme.addParticipant("Gulnora Karimova", ["--region", "UZ-XO"])
        let third = try programme.addParticipant("Lola Ismoilova", ["--region", "Самарканд"])

        #expect(try programme.json([ParticipantJSON].self, ["participant", "list", "--region", "UZ-SA"]).map(\.id)
                    == [first, third])
        #expect(try programme.json([ParticipantJSON].self, ["participant", "list", "--limit", "1"]).map(\.id) == [first])
    }

    // MARK: Searching

    @Test func searchFindsANameHoweverItsApostropheIsTyped() throws {
        // Given people with Uzbek Latin, Cyrillic and Kyrgyz names
        let programme = try TemporaryProgramme()
        let gulomjon = try programme.addParticipant(Self.gulomjon, ["--alt-name", "Ғуломжон Ўринбоев"])
        let gulnora = try programme.addParticipant("Gulnora Karimova")
        let aigul = try programme.addParticipant("Айгүл Өмүрбекова", ["--alt-name", "Aigul Omurbekova"])
        try programme.addParticipant("O\u{02BB}g\u{02BB}iloy Qurbonova")
        func found(_ query: String) throws -> [Int64] {
            try programme.json([ParticipantJSON].self, ["participant", "search", query]).map(\.id)
        }

        // Then every apostrophe variant, none, any case and the other script find the same person
        for query in ["o'rinboyev", "o\u{2018}rinboyev", "o\u{2019}rinboyev", "o`rinboyev", "o\u{02BB}rinboyev",
                      "o\u{02BC}rinboyev", "orinboyev", "ORINBOYEV", "G'ulomjon O'rinboyev", "gulomjon  orinboyev",
                      "Ўринбоев", "ўРИНБОЕВ"] {
            #expect(try found(query) == [gulomjon], "search \(query)")
        }
        #expect(try found("өмүрбекова") == [aigul])
        #expect(try found("omurbekova aigul") == [aigul], "words in any order")
        #expect(try Set(found("gul")) == [gulomjon, gulnora, aigul])
        #expect(try found("Karimova Gʻulomjon").isEmpty, "every word must match the same person")
        #expect(try found("Yusupova").isEmpty)
        let table = try programme.succeed(["participant", "search", "o'rinboyev"]).stdout
        #expect(table.contains(Self.gulomjon))
        #expect(table.contains("Ғуломжон Ўринбоев"))
    }

    @Test func searchNeedsSomethingToSearchFor() throws {
        let programme = try TemporaryProgramme()

        try programme.expectRefused(["participant", "search", "'"], status: 64, mentioning: ["part of a name"])
    }

    // MARK: Editing

    @Test func editChangesAndClearsFields() throws {
        // Given a person in Urganch with a phone
        let programme = try TemporaryProgramme()
        let person = try programme.addParticipant("Gulnora Karimova", [
            "--phone", "+998 90 000 00 00", "--region", "Xorazm", "--district", "Urganch tumani", "--birth-year", "1990",
            "--consent-date", "2019-03-01", "--consent-by", "Coordinator",
        ])
        func edit(_ arguments: [String]) throws -> ParticipantJSON {
            try programme.json(ParticipantJSON.self, ["participant", "edit", String(person)] + arguments)
        }

        // When the name and phone change, then the rest stays
        let renamed = try edit(["--name", "Gulnora Karimova-Saidova", "--phone", "+998 91 111 11 11"])
        #expect(renamed.fullName == "Gulnora Karimova-Saidova")
        #expect(renamed.phone == "+998 91 111 11 11")
        #expect(renamed.district == "UZ-XO-URG")
        #expect(renamed.birthYear == 1990)
        #expect(try programme.json([ParticipantJSON].self, ["participant", "search", "saidova"]).map(\.id) == [person])

        // When fields are cleared, then they are empty
        let cleared = try edit(["--clear", "phone", "--clear", "consent"])
        #expect(cleared.phone == nil)
        #expect(cleared.consentDate == nil)
        #expect(cleared.consentRecordedBy == nil)
        #expect(cleared.fullName == "Gulnora Karimova-Saidova")

        // When the region changes without a district, then the old district goes
        let moved = try edit(["--region", "Samarqand"])
        #expect(moved.region == "UZ-SA")
        #expect(moved.district == nil)

        // When the region is cleared, then so is its district, but not the locality
        let inUrgut = try edit(["--district", "Urgut", "--locality", "Mahalla"])
        #expect(inUrgut.district == "UZ-SA-URG")
        let withoutRegion = try edit(["--clear", "region"])
        #expect(withoutRegion.region == nil)
        #expect(withoutRegion.district == nil)
        #expect(withoutRegion.locality == "Mahalla")
    }

    @Test func aBadEditChangesNothing() throws {
        let programme = try TemporaryProgramme()
        let person = try programme.addParticipant("Gulnora Karimova", ["--region", "Xorazm"])
        let id = String(person)

        try programme.expectRefused(["participant", "edit", id], status: 64, mentioning: ["--name"])
        try programme.expectRefused(["participant", "edit", id, "--clear", "nickname"], status: 64,
                                    mentioning: ["“nickname”", "phone"])
        try programme.expectRefused(["participant", "edit", "99", "--name", "Nobody"], status: 65,
                                    mentioning: ["participant 99"])
        try programme.expectRefused(["participant", "edit", id, "--name", "  "], status: 64, mentioning: ["--name"])
        try programme.expectRefused(["participant", "edit", id, "--birth-year", "1800"], status: 65, mentioning: ["1800"])
        try programme.expectRefused(["participant", "edit", id, "--district", "Chilonzor"], status: 65,
                                    mentioning: ["“Chilonzor”", "UZ-XO"])
        try programme.expectRefused(["participant", "edit", id, "--region", "Tashkent"], status: 65,
                                    mentioning: ["“Tashkent”", "UZ-TK", "UZ-TO"])
    }

    // MARK: Refusals

    struct BadInput: Sendable, CustomTestStringConvertible {
        var name: String
        var arguments: [String]
        var status: Int32
        var mentions: [String]

        var testDescription: String { name }

        static func add(_ name: String, _ arguments: [String], status: Int32 = 65, mentions: [String]) -> BadInput {
            BadInput(name: name, arguments: ["participant", "add"] + arguments, status: status, mentions: mentions)
        }
    }

    static let badInputs: [BadInput] = [
        .add("no name", ["--region", "Xorazm"], status: 64, mentions: ["--name"]),
        .add("a blank name", ["--name", "   "], status: 64, mentions: ["--name"]),
        .add("born in 1800", ["--name", "Gulnora Karimova", "--birth-year", "1800"], mentions: ["1800"]),
        .add("born in 2100", ["--name", "Gulnora Karimova", "--birth-year", "2100"], mentions: ["2100"]),
        .add("an unknown region", ["--name", "Gulnora Karimova", "--region", "Narnia"], mentions: ["“Narnia”"]),
        .add("an ambiguous region", ["--name", "Gulnora Karimova", "--region", "Tashkent"],
             mentions: ["“Tashkent”", "UZ-TK", "UZ-TO"]),
        .add("a district without its region", ["--name", "Gulnora Karimova", "--district", "Urganch"], status: 64,
             mentions: ["--region"]),
        .add("a district of another region", ["--name", "Gulnora Karimova", "--region", "Xorazm", "--district", "Urgut"],
             mentions: ["“Urgut”", "UZ-XO"]),
        // A bad option value is a usage error (64) naming the option, refused before the database is opened.
        .add("an unknown sex", ["--name", "Gulnora Karimova", "--sex", "x"], status: 64, mentions: ["'x'", "--sex", "female"]),
        .add("an unknown category", ["--name", "Gulnora Karimova", "--category", "boss"], status: 64,
             mentions: ["'boss'", "--category", "parent"]),
        .add("an unknown language", ["--name", "Gulnora Karimova", "--language", "fr"], status: 64,
             mentions: ["'fr'", "--language", "uz-Latn"]),
        .add("consent on 31 February", ["--name", "Gulnora Karimova", "--consent-date", "31.02.2019"], status: 64,
             mentions: ["'31.02.2019'", "--consent-date"]),
        .add("consent recorded by someone on no date", ["--name", "Gulnora Karimova", "--consent-by", "Coordinator"],
             status: 64, mentions: ["--consent-date"]),
        .add("a birth year that is not a number", ["--name", "Gulnora Karimova", "--birth-year", "nineteen"], status: 64,
             mentions: ["nineteen"]),
        BadInput(name: "show an unknown participant", arguments: ["participant", "show", "99"], status: 65,
                 mentions: ["participant 99"]),
        BadInput(name: "list an unknown region", arguments: ["participant", "list", "--region", "Narnia"], status: 65,
                 mentions: ["“Narnia”"]),
    ]

    @Test(arguments: badInputs)
    func aBadParticipantCommandIsRefusedAndChangesNothing(_ input: BadInput) throws {
        let programme = try TemporaryProgramme()

        try programme.expectRefused(input.arguments, status: input.status, mentioning: input.mentions)
    }
}

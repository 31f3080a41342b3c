import Foundation
import GRDB
import Testing
@testable import TrainingCore

@Suite struct CrossScriptSearchTests {
    @Test(arguments: ["Каримова", "каримова гулнора", "GULNORA", "karimova", "Karimova Gulnora"])
    func aNameIsFoundWhicheverScriptTheQueryIsIn(_ query: String) throws {
        let database = try Programme.database()
        let gulnora = try database.addParticipant(ParticipantDraft(fullName: "Gulnora Karimova"))
        _ = try database.addParticipant(ParticipantDraft(fullName: "Lola Ismoilova"))

        #expect(try database.searchParticipants(query).map(\.id) == [gulnora.id])
    }

    @Test(arguments: ["Ҳамроева", "hamroyeva", "Hamroeva", "ҲАМРОЕВА", "шоҳида"])
    func aCyrillicNameIsFoundFromLatin(_ query: String) throws {
        let database = try Programme.database()
        let shohida = try database.addParticipant(ParticipantDraft(fullName: "Шоҳида Ҳамроева"))

        #expect(try database.searchParticipants(query).map(\.id) == [shohida.id])
    }

    @Test func theOldApostropheSearchStillWorks() throws {
        let database = try Programme.database()
        let person = try database.addParticipant(ParticipantDraft(fullName: "Gʻulomjon Oʻrinboyev"))

        for query in ["o'rinboyev", "rinboy", "O‘RINBOYEV", "ўринбоев", "Ўринбоев Ғуломжон"] {
            #expect(try database.searchParticipants(query).map(\.id) == [person.id], "\(query)")
        }
        #expect(try database.searchParticipants("Karimova").isEmpty)
    }

    @Test func theMigrationGivesPeopleRegisteredBeforeTheirKey() throws {
        // Given a database of the foundation's schema with one person in it
        let queue = try DatabaseQueue()
        try AppDatabase.migrator.migrate(queue, upTo: "Add certificates")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO participant (fullName, alternateName, category, searchKey, createdAt)
                VALUES ('Gulnora Karimova', NULL, 'parent', 'gulnora karimova', '2019-01-01 00:00:00')
                """)
        }

        // When this version opens it
        let database = try AppDatabase(queue)

        // Then the person has a cross-script key and is found in Cyrillic
        #expect(try queue.read { try String.fetchOne($0, sql: "SELECT crossScriptKey FROM participant") } == "gulnora karimova")
        #expect(try database.searchParticipants("Каримова").map(\.fullName) == ["Gulnora Karimova"])
        #expect(try database.pseudonymSecret()?.count == 64)
    }

    @Test func noHeaderMeansTwoFields() {
        var fields: [String: Set<ImportField>] = [:]
        for (field, headers) in ImportField.headers {
            for header in headers {
                fields[ImportField.headerKey(header), default: []].insert(field)
            }
        }
        let clashes = fields.filter { $0.value.count > 1 }
        #expect(clashes.isEmpty, "\(clashes)")
    }

    @Test(arguments: [
        ("F.I.Sh.", ImportField.fullName), ("Ф.И.Ш.", .fullName), ("ФИО", .fullName), ("Аты-жөнү", .fullName),
        ("Full name", .fullName), ("Jinsi", .sex), ("Жинси", .sex), ("Пол", .sex), ("Жынысы", .sex),
        ("Tug'ilgan yili", .birthYear), ("Туғилган йили", .birthYear), ("Год рождения", .birthYear),
        ("Туулган жылы", .birthYear), ("Telefon raqami (mobil)", .phone), ("Viloyat", .region), ("Область", .region),
        ("Toifa", .category), ("Категория", .category), ("Otasining ismi", .patronymic), ("Ism", .givenName),
        ("Familiyasi, ismi, otasining ismi", .fullName), ("Дата рождения", .birthDate), ("Возраст", .age),
    ])
    func headersInEveryLanguage(_ header: String, _ field: ImportField) {
        #expect(ImportField.recognise(header: header) == field)
    }

    @Test func cellReadingOfDatesYearsAndAges() throws {
        #expect(try CellReading.day("31861") == Programme.day("1987-03-25"), "an Excel serial")
        #expect(try CellReading.day("1987-03-25T00:00:00") == Programme.day("1987-03-25"))
        #expect(try CellReading.day("25/03/1987") == Programme.day("1987-03-25"))
        #expect(try CellReading.birthYear("1987.0", thisYear: 2024) == 1987)
        #expect(try CellReading.birthYear("31861", thisYear: 2024) == 1987)
        #expect(try CellReading.birthYear("25.03.1987", thisYear: 2024) == 1987)
        #expect(throws: MalakaError.self) { try CellReading.birthYear("87", thisYear: 2024) }
        #expect(throws: MalakaError.self) { try CellReading.birthYear("2030", thisYear: 2024) }
        #expect(try CellReading.age("34 yosh") == 34)
        #expect(try CellReading.age("34 года") == 34)
        #expect(throws: MalakaError.self) { try CellReading.day("60") }
        #expect(CellReading.value(" '+998 90 ") == "+998 90")
        #expect(CellReading.value("yo'q") == nil)
        #expect(CellReading.value("Gulnora   Karimova") == "Gulnora Karimova")
    }

    @Test func mapNamesColumnsByHeaderLetterOrNumber() throws {
        let database = try Programme.database()
        let sheet = try Fixture.csv("Ota-onasi;Qayerdan;X\nGulnora Karimova;Xorazm;ayol\n")

        let report = try database.importParticipants(
            from: sheet, options: Programme.options { $0.map = ["Ota-onasi=name", "B=region", "3=sex"] })

        #expect(report.problems.isEmpty)
        let person = try #require(try database.participants().first)
        #expect(person.regionCode == "UZ-XO")
        #expect(person.sex == .female)
        #expect(throws: MalakaError.self) {
            try database.importParticipants(from: sheet, options: Programme.options { $0.map = ["Nowhere=name"] })
        }
        #expect(throws: MalakaError.self) {
            try database.importParticipants(from: sheet, options: Programme.options { $0.map = ["A=shoe-size"] })
        }
        #expect(throws: MalakaError.self) {
            try database.importParticipants(from: Fixture.csv("Qayerdan;X\nXorazm;ayol\n"), options: Programme.options())
        }
    }
}

@Test func everyFieldKnowsItsPosition() {
    #expect(ImportField.allCases.map(\.position) == Array(ImportField.allCases.indices))
}

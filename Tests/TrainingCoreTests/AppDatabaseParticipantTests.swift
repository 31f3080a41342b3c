import Testing
@testable import TrainingCore

@Suite struct AppDatabaseParticipantTests {
    @Test func registersAPersonWithEveryField() throws {
        let database = try Fixtures.database()
        let person = try database.addParticipant(ParticipantDraft(
            fullName: "  Gʻulomjon Oʻrinboyev ", alternateName: "Ғуломжон Ўринбоев", sex: .male, birthYear: 1984,
            category: .parent, phone: "+998 90 123 45 67", region: "Xorazm", district: "Urganch tumani",
            locality: "Navbahor", language: .uzbekLatin, consentDate: Fixtures.day("2019-03-01"), consentRecordedBy: "Coordinator"))
        #expect(person.fullName == "Gʻulomjon Oʻrinboyev")
        #expect(person.regionCode == "UZ-XO")
        #expect(person.districtCode == "UZ-XO-URG")
        #expect(try database.participant(id: person.id!) == person)
    }

    @Test(arguments: ["o'rinboyev", "O‘RINBOYEV", "o’rinboyev", "o`rinboyev", "oʻrinboyev", "orinboyev",
                      "gʻulomjon", "G'ulomjon O'rinboyev", "ўринбоев", "rinboy"])
    func searchIgnoresCaseAndApostrophes(_ query: String) throws {
        let database = try Fixtures.database()
        _ = try database.addParticipant(ParticipantDraft(fullName: "Gʻulomjon Oʻrinboyev", alternateName: "Ғуломжон Ўринбоев"))
        _ = try database.addParticipant(ParticipantDraft(fullName: "Gulnora Karimova"))
        #expect(try database.searchParticipants(query).map(\.fullName) == ["Gʻulomjon Oʻrinboyev"])
    }

    @Test func searchTreatsLikeWildcardsAsLetters() throws {
        let database = try Fixtures.database()
        _ = try database.addParticipant(ParticipantDraft(fullName: "Gulnora Karimova"))
        #expect(try database.searchParticipants("%").isEmpty)
        #expect(try database.searchParticipants("_").isEmpty)
    }

    @Test func aBadEntryInABatchAddsNobody() throws {
        let database = try Fixtures.database()
        let drafts = [ParticipantDraft(fullName: "Gulnora Karimova"), ParticipantDraft(fullName: "Lola", birthYear: 1850)]
        #expect {
            try database.addParticipants(drafts)
        } throws: { error in
            (error as? MalakaError)?.message.contains("Entry 2 (Lola)") ?? false
        }
        #expect(try database.participants().isEmpty)
    }

    @Test func refusesAMissingNameAndADistrictWithoutRegion() throws {
        let database = try Fixtures.database()
        #expect(throws: MalakaError.self) { try database.addParticipant(ParticipantDraft(fullName: "   ")) }
        #expect(throws: MalakaError.self) { try database.addParticipant(ParticipantDraft(fullName: "A B", district: "Urganch")) }
    }

    @Test func editsAndClearsFields() throws {
        let database = try Fixtures.database()
        let person = try database.addParticipant(ParticipantDraft(fullName: "Gulnora Karimva", phone: "123", region: "UZ-XO", district: "Urganch tumani"))
        var changes = ParticipantChanges()
        changes.fullName = "Gulnora Karimova"
        changes.region = "Samarqand viloyati"
        changes.clear = [.phone]
        let edited = try database.editParticipant(id: person.id!, changes)
        #expect(edited.fullName == "Gulnora Karimova")
        #expect(edited.phone == nil)
        #expect(edited.regionCode == "UZ-SA")
        #expect(edited.districtCode == nil) // Urganch is not in Samarkand
        #expect(try database.searchParticipants("karimova").count == 1)
        #expect(throws: MalakaError.self) { try database.editParticipant(id: person.id!, ParticipantChanges()) }
    }

    @Test func sexAndCategoryAreReadInThePeoplesWords() throws {
        #expect(try Sex(parsing: "Ayol") == .female)
        #expect(try Sex(parsing: "ж") == .female)
        #expect(try Sex(parsing: "Эркек") == .male)
        #expect(throws: MalakaError.self) { try Sex(parsing: "x") }
        #expect(try ParticipantCategory(parsing: "NGO staff") == .ngoStaff)
        #expect(try ParticipantCategory(parsing: "родитель") == .parent)
        #expect(try ParticipantCategory(parsing: "oʻqituvchi") == .teacher)
        #expect(try DocumentLanguage(parsing: "UZ-CYRL") == .uzbekCyrillic)
        #expect(throws: MalakaError.self) { try DocumentLanguage(parsing: "de") }
    }
}

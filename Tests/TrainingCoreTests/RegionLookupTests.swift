import Testing
import GRDB
@testable import TrainingCore

@Suite struct RegionLookupTests {
    let gazetteer = Gazetteer.bundled

    @Test func shipsEveryFirstLevelDivisionOfBothCountries() {
        let codes = Set(gazetteer.regions.map(\.code))
        #expect(gazetteer.regions.filter { $0.country == "UZ" }.count == 14)
        #expect(gazetteer.regions.filter { $0.country == "KG" }.count == 9)
        for code in ["UZ-TK", "UZ-TO", "UZ-SA", "UZ-XO", "UZ-QR", "KG-GB", "KG-GO", "KG-O", "KG-J", "KG-B", "KG-C", "KG-Y", "KG-N", "KG-T"] {
            #expect(codes.contains(code), "missing \(code)")
        }
        for region in gazetteer.regions {
            for language in [DocumentLanguage.english, .russian, .uzbekLatin, .uzbekCyrillic] {
                #expect(region.names[language] != nil, "\(region.code) has no \(language.rawValue) name")
            }
        }
    }

    @Test func theSampleProgrammesRegionsHaveDistricts() {
        for code in ["UZ-XO", "UZ-SA", "UZ-TO", "UZ-TK", "KG-O", "KG-J", "KG-C"] {
            #expect(!(gazetteer.region(code: code)?.districts.isEmpty ?? true), "\(code) has no districts")
        }
    }

    @Test(arguments: [
        ("UZ-XO", "UZ-XO"), ("uz-xo", "UZ-XO"), ("Xorazm", "UZ-XO"), ("XORAZM VILOYATI", "UZ-XO"),
        ("Хоразм вилояти", "UZ-XO"), ("Хорезмская область", "UZ-XO"), ("Khorezm Region", "UZ-XO"),
        ("Samarqand viloyati", "UZ-SA"), ("самарканд", "UZ-SA"), ("Fargʻona", "UZ-FA"), ("Farg'ona", "UZ-FA"),
        ("Fargona", "UZ-FA"), ("Toshkent shahri", "UZ-TK"), ("Toshkent viloyati", "UZ-TO"), ("Chuy", "KG-C"),
        ("Чүй облусу", "KG-C"), ("Issyk-Kul", "KG-Y"), ("Bishkek", "KG-GB"), ("Qoraqalpogʻiston", "UZ-QR"),
    ])
    func findsARegionByCodeOrAnyName(_ text: String, _ code: String) throws {
        #expect(try gazetteer.region(matching: text).code == code)
    }

    @Test func anAmbiguousNameListsTheChoices() {
        #expect {
            try gazetteer.region(matching: "Tashkent")
        } throws: { error in
            let message = (error as? MalakaError)?.message ?? ""
            return message.contains("UZ-TK") && message.contains("UZ-TO")
        }
    }

    @Test func anUnknownRegionSaysWhatToDo() {
        #expect {
            try gazetteer.region(matching: "Atlantis")
        } throws: { error in
            (error as? MalakaError)?.remedy == .listRegions
        }
    }

    @Test func findsADistrictWithinItsRegionOnly() throws {
        let khorezm = try gazetteer.region(matching: "UZ-XO")
        #expect(try gazetteer.district(matching: "Urganch tumani", in: khorezm).regionCode == "UZ-XO")
        #expect(try gazetteer.district(matching: "Urganch tumani", in: khorezm).code == "UZ-XO-URG")
        #expect(try gazetteer.district(matching: "Urganch shahri", in: khorezm).code == "UZ-XO-URGC")
        let samarkand = try gazetteer.region(matching: "UZ-SA")
        #expect(throws: MalakaError.self) { try gazetteer.district(matching: "UZ-XO-URG", in: samarkand) }
        #expect(throws: MalakaError.self) { try gazetteer.district(matching: "Urganch", in: samarkand) }
    }

    /// “Urganch” is the district and the city, as “Tashkent” is the city and the region (issue 13): both refused alike,
    /// naming each place with the code and the full name that choose it.
    @Test(arguments: [("Urganch", "UZ-XO", ["UZ-XO-URG", "UZ-XO-URGC", "“Urganch tumani”", "“Urganch shahri”"]),
                      ("Xiva", "UZ-XO", ["UZ-XO-XIV", "UZ-XO-XIVC"])])
    func aDistrictAndACityOfOneNameAreAmbiguous(name: String, region: String, mentions: [String]) throws {
        let region = try gazetteer.region(matching: region)
        #expect {
            try gazetteer.district(matching: name, in: region)
        } throws: { error in
            let error = error as? MalakaError
            return error?.code == .ambiguousPlace && mentions.allSatisfy { error?.message.contains($0) == true }
        }
    }

    @Test func aRegionNamedLikeACityIsAmbiguousTheSameWay() throws {
        #expect {
            try gazetteer.region(matching: "Tashkent")
        } throws: { error in
            (error as? MalakaError)?.code == .ambiguousPlace && (error as? MalakaError)?.message.contains("Give the code or the full name") == true
        }
    }
}

/// The names a certificate prints come from the database's copy of the gazetteer, which must say what the bundled one does.
@Suite struct PlaceNameCopyTests {
    @Test func theDatabaseNamesEveryRegionAndDistrictAsTheGazetteerDoes() throws {
        let database = try AppDatabase(DatabaseQueue())
        let places = Gazetteer.bundled.regions.map { ($0.code, AppDatabase.PlaceTable.region, $0.names) }
            + Gazetteer.bundled.regions.flatMap(\.districts).map { ($0.code, AppDatabase.PlaceTable.district, $0.names) }
        let copied = try database.read { db in
            try places.map { code, table, _ in try database.placeNames(db, table: table, code: code) }
        }
        for (place, copy) in zip(places, copied) {
            #expect(copy == place.2, "\(place.0)")
        }
        #expect(try database.read { db in try database.placeNames(db, table: .region, code: "UZ-ZZ") } == nil)
    }
}

import Foundation
import Testing

/// The region summary's numbers as a DHIS2 data value set, through the mapping file beside the courses.
@Suite struct DHIS2EndToEndTests {
    static let mapping = TemporaryProgramme.repositoryRoot.appendingPathComponent("courses/dhis2/mapping.yaml").path

    @Test func theQuarterGoesToDHIS2WithTheRegionSummarysNumbers() throws {
        let donor = try DonorProgramme()
        let result = try donor.programme.succeed(["report", "dhis2", "--year", "2019", "--country", "UZ", "--mapping", Self.mapping])
        #expect(DataValueSetSchema.problems(in: Data(result.stdout.utf8)) == [])
        let set = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(set["period"] as? String == "2019")
        #expect(set["dataSet"] as? String == "MLK_CAPACITY_BUILDING")
        let values = try #require(set["dataValues"] as? [[String: String]])
        func value(_ element: String, _ combo: String?, _ orgUnit: String) -> String? {
            values.first { $0["dataElement"] == element && $0["categoryOptionCombo"] == combo && $0["orgUnit"] == orgUnit }?["value"]
        }
        // Khorezm: one training of 4 sessions, 12 hours; Gulnora and Rustam came; Gulnora completed
        #expect(value("MLK_EVENTS_HELD", nil, "OU_UZ_XO") == "1")
        #expect(value("MLK_TRAINING_HOURS", nil, "OU_UZ_XO") == "12")
        #expect(value("MLK_PEOPLE_REACHED", "FEMALE", "OU_UZ_XO") == "1")
        #expect(value("MLK_PEOPLE_REACHED", "MALE", "OU_UZ_XO") == "1")
        #expect(value("MLK_COMPLETED", nil, "OU_UZ_XO") == "1")
        // Samarkand: Gulnora and Aziz (sex not recorded, 18 in 2019)
        #expect(value("MLK_PEOPLE_REACHED", "SEX_UNKNOWN", "OU_UZ_SA") == "1")
        #expect(value("MLK_PEOPLE_REACHED_BY_AGE", "AGE_18_29", "OU_UZ_SA") == "1")
        // Every region of Uzbekistan is sent, with zeros where nothing was held; Kyrgyzstan is not in the report
        #expect(value("MLK_EVENTS_HELD", nil, "OU_UZ_AN") == "0")
        #expect(value("MLK_EVENTS_HELD", nil, "OU_KG_C") == nil)
        #expect(values.count == 14 * 29)

        // DHIS2 has no period for seven days of March
        try donor.programme.expectRefused(["report", "dhis2", "--from", "2019-03-25", "--to", "2019-03-31", "--mapping", Self.mapping],
                                          status: 65, mentioning: ["2019-03-25", "a whole month"])
        let month = try donor.programme.succeed(["report", "dhis2", "--from", "2019-03-01", "--to", "2019-03-31", "--mapping", Self.mapping])
        #expect(month.stdout.contains("\"period\" : \"201903\""))
    }

    @Test func aMappingWithAMistakeIsRefusedNamingTheLineAndField() throws {
        let donor = try DonorProgramme()
        let mapping = donor.programme.path("mapping.yaml")
        try """
            org-units:
              UZ-XO: OU_XO
            data-values:
              - indicator: events
                data-element: EVENTS
              - indicator: people.women
                data-element: PEOPLE
            """.write(toFile: mapping, atomically: true, encoding: .utf8)
        try donor.programme.expectRefused(["report", "dhis2", "--year", "2019", "--region", "UZ-XO", "--mapping", mapping], status: 65,
                                          mentioning: ["mapping.yaml, line 6", "data-values[2].indicator", "people.women"])
        // A place where events were held that the mapping does not name
        try """
            org-units:
              UZ-XO: OU_XO
            data-values:
              - indicator: events
                data-element: EVENTS
            """.write(toFile: mapping, atomically: true, encoding: .utf8)
        try donor.programme.expectRefused(["report", "dhis2", "--year", "2019", "--country", "UZ", "--mapping", mapping], status: 65,
                                          mentioning: ["UZ-SA", "org-units"])
        let out = donor.programme.path("xo.json")
        try donor.programme.succeed(["report", "dhis2", "--year", "2019", "--region", "UZ-XO", "--mapping", mapping, "--out", out])
        #expect(DataValueSetSchema.problems(in: try Data(contentsOf: URL(fileURLWithPath: out))) == [])
    }
}

import Foundation
import Testing

/// Place names that fit two places, and study tours reported where they are held (issue 13).
@Suite struct PlacesEndToEndTests {
    static let parenting = ["event", "create", "--course", "PS-PARENTING", "--region", "Xorazm", "--start", "25.03.2019",
                            "--days", "2", "--time", "09:00-12:00"]

    /// “Urganch” is Urgench District and Urgench City, as “Tashkent” is the city and the region: both are refused,
    /// naming each place with the code and the full name that choose it, and nothing is written.
    @Test(arguments: [
        (parenting + ["--district", "Urganch"], ["“Urganch”", "UZ-XO-URG", "“Urganch tumani”", "UZ-XO-URGC", "“Urganch shahri”"]),
        (parenting + ["--district", "Xiva"], ["“Xiva”", "UZ-XO-XIV", "UZ-XO-XIVC"]),
        (["participant", "add", "--name", "Lola Ismoilova", "--region", "Xorazm", "--district", "Urganch"], ["“Urganch”", "UZ-XO-URGC"]),
        (["participant", "add", "--name", "Lola Ismoilova", "--region", "Tashkent"], ["“Tashkent”", "UZ-TK", "“Toshkent shahri”", "UZ-TO"]),
        (["event", "list", "--region", "Toshkent"], ["“Toshkent”", "UZ-TK", "UZ-TO"]),
    ])
    func anAmbiguousPlaceIsRefusedListingBothAndHowToChoose(arguments: [String], mentions: [String]) throws {
        let programme = try TemporaryProgramme()
        _ = try programme.parentingEvent()

        try programme.expectRefused(arguments, status: 65, mentioning: mentions + ["Give the code or the full name"])
    }

    @Test func theFullNameOrTheCodeChoosesThePlace() throws {
        let programme = try TemporaryProgramme()

        let city = try programme.json(EventJSON.self, Self.parenting + ["--district", "Urganch shahri"])
        let district = try programme.json(EventJSON.self, Self.parenting + ["--district", "UZ-XO-URG"])

        #expect(city.district == "UZ-XO-URGC")
        #expect(district.district == "UZ-XO-URG")
    }

    /// A study tour is reported in its district: its own (`--district`), or its first leg's in its region.
    @Test func aStudyTourIsReportedInItsLegsDistrict() throws {
        let programme = try TemporaryProgramme()
        let tour = ["tour", "create", "--course", "ST-PILOT-MAHALLA", "--time", "10:00-17:00", "--region", "Xorazm"]
        let legs = [
            "--leg", "host=Bishkek city hall;region=KG-GB;from=16.04.2019;to=17.04.2019",
            "--leg", "host=Urganch tuman hokimligi;region=Xorazm;district=Urganch tumani;from=25.03.2019;to=26.03.2019",
        ]

        let fromLeg = try programme.json(EventJSON.self, tour + legs)
        let chosen = try programme.json(EventJSON.self, tour + ["--district", "Xiva tumani"] + legs.map {
            $0.replacingOccurrences(of: "2019", with: "2020")
        })

        #expect(fromLeg.district == "UZ-XO-URG")
        #expect(chosen.district == "UZ-XO-XIV")
        let person = try programme.addParticipant("Lola Ismoilova")
        try programme.enroll(fromLeg.id, [person])
        try programme.succeed(["attendance", "mark", String(fromLeg.id), "--date", "25.03.2019", "--all-present"])
        let output = try programme.succeed(["report", "regions", "--year", "2019", "--region", "Xorazm", "--by", "district",
                                            "--format", "json"]).stdout
        let report = try JSONDecoder().decode(RegionSummaryJSON.self, from: Data(output.utf8))
        #expect(report.row("UZ-XO-URG")?.participants.total == 1, "\(output)")
        #expect(report.row(nil) == nil || report.row(nil)?.participants.total == 0, "\(output)")

        // An ambiguous district in a leg is refused like any other, and nothing is written
        try programme.expectRefused(tour + ["--leg", "host=X;region=Xorazm;district=Urganch;from=25.03.2021"], status: 65,
                                    mentioning: ["“Urganch”", "UZ-XO-URGC"])
    }
}

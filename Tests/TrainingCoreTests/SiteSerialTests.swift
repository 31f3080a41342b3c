import Testing
@testable import TrainingCore

/// Serials of a database that issues as a site carry the site's code, so two sites' serials never collide.
@Suite struct SiteSerialTests {
    @Test func theSiteCodeGoesBeforeTheNumberOrWhereTheFormatPutsIt() throws {
        var standard = SerialFormat.standard
        standard.site = "XO-URG1"
        let series = standard.series(regionCode: "UZ-XO", year: 2026, courseCode: "PS-PARENTING")
        #expect(standard.serial(series: series, sequence: 7) == "UZ-2026-XO-URG1-000007")

        var placed = try SerialFormat("{site}/{year}/{seq:04}".replacingOccurrences(of: "/", with: "."))
        placed.site = "SA-SAM1"
        #expect(placed.serial(series: placed.series(regionCode: "UZ-SA", year: 2026, courseCode: "X"), sequence: 12) == "SA-SAM1.2026.0012")
    }

    @Test func withoutASiteTheSerialsAreAsBefore() throws {
        let standard = SerialFormat.standard
        #expect(standard.serial(series: standard.series(regionCode: "UZ-XO", year: 2019, courseCode: "PS"), sequence: 1) == "UZ-2019-000001")
        let placed = try SerialFormat("{country}-{site}-{seq:03}")
        #expect(placed.serial(series: placed.series(regionCode: "KG-C", year: 2019, courseCode: "PS"), sequence: 2) == "KG-002")
    }

    @Test func twoSitesNeverShareASeries() {
        var urgench = SerialFormat.standard, samarkand = SerialFormat.standard
        urgench.site = "XO-URG1"
        samarkand.site = "SA-SAM1"
        #expect(urgench.series(regionCode: "UZ-XO", year: 2026, courseCode: "PS")
                != samarkand.series(regionCode: "UZ-XO", year: 2026, courseCode: "PS"))
    }
}

import ArgumentParser
import Foundation
import TrainingCore

/// A place given on the command line: everything, a country, a region, or a district of one.
struct PlaceOptions: ParsableArguments {
    @Option(help: "Only events in this country: UZ or KG.") var country: String?
    @Option(help: "Only events in this region: an ISO code (UZ-XO) or a name (Xorazm).") var region: String?
    @Option(help: "Only events in this district of --region, by code or name.") var district: String?

    /// The place covered, from --country, --region and --district.
    func scope() throws -> ReportScope {
        let gazetteer = Gazetteer.bundled
        var countryCode: String?
        if let country {
            countryCode = country.trimmingCharacters(in: .whitespaces).uppercased()
            guard ["UZ", "KG"].contains(countryCode!) else {
                throw MalakaError.data("“\(country)” is not a country Malaka covers. Use UZ or KG.")
            }
        }
        var region = try region.map { try gazetteer.region(matching: $0) }
        if let district {
            if region == nil {
                guard let known = gazetteer.district(code: district) else {
                    throw MalakaError.usage("Say which region the district “\(district)” is in with --region, or give its code, such as UZ-XO-URG.")
                }
                region = gazetteer.region(code: known.regionCode)
            }
            let found = try gazetteer.district(matching: district, in: region!)
            try check(region!, against: countryCode)
            return .district(found.code)
        }
        if let region {
            try check(region, against: countryCode)
            return .region(region.code)
        }
        return countryCode.map(ReportScope.country) ?? .all
    }

    private func check(_ region: Region, against country: String?) throws {
        if let country, region.country != country {
            throw MalakaError.usage("\(region.name(in: .english)) (\(region.code)) is not in \(country). Leave out --country, or give a region of \(country).")
        }
    }
}

import ArgumentParser
import Foundation
import TrainingCore

struct RegionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "region",
        abstract: "Look up the regions and districts Malaka knows.",
        subcommands: [List.self, Show.self])
}

extension RegionCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the regions (ISO 3166-2), optionally of one country.",
            discussion: "Example: malaka region list --country KG")

        @Option(help: "UZ or KG.") var country: String?
        @Option(help: "The language of the names.") var language: DocumentLanguage = .english
        @OptionGroup var output: OutputOptions

        func run() throws {
            let country = country?.uppercased()
            if let country, !["UZ", "KG"].contains(country) {
                throw MalakaError.data("“\(country)” is not a country Malaka covers. Use UZ or KG.")
            }
            let regions = Gazetteer.bundled.regions.filter { country == nil || $0.country == country }
            if output.json { return try Printer.json(regions.map(RegionView.init)) }
            Printer.table(["Code", "Name", "Districts"], regions.map { [$0.code, $0.name(in: language), String($0.districts.count)] })
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a region's names and districts.",
            discussion: "Example: malaka region show Xorazm")

        @Argument(help: "A region code or name.") var region: String
        @OptionGroup var output: OutputOptions

        func run() throws {
            let region = try Gazetteer.bundled.region(matching: region)
            if output.json { return try Printer.json(RegionView(region)) }
            print("\(region.code)  \(region.name(in: .english))")
            for language in DocumentLanguage.allCases {
                if let name = region.names[language] { print("  \(language.rawValue): \(name)") }
            }
            if !region.districts.isEmpty {
                print("")
                Printer.table(["District", "Name (en)", "Name (ru)"], region.districts.map {
                    [$0.code, $0.name(in: .english), $0.name(in: .russian)]
                })
            }
        }
    }
}

struct RegionView: Encodable {
    struct DistrictView: Encodable {
        var code: String
        var names: [String: String]
    }

    var code: String
    var country: String
    var names: [String: String]
    var districts: [DistrictView]

    init(_ region: Region) {
        code = region.code
        country = region.country
        names = Dictionary(uniqueKeysWithValues: region.names.map { ($0.key.rawValue, $0.value) })
        districts = region.districts.map { district in
            DistrictView(code: district.code,
                         names: Dictionary(uniqueKeysWithValues: district.names.map { ($0.key.rawValue, $0.value) }))
        }
    }
}

import Foundation
import Yams

/// The regions and districts of Uzbekistan and Kyrgyzstan shipped with the package.
///
/// A region or district can be named by its code or by any of its names and
/// aliases, in any letter case, in Latin or Cyrillic script, with or without
/// the generic word (“viloyati”, “область”, “District”).
///
/// For example:
/// ```swift
/// let khorezm = try Gazetteer.bundled.region(matching: "Xorazm")   // UZ-XO
/// let urganch = try Gazetteer.bundled.district(matching: "Urganch tumani", in: khorezm)
/// ```
public struct Gazetteer: Sendable {
    public let regions: [Region]
    private let regionsByCode: [String: Region]
    private let districtsByCode: [String: District]

    /// The gazetteer in `Resources/regions.yaml`, parsed once, when first needed.
    public static let bundled: Gazetteer = {
        do {
            return try Gazetteer(yaml: bundledText)
        } catch {
            preconditionFailure("The bundled regions.yaml is invalid: \(error)")
        }
    }()

    private static let bundledText: String = {
        guard let url = Bundle.module.url(forResource: "regions", withExtension: "yaml"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            preconditionFailure("The package resource regions.yaml is missing from the build.")
        }
        return text
    }()

    /// The bundled data's fingerprint, known without parsing it, so that opening a
    /// database whose regions are current costs no YAML parsing.
    static let bundledFingerprint = fingerprint(of: bundledText)

    private static func fingerprint(of text: String) -> String {
        // FNV-1a: stable across runs and platforms, unlike `Hasher`.
        String(text.utf8.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }, radix: 16)
    }

    public init(yaml: String) throws {
        let file = try File(yaml: yaml)
        regions = try file.regions.map { entry in
            Region(
                code: entry.code,
                country: entry.country,
                names: try Gazetteer.names(entry.names, of: entry.code),
                aliases: entry.aliases ?? [],
                districts: try (entry.districts ?? []).map { district in
                    District(code: district.code, regionCode: entry.code,
                             names: try Gazetteer.names(district.names, of: district.code),
                             aliases: district.aliases ?? [])
                }
            )
        }
        regionsByCode = Dictionary(regions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        districtsByCode = Dictionary(regions.flatMap(\.districts).map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func region(code: String) -> Region? { regionsByCode[code.uppercased()] }
    public func district(code: String) -> District? { districtsByCode[code.uppercased()] }

    /// The region a user means by a code or a name.
    public func region(matching text: String) throws -> Region {
        if let region = region(code: text.trimmingSpaces()) { return region }
        let found = Gazetteer.bestMatches(for: text, among: regions) { ($0.names, $0.aliases) }
        switch found.count {
        case 1: return found[0]
        case 0:
            throw MalakaError(.data, .unknownRegion, "“\(text)” is not a region we know. Give an ISO 3166-2 code such as UZ-XO or KG-C, or a name such as Xorazm, Samarqand or Chuy;",
                              remedy: .listRegions)
        default:
            throw Gazetteer.ambiguity(text, found.map { ($0.code, $0.names) })
        }
    }

    /// The district of a region a user means by a code or a name.
    public func district(matching text: String, in region: Region) throws -> District {
        if let district = district(code: text.trimmingSpaces()) {
            guard district.regionCode == region.code else {
                throw MalakaError.data("District \(district.code) (\(district.name(in: .english))) is not in \(region.name(in: .english)) (\(region.code)).")
            }
            return district
        }
        let found = Gazetteer.bestMatches(for: text, among: region.districts) { ($0.names, $0.aliases) }
        switch found.count {
        case 1: return found[0]
        case 0:
            throw MalakaError(.data, .unknownDistrict, "“\(text)” is not a district of \(region.name(in: .english)) (\(region.code)) that we know.",
                              subject: .region(code: region.code), remedy: .showDistricts(ofRegion: region.code))
        default:
            throw Gazetteer.ambiguity(text, found.map { ($0.code, $0.names) })
        }
    }

    /// A place name that fits several places, such as Urganch (the district or the city): refused, never guessed,
    /// naming each place with its code and the full name that chooses it.
    private static func ambiguity(_ text: String, _ places: [(code: String, names: [DocumentLanguage: String])]) -> MalakaError {
        let options = places.map { place -> String in
            let english = place.names[.english] ?? place.code
            let full = place.names[.uzbekLatin].map { ", “\($0)”" } ?? ""
            return "\(place.code) (\(english)\(full))"
        }.joined(separator: " or ")
        return MalakaError(.data, .ambiguousPlace, "“\(text)” could mean \(options). Give the code or the full name to choose.")
    }

    /// The entries whose name or alias equals the text; failing that, those equal once generic words are dropped.
    ///
    /// A bare name with no generic word in it, such as “Urganch”, also fits every place whose full name differs
    /// from it only by such a word (Urganch tumani, Urganch shahri), so that a district and a city of one name are
    /// refused as ambiguous, as “Tashkent” (the city or the region) is, rather than one of them silently chosen.
    private static func bestMatches<Place>(
        for text: String, among places: [Place], names: (Place) -> ([DocumentLanguage: String], [String])
    ) -> [Place] {
        let key = placeKey(text)
        let bare = bareKey(text)
        guard !key.isEmpty else { return [] }
        var exact: [Place] = []
        var loose: [Place] = []
        for place in places {
            let (localized, aliases) = names(place)
            let all = Array(localized.values) + aliases
            if all.contains(where: { placeKey($0) == key }) {
                exact.append(place)
            } else if !bare.isEmpty, all.contains(where: { bareKey($0) == bare }) {
                loose.append(place)
            }
        }
        return exact.isEmpty || key == bare ? exact + loose : exact
    }

    private static func placeKey(_ text: String) -> String {
        String(text.searchFolded().map { $0.isLetter || $0.isNumber ? $0 : " " })
            .split(separator: " ").joined(separator: " ")
    }

    private static func bareKey(_ text: String) -> String {
        placeKey(text).split(separator: " ").filter { !genericWords.contains(String($0)) }.joined(separator: " ")
    }

    /// Words that say what kind of place it is rather than which one.
    private static let genericWords: Set<String> = [
        "viloyati", "viloyat", "вилояти", "вилоят", "region", "oblast", "oblasty", "область", "обл", "облусу",
        "tumani", "tuman", "тумани", "туман", "district", "район", "raion", "rayon", "району", "shahri", "шаҳри",
        "city", "город", "г", "шаары", "shaary", "respublikasi", "республикаси", "республика", "republic", "of", "the",
    ]

    private static func names(_ raw: [String: String], of code: String) throws -> [DocumentLanguage: String] {
        var names: [DocumentLanguage: String] = [:]
        for (tag, name) in raw {
            guard let language = DocumentLanguage(rawValue: tag) else {
                throw MalakaError.data("regions.yaml: \(code) has a name in “\(tag)”, which is not one of \(DocumentLanguage.allTags).")
            }
            names[language] = name
        }
        guard names[.english] != nil else {
            throw MalakaError.data("regions.yaml: \(code) has no English name (en).")
        }
        return names
    }

    /// The file as read from its YAML nodes: YAMLDecoder's decoding through `Decodable` cost 2 % of the CPU
    /// of issuing 1,000 certificates, which read the gazetteer once for the place names.
    private struct File {
        var regions: [RegionEntry]

        init(yaml: String) throws {
            guard let list = try Yams.compose(yaml: yaml)?["regions"]?.sequence else { throw File.invalid("regions") }
            regions = try list.map(RegionEntry.init(node:))
        }

        static func invalid(_ what: String) -> MalakaError {
            MalakaError.data("regions.yaml: \(what) is missing or not of the expected kind.")
        }

        static func string(_ node: Node, _ key: String) throws -> String {
            guard let value = node[key], value.scalar != nil, let text = value.string else { throw invalid(key) }
            return text
        }

        /// A list of strings, or nil when the key is absent or null, as `decodeIfPresent` gives it.
        static func strings(_ node: Node, _ key: String) throws -> [String]? {
            guard let value = node[key], value.null == nil else { return nil }
            guard let list = value.sequence else { throw invalid(key) }
            return try list.map { item in
                guard item.scalar != nil, let text = item.string else { throw invalid(key) }
                return text
            }
        }

        static func names(_ node: Node, _ key: String) throws -> [String: String] {
            guard let mapping = node[key]?.mapping else { throw invalid(key) }
            var names: [String: String] = [:]
            for (tag, name) in mapping {
                guard tag.scalar != nil, name.scalar != nil, let tag = tag.string, let name = name.string else { throw invalid(key) }
                names[tag] = name
            }
            return names
        }
    }

    private struct RegionEntry {
        var code: String
        var country: String
        var names: [String: String]
        var aliases: [String]?
        var districts: [DistrictEntry]?

        init(node: Node) throws {
            code = try File.string(node, "code")
            country = try File.string(node, "country")
            names = try File.names(node, "names")
            aliases = try File.strings(node, "aliases")
            if let value = node["districts"], value.null == nil {
                guard let list = value.sequence else { throw File.invalid("districts") }
                districts = try list.map(DistrictEntry.init(node:))
            }
        }
    }

    private struct DistrictEntry {
        var code: String
        var names: [String: String]
        var aliases: [String]?

        init(node: Node) throws {
            code = try File.string(node, "code")
            names = try File.names(node, "names")
            aliases = try File.strings(node, "aliases")
        }
    }
}

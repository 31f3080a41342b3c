import Foundation
import Yams

/// Which DHIS2 data element, category option combination and organisation unit each number of a
/// region summary goes to: a file the programme keeps beside its courses, `courses/dhis2/mapping.yaml`.
///
/// For example:
/// ```yaml
/// data-set: MLK_TRAINING              # optional: the DHIS2 data set the values belong to
/// attribute-option-combo: UNICEF      # optional: the project or donor dimension, if DHIS2 has one
/// org-units:                          # Malaka's region (or district) codes → DHIS2 organisation units
///   UZ-XO: UZ_XORAZM
/// data-values:
///   - indicator: participants.sex.female   # a key of the region summary's JSON
///     data-element: MLK_PEOPLE_REACHED
///     category-option-combo: FEMALE        # optional: DHIS2's default combination without it
/// ```
/// Codes are given as DHIS2 knows them (codes or UIDs); import with the matching id scheme.
public struct DHIS2Mapping: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var indicator: SummaryIndicator
        public var dataElement: String
        public var categoryOptionCombo: String?
    }

    public var dataSet: String?
    public var attributeOptionCombo: String?
    public var orgUnits: [String: String]
    public var entries: [Entry]

    /// Reads and checks a mapping file; every complaint names the file, line and field.
    public static func load(from url: URL) throws -> DHIS2Mapping {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw MalakaError.io("Cannot read the DHIS2 mapping \(url.path): \(error.localizedDescription). Give the file with its path, such as courses/dhis2/mapping.yaml.")
        }
        return try parse(text, file: url.path)
    }

    public static func parse(_ text: String, file: String) throws -> DHIS2Mapping {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw MalakaError.data("\(file): \(error.locatedDescription). Fix the YAML syntax there.")
        }
        guard let mapping = root?.mapping else {
            throw MalakaError.data("\(file): the file must hold a mapping with org-units: and data-values:.")
        }
        func problem(_ node: Node?, _ field: String, _ message: String) -> MalakaError {
            let place = (node?.mark ?? root?.mark).map { "line \($0.line), column \($0.column)" } ?? "the top"
            return MalakaError.data("\(file), \(place), field \(field): \(message).")
        }
        func codeValue(_ node: Node?, _ field: String) throws -> String? {
            guard let node else { return nil }
            guard let value = node.scalar?.string.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
                throw problem(node, field, "expected a code, found \(node.scalar == nil ? "a list or a mapping" : "nothing")")
            }
            return value
        }
        let known: Set<String> = ["data-set", "attribute-option-combo", "org-units", "data-values"]
        for (key, _) in mapping where !known.contains(key.string ?? "") {
            throw problem(key, key.string ?? "?", "not a field of a DHIS2 mapping; the fields are \(known.sorted().joined(separator: ", "))")
        }

        guard let units = mapping["org-units"]?.mapping else {
            throw problem(mapping["org-units"], "org-units", "give each region's DHIS2 organisation unit, such as UZ-XO: UZ_XORAZM")
        }
        var orgUnits: [String: String] = [:]
        for (key, value) in units {
            let place = key.string ?? ""
            guard Gazetteer.bundled.region(code: place) != nil || Gazetteer.bundled.district(code: place) != nil else {
                throw problem(key, "org-units.\(place)", "“\(place)” is not a region or district code Malaka knows (such as UZ-XO or UZ-XO-URG)")
            }
            orgUnits[place] = try codeValue(value, "org-units.\(place)")
        }

        guard let values = mapping["data-values"]?.sequence, !values.isEmpty else {
            throw problem(mapping["data-values"], "data-values", "list the numbers to send, each with indicator: and data-element:")
        }
        var entries: [Entry] = []
        for (index, item) in values.enumerated() {
            let field = "data-values[\(index + 1)]"
            guard let entry = item.mapping else { throw problem(item, field, "expected indicator:, data-element: and category-option-combo:") }
            guard let key = try codeValue(entry["indicator"], "\(field).indicator") else {
                throw problem(item, "\(field).indicator", "the field is missing; give a key such as participants.sex.female")
            }
            guard let indicator = SummaryIndicator.named(key) else {
                throw problem(entry["indicator"], "\(field).indicator", "“\(key)” is not a number of the region summary; use one of its JSON keys, such as events, hours, participants.sex.female or completed")
            }
            guard let dataElement = try codeValue(entry["data-element"], "\(field).data-element") else {
                throw problem(item, "\(field).data-element", "the field is missing; give the DHIS2 data element")
            }
            let combo = try codeValue(entry["category-option-combo"], "\(field).category-option-combo")
            if let twin = entries.first(where: { $0.dataElement == dataElement && $0.categoryOptionCombo == combo }) {
                throw problem(item, field, "\(dataElement)\(combo.map { "/\($0)" } ?? "") already receives \(twin.indicator.key); each data element and combination takes one number")
            }
            entries.append(Entry(indicator: indicator, dataElement: dataElement, categoryOptionCombo: combo))
        }
        return DHIS2Mapping(dataSet: try codeValue(mapping["data-set"], "data-set"),
                            attributeOptionCombo: try codeValue(mapping["attribute-option-combo"], "attribute-option-combo"),
                            orgUnits: orgUnits, entries: entries)
    }
}

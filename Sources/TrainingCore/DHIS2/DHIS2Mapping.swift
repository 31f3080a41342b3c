import Foundation

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
        let root = try YAMLNode(text: text, file: file, fields: "org-units:, data-values:", error: { MalakaError.data($0) })
        /// A code, or nil when the field is absent.
        func codeValue(_ node: YAMLNode?) throws -> String? {
            guard let node else { return nil }
            guard node.isScalar, let value = Optional(try node.string().trimmingCharacters(in: .whitespaces)), !value.isEmpty else {
                throw node.problem("expected a code, found \(node.isScalar ? "nothing" : "a list or a mapping")")
            }
            return value
        }
        let known: Set<String> = ["data-set", "attribute-option-combo", "org-units", "data-values"]
        for (key, _) in try root.entries() where !known.contains(key) {
            throw root.problem("not a field of a DHIS2 mapping; the fields are \(known.sorted().joined(separator: ", "))",
                               field: key, place: root.place(ofKey: key))
        }

        guard let units = try root.optional("org-units"), units.isMapping else {
            throw (try root.optional("org-units") ?? root).problem(
                "give each region's DHIS2 organisation unit, such as UZ-XO: UZ_XORAZM", field: "org-units")
        }
        var orgUnits: [String: String] = [:]
        for (place, value) in try units.entries() {
            guard Gazetteer.bundled.region(code: place) != nil || Gazetteer.bundled.district(code: place) != nil else {
                throw units.problem("“\(place)” is not a region or district code Malaka knows (such as UZ-XO or UZ-XO-URG)",
                                    field: value.path, place: units.place(ofKey: place))
            }
            orgUnits[place] = try codeValue(value)
        }

        let valuesNode = try root.optional("data-values")
        guard let values = try? valuesNode?.items(), !values.isEmpty else {
            throw (valuesNode ?? root).problem("list the numbers to send, each with indicator: and data-element:", field: "data-values")
        }
        var entries: [Entry] = []
        for item in values {
            guard item.isMapping else { throw item.problem("expected indicator:, data-element: and category-option-combo:") }
            guard let key = try codeValue(item.optional("indicator")) else {
                throw item.problem("the field is missing; give a key such as participants.sex.female", field: "\(item.path).indicator")
            }
            guard let indicator = SummaryIndicator.named(key) else {
                throw try item.required("indicator").problem("“\(key)” is not a number of the region summary; use one of its JSON keys, such as events, hours, participants.sex.female or completed")
            }
            guard let dataElement = try codeValue(item.optional("data-element")) else {
                throw item.problem("the field is missing; give the DHIS2 data element", field: "\(item.path).data-element")
            }
            let combo = try codeValue(item.optional("category-option-combo"))
            if let twin = entries.first(where: { $0.dataElement == dataElement && $0.categoryOptionCombo == combo }) {
                throw item.problem("\(dataElement)\(combo.map { "/\($0)" } ?? "") already receives \(twin.indicator.key); each data element and combination takes one number")
            }
            entries.append(Entry(indicator: indicator, dataElement: dataElement, categoryOptionCombo: combo))
        }
        return DHIS2Mapping(dataSet: try codeValue(root.optional("data-set")),
                            attributeOptionCombo: try codeValue(root.optional("attribute-option-combo")),
                            orgUnits: orgUnits, entries: entries)
    }
}

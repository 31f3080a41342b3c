/// Values given for a whole participant list, for the fields its columns do not give:
/// a parents' list with no category column, every row from one district.
///
/// A row's own cell wins; a preset fills the field where the row says nothing.
///
/// For example:
/// ```swift
/// let presets = try ImportPresets(parsing: ["category=parent", "region=Xorazm"])
/// presets.values[.category]   // "parent"
/// ```
public struct ImportPresets: Sendable, Hashable {
    /// The fields a preset may give: not names, phones or birth years, which belong to one person.
    public static let settable: [ImportField] = [
        .sex, .category, .organisation, .region, .district, .locality, .language, .consentDate, .consentBy,
    ]

    /// The value for each field given, as written.
    public private(set) var values: [ImportField: String] = [:]

    public init() {}

    /// Reads `FIELD=VALUE` pairs; a field not in ``settable``, or given twice with two values, is refused.
    public init(parsing pairs: [String]) throws {
        for pair in pairs {
            guard let equals = pair.firstIndex(of: "=") else {
                throw MalakaError.usage("“\(pair)” is not FIELD=VALUE, e.g. category=parent.")
            }
            let field = try ImportField(parsing: String(pair[..<equals]))
            let value = String(pair[pair.index(after: equals)...]).trimmingSpaces()
            guard Self.settable.contains(field) else {
                throw MalakaError.usage("“\(field.rawValue)” cannot be given for a whole list: it belongs to one person. Fields that can: \(Self.settable.map(\.rawValue).joined(separator: ", ")).")
            }
            guard !value.isEmpty else {
                throw MalakaError.usage("“\(pair)” gives no value for \(field.rawValue).")
            }
            if let earlier = values[field], earlier != value {
                throw MalakaError.usage("\(field.rawValue) is given twice, as “\(earlier)” and “\(value)”. Give it once.")
            }
            values[field] = value
        }
    }

    public var isEmpty: Bool { values.isEmpty }

    /// Checks every value once, before any row is read, so a bad preset is one error and not one per row.
    func check(gazetteer: Gazetteer, thisYear: Int) throws {
        for field in Self.settable {
            guard let value = values[field] else { continue }
            do {
                try TextRule.check(value, field: field.rawValue)
                switch field {
                case .sex: _ = try Sex(parsing: value)
                case .category: _ = try ParticipantCategory(parsing: value)
                case .language: _ = try CellReading.language(value)
                case .consentDate: _ = try CellReading.day(value)
                case .region: _ = try gazetteer.region(matching: value)
                case .district:
                    if let region = values[.region] {
                        _ = try gazetteer.district(matching: value, in: gazetteer.region(matching: region))
                    }
                default: break
                }
            } catch let error as MalakaError {
                throw MalakaError(.usage, error.code, "The value given for \(field.rawValue) for the whole list, “\(value)”: \(error.message)",
                                  subject: error.subject, remedy: error.remedy)
            }
        }
    }
}

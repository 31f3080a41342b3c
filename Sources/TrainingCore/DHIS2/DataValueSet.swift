import Foundation

/// A region summary's numbers as a DHIS2 data value set, for `POST /api/dataValueSets`.
///
/// The JSON follows the DHIS2 Web API's documented format (“Data values: sending data values”):
/// an object with `dataSet`, `completeDate`, `period`, `attributeOptionCombo` and `dataValues`, each
/// value an object with `dataElement`, `categoryOptionCombo`, `orgUnit`, `value` (a string) and
/// `comment`. Periods are DHIS2's ISO periods: `2019` for a year, `2019Q4` for a quarter, `201903` for
/// a month, `20190325` for a day.
///
/// For example:
/// ```swift
/// let set = try DataValueSet(summary: summary, mapping: try DHIS2Mapping.load(from: url))
/// let json = try set.json()
/// ```
public struct DataValueSet: Encodable, Sendable {
    public struct DataValue: Encodable, Hashable, Sendable {
        public var dataElement: String
        public var categoryOptionCombo: String?
        public var orgUnit: String
        public var value: String
        public var comment: String
    }

    public var dataSet: String?
    public var completeDate: String
    public var period: String
    public var attributeOptionCombo: String?
    public var dataValues: [DataValue]

    /// One value per mapped indicator and per row with an organisation unit.
    ///
    /// - Throws: ``MalakaError`` for a period DHIS2 has no name for, or a row with numbers whose
    ///   place has no organisation unit in the mapping (rows with nothing held may lack one).
    public init(summary: RegionSummary, mapping: DHIS2Mapping, completeDate: DayDate = .today) throws {
        period = try Self.period(summary.request.period)
        dataSet = mapping.dataSet
        attributeOptionCombo = mapping.attributeOptionCombo
        self.completeDate = completeDate.iso
        let unmapped = summary.rows.filter { row in
            row.figures != RegionSummary.Figures() && (row.code.flatMap { mapping.orgUnits[$0] } == nil)
        }
        if !unmapped.isEmpty {
            let codes = unmapped.map { $0.code ?? "events without a district" }
            throw MalakaError.data("The DHIS2 mapping has no organisation unit for \(codes.joined(separator: ", ")), where events were held in the period. Add \(codes.count == 1 ? "it" : "them") under org-units: in the mapping, or leave \(codes.count == 1 ? "that place" : "those places") out of the report. Nothing was written.")
        }
        dataValues = summary.rows.flatMap { row -> [DataValue] in
            guard let code = row.code, let orgUnit = mapping.orgUnits[code] else { return [] }
            return mapping.entries.map { entry in
                DataValue(dataElement: entry.dataElement, categoryOptionCombo: entry.categoryOptionCombo, orgUnit: orgUnit,
                          value: entry.indicator.value(row.figures), comment: "Malaka \(entry.indicator.key), \(code)")
            }
        }
    }

    /// The set as JSON, keys sorted, ending with a line break.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// DHIS2's name of a period: a year, a quarter, a whole month or one day; others have none.
    static func period(_ period: ReportPeriod) throws -> String {
        switch period.span {
        case .year(let year): return String(year)
        case .quarter(let year, let quarter): return "\(year)Q\(quarter)"
        case .days:
            let from = period.from, to = period.to
            if from == to { return from.iso.replacingOccurrences(of: "-", with: "") }
            if from.day == 1, to.year == from.year, to.month == from.month, to.day == DayDate.daysIn(month: to.month, year: to.year) {
                return String(from.iso.prefix(7)).replacingOccurrences(of: "-", with: "")
            }
            throw MalakaError.data("DHIS2 takes numbers for a year, a quarter, a month or a day; \(from.iso) to \(to.iso) is none of them. Report a year, a quarter, a whole month or one day.")
        }
    }
}

import Foundation

/// A check of a DHIS2 `dataValueSets` JSON document, written from DHIS2's Web API documentation
/// (“Data values — sending data values”, and “Date and period format”).
///
/// The documented JSON is an object with the optional `dataSet`, `completeDate`, `period`,
/// `orgUnit` and `attributeOptionCombo` and a `dataValues` array; each value is an object with
/// `dataElement`, `period`, `orgUnit`, `categoryOptionCombo`, `attributeOptionCombo`, `value`,
/// `comment` (and, on export, `storedBy`, `created`, `lastUpdated`, `followup`). A value must say
/// its data element and value, and get a period and an organisation unit from itself or its set.
/// Periods are ISO periods: `yyyy`, `yyyyQn`, `yyyyMM`, `yyyyMMdd`, `yyyyWn`, `yyyySn`, `yyyyBiW n`…;
/// `completeDate` is `yyyy-MM-dd`. DHIS2 keeps one value per data element, period, organisation
/// unit and combinations, so a set that gives one twice is wrong too.
enum DataValueSetSchema {
    static let setKeys: Set<String> = ["dataSet", "completeDate", "period", "orgUnit", "attributeOptionCombo", "dataValues"]
    static let valueKeys: Set<String> = ["dataElement", "period", "orgUnit", "categoryOptionCombo", "attributeOptionCombo", "value",
                                         "comment", "storedBy", "created", "lastUpdated", "followup"]
    static let periodPatterns = [#"^\d{4}$"#, #"^\d{4}Q[1-4]$"#, #"^\d{4}(0[1-9]|1[0-2])$"#, #"^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$"#,
                                 #"^\d{4}W([1-9]|[1-4]\d|5[0-3])$"#, #"^\d{4}S[12]$"#, #"^\d{4}(April|July|Oct)$"#]

    /// Every way the document departs from the format; empty when it conforms.
    static func problems(in data: Data) -> [String] {
        guard let set = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            return ["the document is not a JSON object"]
        }
        var problems: [String] = []
        for key in set.keys where !setKeys.contains(key) { problems.append("unknown key \(key) in the data value set") }
        for key in ["dataSet", "period", "orgUnit", "attributeOptionCombo", "completeDate"] where set[key] != nil && !(set[key] is String) {
            problems.append("\(key) must be a string")
        }
        if let period = set["period"] as? String, !isPeriod(period) { problems.append("period \(period) is not an ISO period") }
        if let date = set["completeDate"] as? String, date.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) == nil {
            problems.append("completeDate \(date) is not yyyy-MM-dd")
        }
        guard let values = set["dataValues"] as? [Any] else { return problems + ["dataValues must be an array"] }
        var seen = Set<[String]>()
        for (index, item) in values.enumerated() {
            guard let value = item as? [String: Any] else { problems.append("dataValues[\(index)] is not an object"); continue }
            for key in value.keys where !valueKeys.contains(key) { problems.append("dataValues[\(index)]: unknown key \(key)") }
            for key in ["dataElement", "value"] where (value[key] as? String)?.isEmpty != false {
                problems.append("dataValues[\(index)]: \(key) must be a non-empty string")
            }
            for key in ["categoryOptionCombo", "attributeOptionCombo", "comment", "period", "orgUnit"] where value[key] != nil && !(value[key] is String) {
                problems.append("dataValues[\(index)]: \(key) must be a string")
            }
            let period = value["period"] as? String ?? set["period"] as? String
            let orgUnit = value["orgUnit"] as? String ?? set["orgUnit"] as? String
            if period == nil { problems.append("dataValues[\(index)] has no period, nor has its set") }
            if let period, !isPeriod(period) { problems.append("dataValues[\(index)]: period \(period) is not an ISO period") }
            if orgUnit == nil { problems.append("dataValues[\(index)] has no orgUnit, nor has its set") }
            let key = [value["dataElement"] as? String ?? "", period ?? "", orgUnit ?? "", value["categoryOptionCombo"] as? String ?? "",
                       value["attributeOptionCombo"] as? String ?? set["attributeOptionCombo"] as? String ?? ""]
            if !seen.insert(key).inserted { problems.append("dataValues[\(index)] repeats \(key.joined(separator: "/"))") }
        }
        return problems
    }

    static func isPeriod(_ text: String) -> Bool {
        periodPatterns.contains { text.range(of: $0, options: .regularExpression) != nil }
    }
}

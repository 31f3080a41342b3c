import Foundation
import GRDB

/// Row values as they travel (JSON) and as this database stores them.
extension BundleApplier {
    static func texts(_ values: [String: Any?]) -> [String: String?] {
        values.mapValues { value -> String? in
            guard let value, !(value is NSNull) else { return nil }
            switch value {
            case let string as String: return string
            case let number as NSNumber: return number.stringValue
            default: return "\(value)"
            }
        }
    }

    /// A JSON value as SQLite stores it; a row's origin site is kept empty when it is this site's own.
    static func databaseValue(_ value: Any?, column: String, localSite: String, changeSite: String) -> (any DatabaseValueConvertible)? {
        if column == "originSite" {
            let site = (value as? String) ?? changeSite
            return site == localSite ? nil : site
        }
        guard let value, !(value is NSNull) else { return nil }
        switch value {
        case let string as String: return string
        case let number as NSNumber:
            // "d" or "f", read as bytes: a text made of it for every number cost more than the rest of the row.
            let type = number.objCType
            if type[1] == 0, type[0] == CChar(UInt8(ascii: "d")) || type[0] == CChar(UInt8(ascii: "f")) { return number.doubleValue }
            return number.int64Value
        default: return nil
        }
    }

    static func json(_ values: [String: String?]?) -> String {
        guard let values else { return "null" }
        let object = values.mapValues { $0 ?? NSNull() as Any }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    static func rows(of entry: ChangeEntry) throws -> [[String: Any]] {
        guard let rows = try? SyncBundleReader.rows(entry.rows) else {
            throw MalakaError(.data, .refusedBundle, "The change \(entry.site) #\(entry.siteSequence) holds rows that are not a list. Nothing was changed.")
        }
        return rows
    }
}

/// One cell of an export, typed so that JSON gets numbers and booleans and CSV gets text.
public enum ExportValue: Sendable, Hashable {
    case text(String)
    case integer(Int64)
    case number(Double)
    case bool(Bool)
    case null

    init(_ text: String?) {
        self = text.map(ExportValue.text) ?? .null
    }

    init(_ number: Int?) {
        self = number.map { .integer(Int64($0)) } ?? .null
    }

    init(_ number: Int64?) {
        self = number.map(ExportValue.integer) ?? .null
    }

    /// The value as CSV text: numbers without a needless `.0`, booleans as `yes`/`no`, null as nothing.
    var csvText: String {
        switch self {
        case .text(let text): text
        case .integer(let value): String(value)
        case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .bool(let value): value ? "yes" : "no"
        case .null: ""
        }
    }
}

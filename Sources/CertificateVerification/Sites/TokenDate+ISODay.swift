import Foundation

extension TokenDate {
    /// A day written `2026-12-04`; `field` names it in the error when it is not one.
    public init(isoDay text: String, field: String) throws {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 3, text.count == 10, let year = parts[0], let month = parts[1], let day = parts[2],
              let date = TokenDate(year: year, month: month, day: day) else {
            throw VerificationError.data("Field \(field): “\(text.prefix(20))” is not a day written YYYY-MM-DD.")
        }
        self = date
    }
}

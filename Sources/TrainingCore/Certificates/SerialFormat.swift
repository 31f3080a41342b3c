import Foundation

/// How an organisation numbers its certificates: a pattern with placeholders.
///
/// Placeholders: `{country}` (UZ, KG), `{region}` (the part of the ISO code after
/// the dash, e.g. XO), `{year}` (the issue year), `{course}` (the course code) and
/// `{seq}` or `{seq:06}` (the number within the series, zero-padded to a width), and `{site}` (the issuing
/// site's code, put before the number when the pattern has no `{site}` and the database issues as a site).
/// Everything but `{seq}` makes the series; numbers run without gaps within it.
///
/// For example, `{country}-{year}-{seq:06}` gives `UZ-2019-000001`, `UZ-2019-000002`…
public struct SerialFormat: Hashable, Sendable {
    public static let standard = try! SerialFormat("{country}-{year}-{seq:06}")

    public let pattern: String
    private let width: Int
    /// The site code a database issuing as a site puts in every serial, so that no two sites' serials collide:
    /// in place of `{site}`, else just before the running number (`UZ-2026-XO-URG1-000007`).
    public var site: String?

    public init(_ pattern: String) throws {
        let sequenceTokens = pattern.matches(of: /\{seq(:(\d{1,2}))?\}/)
        guard sequenceTokens.count == 1, let token = sequenceTokens.first else {
            throw MalakaError.data("The serial format “\(pattern)” must have exactly one {seq} or {seq:06}, the running number.")
        }
        width = token.output.2.flatMap { Int($0) } ?? 1
        let others = pattern.replacing(/\{seq(:\d{1,2})?\}/, with: "")
        for placeholder in others.matches(of: /\{([^}]*)\}/) where !SerialFormat.placeholders.contains(String(placeholder.output.1)) {
            throw MalakaError.data("The serial format “\(pattern)” has an unknown placeholder {\(placeholder.output.1)}. Use {country}, {region}, {year}, {course}, {site} and {seq:06}.")
        }
        let literal = others.replacing(/\{[^}]*\}/, with: "")
        guard literal.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }) else {
            throw MalakaError.data("The serial format “\(pattern)” may hold only letters, digits, - _ and . besides its placeholders, so serials are safe in file names and QR codes.")
        }
        self.pattern = pattern
    }

    private static let placeholders: Set<String> = ["country", "region", "year", "course", "site"]

    /// The series a certificate falls in, and its serial for a number.
    func series(regionCode: String, year: Int, courseCode: String) -> String {
        let country = String(regionCode.prefix(while: { $0 != "-" }))
        let region = String(regionCode.split(separator: "-").dropFirst().joined(separator: "-"))
        var pattern = pattern
        if let site {
            pattern = pattern.contains("{site}")
                ? pattern.replacingOccurrences(of: "{site}", with: site)
                : pattern.replacingOccurrences(of: "{seq", with: site + "-{seq")
        } else {
            // A database that does not issue as a site leaves the place empty, without a doubled separator.
            pattern = Self.withoutSite(pattern)
        }
        return pattern
            .replacingOccurrences(of: "{country}", with: country)
            .replacingOccurrences(of: "{region}", with: region)
            .replacingOccurrences(of: "{year}", with: String(year))
            .replacingOccurrences(of: "{course}", with: courseCode)
    }

    /// `pattern` with each `{site}` taken out, with the one `-`, `_` or `.` that follows it: what the regular
    /// expression `\{site\}[-_.]?` replaced by nothing, which cost a compilation of the expression at every call.
    private static func withoutSite(_ pattern: String) -> String {
        var result = ""
        var rest = pattern[...]
        while let range = rest.range(of: "{site}") {
            result += rest[..<range.lowerBound]
            var after = range.upperBound
            if after < rest.endIndex, rest[after] == "-" || rest[after] == "_" || rest[after] == "." {
                after = rest.index(after: after)
            }
            rest = rest[after...]
        }
        return result + rest
    }

    /// The serial of number `sequence` in `series`, e.g. `UZ-2019-000042`.
    ///
    /// Plain string search, not a regular expression: issuing 10,000 certificates calls this 10,000 times.
    func serial(series: String, sequence: Int) -> String {
        let number = String(sequence)
        let padded = String(repeating: "0", count: max(0, width - number.count)) + number
        guard let start = series.range(of: "{seq"), let end = series[start.upperBound...].firstIndex(of: "}") else {
            return series + padded
        }
        return series[..<start.lowerBound] + padded + series[series.index(after: end)...]
    }
}

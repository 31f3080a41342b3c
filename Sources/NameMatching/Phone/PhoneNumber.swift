/// A phone number reduced to the digits that identify it within its country.
///
/// Everything but digits is dropped, then a leading `00`, the country codes
/// 998 (Uzbekistan), 996 (Kyrgyzstan) and 7 (Russia, Kazakhstan) on numbers
/// of international length, and the trunk prefix `0` or `8` on numbers of
/// national length. Numbers with fewer than six digits are not phone numbers.
///
/// For example:
/// ```swift
/// PhoneNumber("+998 (90) 123-45-67")?.nationalNumber  // "901234567"
/// PhoneNumber("8 90 123 45 67")?.nationalNumber       // "901234567"
/// PhoneNumber("0555 123 456")?.nationalNumber         // "555123456"
/// PhoneNumber("+998901234567")?.formatted             // "+998 90 123 45 67"
/// ```
public struct PhoneNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number without country code or trunk prefix, digits only.
    public let nationalNumber: String
    /// The country calling code the number was written with, if any: "998", "996" or "7".
    public let countryCode: String?

    /// Parses a phone number as people type it; `nil` when `text` holds
    /// fewer than six digits.
    public init?(_ text: String) {
        var digits = ""
        for scalar in text.unicodeScalars {
            if (0x30...0x39).contains(scalar.value) {
                digits.unicodeScalars.append(scalar)
            } else if scalar.value >= 0x80, scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue {
                digits += String(Int(value))
            }
        }
        if digits.hasPrefix("00") { digits.removeFirst(2) }
        var country: String? = nil
        switch digits.count {
        case 12 where digits.hasPrefix("998") || digits.hasPrefix("996"):
            country = String(digits.prefix(3))
            digits.removeFirst(3)
        case 11 where digits.hasPrefix("7"):
            country = "7"
            digits.removeFirst()
        case 11 where digits.hasPrefix("8"), 10 where digits.hasPrefix("0") || digits.hasPrefix("8"):
            digits.removeFirst()
        default:
            break
        }
        guard digits.count >= 6 else { return nil }
        self.nationalNumber = digits
        self.countryCode = country
    }

    /// The number grouped the way it is written locally, with the country
    /// code when known: "+998 90 123 45 67", "+996 555 123 456".
    public var formatted: String {
        let d = Array(nationalNumber)
        func groups(_ sizes: [Int]) -> String {
            var parts: [String] = [], start = 0
            for size in sizes where start < d.count {
                parts.append(String(d[start..<min(d.count, start + size)]))
                start += size
            }
            if start < d.count { parts.append(String(d[start...])) }
            return parts.joined(separator: " ")
        }
        switch (countryCode, d.count) {
        case ("996", 9): return "+996 " + groups([3, 3, 3])
        case ("7", 10): return "+7 " + groups([3, 3, 2, 2])
        case (let code?, 9): return "+\(code) " + groups([2, 3, 2, 2])
        case (nil, 9): return groups([2, 3, 2, 2])
        case (let code?, _): return "+\(code) " + nationalNumber
        case (nil, _): return nationalNumber
        }
    }

    public var description: String { formatted }

    /// Whether two numbers reach the same line: their national numbers agree
    /// (a country code written on one only does not matter).
    public func isSameLine(as other: PhoneNumber) -> Bool {
        nationalNumber == other.nationalNumber
            && (countryCode == nil || other.countryCode == nil || countryCode == other.countryCode)
    }
}

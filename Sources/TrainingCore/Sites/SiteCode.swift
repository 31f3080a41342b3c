/// The rules for a site's code: two capital letters (the country or region), a hyphen, then two to
/// eight capital letters or digits, such as `XO-URG1`. A database that has not joined a programme
/// has a code `LOCAL-` and eight random hexadecimal digits.
public enum SiteCode {
    /// Whether `code` is a code a site may join a programme with.
    public static func isValid(_ code: String) -> Bool {
        let characters = Array(code)
        guard characters.count >= 5, characters.count <= 11, characters[2] == "-" else { return false }
        let capital: (Character) -> Bool = { $0.isASCII && $0.isUppercase }
        return characters[0...1].allSatisfy(capital)
            && characters[3...].allSatisfy { capital($0) || ($0.isASCII && $0.isNumber) }
    }

    /// Refuses a code a site may not join with, saying what a code looks like.
    static func check(_ code: String) throws {
        guard isValid(code) else {
            throw MalakaError.usage("“\(code)” is not a site code: write two capital letters, a hyphen, then 2 to 8 capital letters or digits, such as XO-URG1.")
        }
    }

    /// Whether `code` is the code of a database that has not joined a programme yet.
    public static func isProvisional(_ code: String) -> Bool {
        code.hasPrefix("LOCAL-") && code.count == 14
    }

    /// A new provisional code, such as `LOCAL-3F9A0C12`.
    static func provisional() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = String(UInt32.random(in: .min ... .max, using: &generator), radix: 16).uppercased()
        return "LOCAL-" + String(repeating: "0", count: 8 - digits.count) + digits
    }
}

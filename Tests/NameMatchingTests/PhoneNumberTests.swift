import NameMatching
import Testing

@Suite("Phone numbers")
struct PhoneNumberTests {
    @Test("Country codes, trunk prefixes and punctuation are removed", arguments: [
        ("+998 90 123 45 67", "901234567", "998"),
        ("+998 (90) 123-45-67", "901234567", "998"),
        ("998901234567", "901234567", "998"),
        ("00998901234567", "901234567", "998"),
        ("8 90 123 45 67", "901234567", nil),
        ("90 123 45 67", "901234567", nil),
        ("+996 555 123 456", "555123456", "996"),
        ("0555 123 456", "555123456", nil),
        ("+7 912 345-67-89", "9123456789", "7"),
        ("8 (912) 345-67-89", "9123456789", nil),
    ] as [(String, String, String?)])
    func normalises(text: String, national: String, country: String?) throws {
        let phone = try #require(PhoneNumber(text))
        #expect(phone.nationalNumber == national)
        #expect(phone.countryCode == country)
    }

    @Test("Too few digits is not a phone number", arguments: ["", "-", "12-34", "нет", "n/a"])
    func rejects(text: String) {
        #expect(PhoneNumber(text) == nil)
    }

    @Test("Numbers are formatted the local way")
    func formatting() {
        #expect(PhoneNumber("998901234567")?.formatted == "+998 90 123 45 67")
        #expect(PhoneNumber("+996555123456")?.formatted == "+996 555 123 456")
        #expect(PhoneNumber("8 90 123 45 67")?.formatted == "90 123 45 67")
    }

    @Test("The same line with and without country code is the same number")
    func sameLine() throws {
        let a = try #require(PhoneNumber("+998 90 123 45 67"))
        let b = try #require(PhoneNumber("8-90-123-45-67"))
        let c = try #require(PhoneNumber("+996 90 123 45 67"))
        #expect(a.isSameLine(as: b))
        #expect(!a.isSameLine(as: c))
    }
}

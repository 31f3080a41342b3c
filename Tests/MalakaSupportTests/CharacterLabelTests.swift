import MalakaSupport
import Testing

@Suite struct CharacterLabelTests {
    @Test("A visible character is named by its code and itself", arguments: [
        ("王", "U+738B 王"), ("ʻ", "U+02BB ʻ"), ("ı", "U+0131 ı"), ("😀", "U+1F600 😀"),
    ])
    func visible(_ character: Unicode.Scalar, _ label: String) {
        #expect(CharacterLabel.label(of: character) == label)
    }

    @Test("An invisible character is named by its code alone", arguments: [
        ("\u{1B}", "U+001B"), ("\u{202E}", "U+202E"), ("\u{00A0}", "U+00A0"), ("\u{E000}", "U+E000"), ("\u{200B}", "U+200B"),
    ])
    func invisible(_ character: Unicode.Scalar, _ label: String) {
        #expect(CharacterLabel.label(of: character) == label)
    }

    @Test func codesHaveAtLeastFourUpperCaseDigits() {
        #expect(CharacterLabel.code(of: "a") == "U+0061")
        #expect(CharacterLabel.code(ofValue: 0xD800) == "U+D800")
        #expect(CharacterLabel.code(ofValue: 0x10FFFF) == "U+10FFFF")
    }
}

import Foundation
import Testing
@testable import TrainingCore

/// The change log's JSON strings: what needs escaping is escaped, the rest is quoted as it is, and both
/// read back as the text given.
struct CanonicalJSONTests {
    @Test(arguments: [
        ("Gʻulomjon Oʻrinboyev", #""Gʻulomjon Oʻrinboyev""#),
        ("Ғуломжон Ўринбоев", #""Ғуломжон Ўринбоев""#),
        (#"Say "yes"\no"#, #""Say \"yes\"\\no""#),
        ("two\nlines\tand a tab", #""two\nlines\tand a tab""#),
        ("bell \u{07}", #""bell \u0007""#),
        ("line\u{2028}separator", #""line\u2028separator""#),
        ("‘quoted’ – dash", #""‘quoted’ – dash""#),
    ])
    func aStringIsQuotedEscapingOnlyWhatJSONAndJavaScriptNeed(text: String, expected: String) throws {
        let quoted = CanonicalJSON.string(text)
        #expect(quoted == expected)
        #expect(try JSONDecoder().decode(String.self, from: Data(quoted.utf8)) == text)
    }
}

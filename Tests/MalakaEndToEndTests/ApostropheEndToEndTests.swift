import Foundation
import Testing

/// Uzbek apostrophes (issue 13): one standard spelling stored, any spelling found and verified.
@Suite struct ApostropheEndToEndTests {
    typealias Training = CertificatesEndToEndTests.Training

    @Test func addEditAndImportStoreTheStandardLetters() throws {
        let programme = try TemporaryProgramme()

        let added = try programme.json(ParticipantJSON.self, ["participant", "add", "--name", "G`aniyeva Ma'rifat"])
        #expect(added.fullName == "G\u{02BB}aniyeva Ma\u{02BC}rifat")
        let edited = try programme.json(ParticipantJSON.self, ["participant", "edit", String(added.id), "--name", "G\u{2019}uncha To\u{2018}xtayeva"])
        #expect(edited.fullName == "G\u{02BB}uncha To\u{02BB}xtayeva")

        let list = programme.path("list.csv")
        try "F.I.Sh.\nO'g'iloy Qurbonova\nSa`dulla Tog'ayev\n".write(toFile: list, atomically: true, encoding: .utf8)
        let summary = try programme.succeed(["participant", "import", list]).stdout
        #expect(summary.contains("Apostrophes written as the Uzbek letters ʻ (oʻ, gʻ) and ʼ in the names of 2 people."), "\(summary)")
        let names = try programme.json([ParticipantJSON].self, ["participant", "list"]).map(\.fullName)
        #expect(names.contains("O\u{02BB}g\u{02BB}iloy Qurbonova"))
        #expect(names.contains("Sa\u{02BC}dulla Tog\u{02BB}ayev"))

        // Searching with any apostrophe finds the standard spelling
        for query in ["G'uncha", "G`uncha", "G‘uncha", "Gʼuncha"] {
            let found = try programme.json([ParticipantJSON].self, ["participant", "search", query])
            #expect(found.map(\.id) == [added.id], "\(query)")
        }
    }

    @Test func aTokenVerifiesWithTheNameTypedWithAnyApostrophe() throws {
        let training = try Training([("Gulnora G'aniyeva", "uz-Latn")])
        try training.programme.succeed(training.issueArguments(["--out", "certificates"]))
        let shown = try training.programme.json([CertificateJSON].self, ["certificates", "list"])
        let token = try #require(shown.first?.token)
        try training.programme.succeed(["keys", "export-public", "--out", "public-keys.json"])

        for apostrophe in ["'", "\u{2018}", "\u{2019}", "`", "\u{02BB}", "\u{02BC}"] {
            let result = try training.programme.run(["certificates", "verify", token, "--keys", "public-keys.json",
                                                     "--name", "Gulnora G\(apostrophe)aniyeva"])
            #expect(result.status == 0 && result.stdout.hasPrefix("VALID"), "\(apostrophe): \(result)")
        }
        let wrong = try training.programme.run(["certificates", "verify", token, "--keys", "public-keys.json", "--name", "Gulnora Ganiyeva"])
        #expect(wrong.status == 65 && wrong.stdout.hasPrefix("FORGED"), "\(wrong)")
    }
}

import CertificateVerification
import Foundation
import PDFTestSupport
import Testing

/// The forgeries and silences a probe of `certificates verify` found, each through the built `malaka`:
/// a name covered and redrawn with the real one hidden as invisible text, a genuine QR code beside
/// another name, verdicts silent about what they did not check, retired keys and future dates.
@Suite struct CertificateForgeryEndToEndTests {
    typealias Training = CertificatesEndToEndTests.Training

    static func offline(_ arguments: [String], in folder: String) throws -> MalakaResult {
        try CertificateVerificationEndToEndTests.offline(arguments, in: folder)
    }

    /// A training of Aziza Karimova (UZ-2019-000001) and Lola Ismoilova, issued, with the public keys and revocation list exported.
    static func issued(templates: String = CertificatesEndToEndTests.templates) throws -> Training {
        let training = try Training([("Aziza Karimova", "en"), ("Lola Ismoilova", "en")])
        try training.programme.succeed(["certificates", "issue", String(training.event), "--templates", templates,
                                        "--issue-date", "01.04.2019", "--out", "certificates"])
        try training.programme.succeed(["keys", "export-public", "--out", "public-keys.json"])
        try training.programme.succeed(["certificates", "revocations", "export", "--out", "revoked.json"])
        return training
    }

    static func pdf(_ training: Training, _ serial: String) throws -> String {
        let name = try #require(training.files(in: "certificates").first { $0.hasPrefix(serial) })
        return training.programme.path("certificates/\(name)")
    }

    @Test func aVerdictSaysWhatItDidNotCheck() throws {
        let training = try Self.issued()
        let token = try #require(try training.programme.json(CertificateJSON.self, ["certificates", "show", "UZ-2019-000001"]).token)
        let folder = training.programme.path(".")

        // With neither a name nor a revocation list, VALID says both were not checked, and shows what to compare.
        let bare = try Self.offline(["certificates", "verify", token, "--keys", "public-keys.json"], in: folder)
        #expect(bare.status == 0 && bare.stdout.hasPrefix("VALID (name and revocation not checked): UZ-2019-000001\n"), "\(bare)")
        #expect(bare.stdout.contains("Compare with the paper: name “Aziza Karimova”"), "\(bare)")

        // A genuine QR code on a paper with another name (the swapped QR): FORGED once the paper's name is given.
        let swapped = try Self.offline(["certificates", "verify", token, "--keys", "public-keys.json", "--name", "Lola Ismoilova"],
                                       in: folder)
        #expect(swapped.status == 65 && swapped.stdout.hasPrefix("FORGED: UZ-2019-000001"), "\(swapped)")

        // With the name and the list, a plain VALID.
        let full = try Self.offline(["certificates", "verify", token, "--keys", "public-keys.json", "--revocations", "revoked.json",
                                     "--name", "Aziza Karimova"], in: folder)
        #expect(full.status == 0 && full.stdout.hasPrefix("VALID: UZ-2019-000001\n"), "\(full)")
        let json = try Self.offline(["certificates", "verify", token, "--keys", "public-keys.json", "--json"], in: folder)
        #expect(json.stdout.contains("\"unchecked\" : [\n    \"name\",\n    \"revocation\"\n  ]"), "\(json)")
    }

    @Test func aCoveredNameRedrawnWithTheRealOneHiddenIsNotAPlainValid() throws {
        let training = try Self.issued()
        let genuine = try Self.pdf(training, "UZ-2019-000001")
        let keywords = try #require(try Self.keywords(of: genuine))
        let box = try #require(Self.nameBox(in: keywords))
        let forged = training.programme.path("forged.pdf")
        // Ghostscript redraws the genuine page, then covers the name with a white box, draws another
        // name on it, and adds the real name as invisible text (render mode 3) in the name's place.
        let pageHeight = try #require(try Self.pageHeight(of: genuine))
        let bottom = pageHeight - box.y - box.height
        let overlay = """
            << /EndPage { exch pop 0 eq { gsave 1 setgray \(box.x) \(bottom) \(box.width) \(box.height) rectfill \
            0 setgray /Helvetica-Bold findfont 24 scalefont setfont \(box.x + 10) \(bottom + 4) moveto (Lola Ismoilova) show \
            3 .settextrenderingmode \(box.x + box.width - 150) \(bottom + 4) moveto (Aziza Karimova) show grestore true } { false } ifelse } bind >> setpagedevice
            [ /Keywords (\(keywords)) /DOCINFO pdfmark
            """
        try PDFTools.run("gs", ["-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=pdfwrite", "-sOutputFile=\(forged)",
                                "-c", overlay, "-f", genuine])

        let result = try Self.offline(["certificates", "verify", "forged.pdf", "--keys", "public-keys.json", "--revocations", "revoked.json"],
                                      in: training.programme.path("."))
        #expect(!result.stdout.hasPrefix("VALID:"), "\(result)")
        #expect(!result.stdout.contains("The name printed on it is the one signed."), "\(result)")
        #expect(result.stdout.contains("name not checked") || result.stdout.hasPrefix("FORGED"), "\(result)")
        #expect(result.stdout.contains("Compare with the paper: name “Aziza Karimova”"), "\(result)")

        // While the genuine PDF reads its name off the page.
        let valid = try Self.offline(["certificates", "verify", genuine, "--keys", "public-keys.json", "--revocations", "revoked.json"],
                                     in: training.programme.path("."))
        #expect(valid.status == 0 && valid.stdout.hasPrefix("VALID: UZ-2019-000001\n"), "\(valid)")
        #expect(valid.stdout.contains("The name printed on it is the one signed."), "\(valid)")
    }

    @Test func aNameWrappedOntoTwoLinesIsValid() throws {
        // Given a template whose name block is narrow and may take two lines
        let templates = FileManager.default.temporaryDirectory.appendingPathComponent("malaka-two-lines-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: CertificatesEndToEndTests.templates, toPath: templates.path)
        defer { try? FileManager.default.removeItem(at: templates) }
        let file = templates.appendingPathComponent("parenting.yaml")
        let yaml = try String(contentsOf: file, encoding: .utf8)
        let narrow = yaml.replacingOccurrences(of: "box: [20, 113, 170, 18]", with: "box: [82, 112, 46, 20]")
            .replacingOccurrences(of: "    min-size: 13\n    lines: 1\n    colour: teal", with: "    min-size: 20\n    lines: 2\n    colour: teal")
        try #require(narrow != yaml)
        try narrow.write(to: file, atomically: true, encoding: .utf8)

        let training = try Self.issued(templates: templates.path)
        let pdf = try Self.pdf(training, "UZ-2019-000001")
        let layout = try Self.pdftotext(pdf)
        try #require(layout.contains("Aziza\nKarimova") || layout.contains("Aziza \nKarimova"), "the name did not wrap: \(layout)")

        let result = try Self.offline(["certificates", "verify", pdf, "--keys", "public-keys.json", "--revocations", "revoked.json"],
                                      in: training.programme.path("."))
        #expect(result.status == 0 && result.stdout.hasPrefix("VALID: UZ-2019-000001\n"), "\(result)")
        #expect(result.stdout.contains("The name printed on it is the one signed."), "\(result)")
    }

    @Test func aRetiredKeyAndAFutureDateAreRefusedWithTheReason() throws {
        let training = try Self.issued()
        let record = try #require(try FileManager.default.contentsOfDirectory(atPath: training.programme.path("malaka-keys")).first)
        let oldKey = try SigningKey(contentsOf: training.programme.path("malaka-keys/\(record)"))
        // A new key retires the old one today.
        try training.programme.succeed(["keys", "generate", "--out", "new.key"])
        let newKey = try SigningKey(contentsOf: training.programme.path("new.key"))
        try training.programme.succeed(["keys", "export-public", "--out", "public-keys.json"])
        let today = TokenDate(utcDayOf: Date())

        func token(_ key: SigningKey, issued: TokenDate) throws -> String {
            try CertificateToken(serial: "UZ-2019-000009", printedName: "Aziza Karimova", courseCode: "PS-PARENTING",
                                 startDate: TokenDate(year: 2019, month: 3, day: 25)!, endDate: TokenDate(year: 2019, month: 3, day: 28)!,
                                 organisation: "default", issueDate: issued, language: "en").signed(with: key)
        }
        let afterRetirement = try Self.offline(["certificates", "verify", token(oldKey, issued: TokenDate(daysSince2000: today.daysSince2000 + 1)),
                                                "--keys", "public-keys.json"], in: training.programme.path("."))
        #expect(afterRetirement.status == 65 && afterRetirement.stdout.hasPrefix("FORGED"), "\(afterRetirement)")
        #expect(afterRetirement.stdout.contains("was retired on \(today.dotted)"), "\(afterRetirement)")

        let future = try Self.offline(["certificates", "verify", token(newKey, issued: TokenDate(daysSince2000: today.daysSince2000 + 30)),
                                       "--keys", "public-keys.json"], in: training.programme.path("."))
        #expect(future.status == 65 && future.stdout.hasPrefix("FORGED") && future.stdout.contains("after today"), "\(future)")

        // The old key's own certificates, issued before it retired, still verify.
        let old = try Self.offline(["certificates", "verify", token(oldKey, issued: TokenDate(year: 2019, month: 4, day: 1)!),
                                    "--keys", "public-keys.json", "--name", "Aziza Karimova"], in: training.programme.path("."))
        #expect(old.status == 0, "\(old)")
    }

    // MARK: Reading PDFs

    static func keywords(of pdf: String) throws -> String? {
        let info = try run(["pdfinfo", pdf])
        return info.split(separator: "\n").first { $0.hasPrefix("Keywords:") }
            .map { String($0.dropFirst("Keywords:".count)).trimmingCharacters(in: .whitespaces) }
    }

    static func pageHeight(of pdf: String) throws -> Double? {
        let info = try run(["pdfinfo", pdf])
        guard let line = info.split(separator: "\n").first(where: { $0.hasPrefix("Page size:") }) else { return nil }
        let numbers = line.split(separator: " ").compactMap { Double($0) }
        return numbers.count >= 2 ? numbers[1] : nil
    }

    static func nameBox(in keywords: String) -> (x: Double, y: Double, width: Double, height: Double)? {
        guard let range = keywords.range(of: "name-box:") else { return nil }
        let numbers = keywords[range.upperBound...].prefix { "0123456789. -".contains($0) }.split(separator: " ").compactMap { Double($0) }
        return numbers.count >= 4 ? (numbers[0], numbers[1], numbers[2], numbers[3]) : nil
    }

    static func pdftotext(_ pdf: String) throws -> String { try run(["pdftotext", "-enc", "UTF-8", pdf, "-"]) }

    static func run(_ arguments: [String]) throws -> String {
        String(decoding: try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"), arguments).output, as: UTF8.self)
    }
}

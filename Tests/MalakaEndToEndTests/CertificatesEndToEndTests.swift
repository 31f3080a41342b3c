import Foundation
import PDFTestSupport
import Testing

@Suite struct CertificatesEndToEndTests {
    static let templates = TemporaryProgramme.repositoryRoot.appendingPathComponent("certificate-templates").path

    /// A parenting training in Urganch whose people all attended the four days, except those marked absent.
    struct Training {
        let programme: TemporaryProgramme
        let event: Int64
        let people: [Int64]

        init(_ people: [(name: String, language: String)], absent: [Int] = [], programme: TemporaryProgramme? = nil) throws {
            // A second training in the same programme runs at the same hours, so it gets another trainer.
            let trainer = programme == nil ? "Dilnoza Yusupova" : "Shahnoza Rahimova"
            let programme = try programme ?? TemporaryProgramme()
            let event = try programme.parentingEvent(trainer: trainer)
            let ids = try people.map { try programme.addParticipant($0.name, ["--language", $0.language]) }
            try programme.enroll(event, ids)
            let except = absent.map { String(ids[$0]) }
            for day in 25...28 {
                try programme.succeed(["attendance", "mark", String(event), "--date", "\(day).03.2019", "--all-present"]
                                      + (except.isEmpty || day == 25 ? [] : ["--except"] + except))
            }
            (self.programme, self.event, self.people) = (programme, event, ids)
        }

        /// `certificates issue EVENT … --templates … --issue-date 01.04.2019`.
        func issueArguments(_ extra: [String]) -> [String] {
            ["certificates", "issue", String(event), "--templates", CertificatesEndToEndTests.templates, "--issue-date", "01.04.2019"] + extra
        }

        func issue(_ extra: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [IssuedJSON] {
            try programme.json([IssuedJSON].self, issueArguments(extra), sourceLocation: sourceLocation)
        }

        func list(_ extra: [String] = []) throws -> [CertificateJSON] {
            try programme.json([CertificateJSON].self, ["certificates", "list"] + extra)
        }

        func files(in folder: String) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: programme.path(folder))) ?? []).sorted()
        }
    }

    static let fourLanguages: [(name: String, language: String)] = [
        ("G\u{02BB}ulomjon O\u{02BB}rinboyev", "uz-Latn"), ("Шоҳида Ҳамроева", "uz-Cyrl"),
        ("Айгүл Өмүрбекова", "ky"), ("Наталья Петренко", "ru"), ("Lola Ismoilova", "en"),
    ]

    @Test func issuingWritesOnePDFPerPersonAndABundle() throws {
        // Given a training where four of five people completed
        let training = try Training(Self.fourLanguages, absent: [4])

        // When their certificates are issued as files and as a bundle
        let run = try training.programme.succeed(training.issueArguments(["--out", "out", "--bundle", "all/khorezm.pdf"]))

        // Then the command says what it issued and where, and stays quiet on stderr (not a terminal)
        #expect(run.stderr.isEmpty, "\(run)")
        #expect(run.stdout.hasPrefix("Issued 4 certificates for event \(training.event): 4 new, 0 issued before.\n"), "\(run)")
        #expect(run.stdout.contains("UZ-2019-000001  Gʻulomjon Oʻrinboyev  uz-Latn   new\n"), "\(run)")
        #expect(run.stdout.contains("Files: 4 PDFs in \(training.programme.path("out"))/"), "\(run)")
        #expect(run.stdout.contains("Bundle: \(training.programme.path("all/khorezm.pdf"))"), "\(run)")
        // And each person has a file named after them, and nothing else is left in the folder
        #expect(training.files(in: "out") == [
            "UZ-2019-000001_Gulomjon_Orinboyev.pdf", "UZ-2019-000002_Aygul_Omurbekova.pdf",
            "UZ-2019-000003_Natalya_Petrenko.pdf", "UZ-2019-000004_Shohida_Hamroeva.pdf",
        ])
        #expect(training.files(in: "all") == ["khorezm.pdf"])
        #expect(try PDFTools.info(of: URL(fileURLWithPath: training.programme.path("all/khorezm.pdf")))["Pages"] == "4")
        let shohida = try PDFTools.textLines(of: URL(fileURLWithPath: training.programme.path("out/UZ-2019-000004_Shohida_Hamroeva.pdf")))
        #expect(shohida.contains("Шоҳида Ҳамроева"))
        #expect(shohida.contains("Ижобий ота-оналик кўникмалари"), "the parenting template in her language: \(shohida)")
        // And the ledger records each, with the hash of its own PDF
        let recorded = try training.list(["--event", String(training.event)])
        #expect(recorded.map(\.serial) == ["UZ-2019-000001", "UZ-2019-000002", "UZ-2019-000003", "UZ-2019-000004"])
        #expect(recorded.map(\.language) == ["uz-Latn", "ky", "ru", "uz-Cyrl"])
        #expect(recorded.allSatisfy { $0.template == "parenting" && $0.issueDate == "2019-04-01" && $0.status == "valid" })
        #expect(recorded.allSatisfy { $0.pdfSHA256?.count == 64 && $0.contentSHA256?.count == 64 })
    }

    @Test func aBundleAloneRecordsTheContentHashAndTheFilesLaterAddThePDFHash() throws {
        let training = try Training(Array(Self.fourLanguages.prefix(2)))
        try training.programme.succeed(training.issueArguments(["--bundle", "all.pdf"]))
        let first = try training.list()
        #expect(first.allSatisfy { $0.pdfSHA256 == nil && $0.contentSHA256?.count == 64 })

        let again = try training.issue(["--out", "out"])
        #expect(again.allSatisfy { !$0.new && $0.pdfSHA256?.count == 64 })
        let second = try training.list()
        #expect(second.map(\.contentSHA256) == first.map(\.contentSHA256))
        #expect(second.allSatisfy { $0.pdfSHA256?.count == 64 })
        let show = try training.programme.succeed(["certificates", "show", "UZ-2019-000001"]).stdout
        #expect(show.contains("PDF SHA-256:     \(second[0].pdfSHA256!)"), "\(show)")
    }

    @Test func issuingAgainGivesTheSameSerialsAndTheSameBytes() throws {
        // Given certificates issued once
        let training = try Training(Self.fourLanguages)
        let first = try training.issue(["--out", "first", "--bundle", "first.pdf"])

        // When they are issued again, another day, to other files
        let second = try training.programme.json([IssuedJSON].self, [
            "certificates", "issue", String(training.event), "--templates", Self.templates, "--issue-date", "2019-05-02",
            "--out", "second", "--bundle", "second.pdf",
        ])

        // Then they have the same serials, the same hashes and the same bytes, and none was added
        #expect(second.map(\.serial) == first.map(\.serial))
        #expect(second.allSatisfy { !$0.new && !$0.printsDifferently })
        #expect(second.map(\.contentSHA256) == first.map(\.contentSHA256))
        #expect(second.map(\.pdfSHA256) == first.map(\.pdfSHA256))
        #expect(training.files(in: "first") == training.files(in: "second"))
        for name in training.files(in: "first") {
            let a = FileManager.default.contents(atPath: training.programme.path("first/\(name)"))
            let b = FileManager.default.contents(atPath: training.programme.path("second/\(name)"))
            #expect(a != nil && a == b, "\(name)")
        }
        #expect(FileManager.default.contents(atPath: training.programme.path("first.pdf"))
                == FileManager.default.contents(atPath: training.programme.path("second.pdf")))
        #expect(try training.list().count == 5)
    }

    @Test func aNameNoFontCanPrintIsRefusedAndNothingIsIssued() throws {
        // Given a training where one name has a character no installed font has
        // (a control character never gets that far: the one text rule refuses it at entry)
        let training = try Training([("Lola Ismoilova", "uz-Latn"), ("Wang \u{10FFFD}fang", "en")])
        try training.programme.expectRefused(["participant", "add", "--name", "Bell\u{7}a Ruz"], status: 65, mentioning: ["U+0007"])

        // When the certificates are issued, the whole batch is refused with every problem, and nothing changes
        let refused = try training.programme.expectRefused(
            training.issueArguments(["--out", "out", "--bundle", "all.pdf"]), status: 65,
            mentioning: ["1 of 2 certificates for event \(training.event) cannot be issued, so nothing was issued.",
                         "U+10FFFD", "Wang \u{10FFFD}fang (participant \(training.people[1]))", "--skip-invalid"])
        #expect(!refused.stderr.contains("Lola"), "\(refused)")
        // And no file was written, not even a partial one
        #expect(training.files(in: "out").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: training.programme.path("all.pdf")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: training.programme.directory.path)
            .filter { $0.contains("partial") }.isEmpty)

        // When the others are issued with --skip-invalid, they are, and the skipped ones are named
        let skipped = try training.programme.run(training.issueArguments(["--out", "out", "--skip-invalid"]))
        #expect(skipped.status == 0, "\(skipped)")
        #expect(skipped.stderr.contains("warning: skipped: The name “Wang \u{10FFFD}fang” has U+10FFFD"), "\(skipped)")
        #expect(skipped.stdout.contains("Issued 1 certificate for event \(training.event): 1 new, 0 issued before."), "\(skipped)")
        #expect(training.files(in: "out") == ["UZ-2019-000001_Lola_Ismoilova.pdf"])
    }

    @Test func aNameRefusedAfterTheFirstChunkLeavesNoFileAndNoFolderBehind() throws {
        // Given 257 people who completed a training, the last of them (by name) with a character no font has,
        // so that the first chunk of 256 passes its check and is drawn before the second is refused
        let programme = try TemporaryProgramme()
        let event = try programme.parentingEvent()
        let given = ["Lola", "Aziza", "Dilnoza", "Gulnora", "Madina", "Nodira", "Shahnoza", "Zarina",
                     "Aziz", "Bekzod", "Doston", "Farrux", "Jasur", "Otabek", "Rustam", "Sardor", "Ulugʻbek"]
        let family = ["Ismoilova", "Karimova", "Yusupova", "Rahimova", "Nazarova", "Sapayeva", "Qodirova", "Tojiyeva",
                      "Ergasheva", "Hamroyeva", "Jumayeva", "Saidova", "Umarova", "Xoliqova", "Boboyeva", "Olimova"]
        let names = given.flatMap { first in family.map { "\(first) \($0)" } }.prefix(256) + ["Zzz Wang \u{10FFFD}fang"]
        let list = programme.path("list.csv")
        try ("F.I.Sh.\n" + names.joined(separator: "\n") + "\n").write(toFile: list, atomically: true, encoding: .utf8)
        try programme.succeed(["participant", "import", list, "--event", String(event)])
        for day in 25...28 {
            try programme.succeed(["attendance", "mark", String(event), "--date", "\(day).03.2019", "--all-present"])
        }
        let before = try programme.fingerprint()

        // When they are issued into folders that do not exist yet, the run is refused
        try programme.expectRefused(
            ["certificates", "issue", String(event), "--templates", Self.templates, "--issue-date", "01.04.2019",
             "--out", "new/files", "--bundle", "bundles/all.pdf"],
            status: 65, mentioning: ["1 of 257 certificates for event \(event) cannot be issued, so nothing was issued.", "U+10FFFD"])

        // And nothing is left: not the first chunk's files, not the folders made for them, and the database is as it was
        #expect(!FileManager.default.fileExists(atPath: programme.path("new")))
        #expect(!FileManager.default.fileExists(atPath: programme.path("bundles")))
        #expect(try programme.fingerprint() == before)
    }

    @Test(.enabled(if: !PDFTools.someFontHas("\u{738B}")))
    func aCJKNameIsRefusedWhenNoCJKFontIsInstalled() throws {
        let training = try Training([("王芳", "en")])
        try training.programme.expectRefused(training.issueArguments(["--bundle", "all.pdf"]), status: 65,
                                             mentioning: ["U+738B 王", "U+82B3 芳", "nothing was issued"])
    }

    @Test func nowhereToWriteIsAUsageError() throws {
        let training = try Training([("Lola Ismoilova", "uz-Latn")])
        try training.programme.expectRefused(["certificates", "issue", String(training.event)], status: 64, mentioning: ["--out", "--bundle"])
    }

    @Test func unsafeNamesGiveSafeFileNamesInsideTheFolder() throws {
        // Given people whose names would be paths
        let long = "Abdurahmonova-Toʻxtaboyeva Gulchehraxon Oʻrinboyeva"
        let training = try Training([("../../etc/passwd", "en"), ("a/b", "en"), ("..", "en"), (long, "uz-Latn")])

        // When their certificates are written to a folder
        try training.programme.succeed(training.issueArguments(["--out", "out"]))

        // Then every file is in that folder, with a safe name that still says whose it is
        let files = training.files(in: "out")
        #expect(files == [
            "UZ-2019-000001.pdf", "UZ-2019-000002_etc_passwd.pdf",
            "UZ-2019-000003_Abdurahmonova-Toxtaboyeva_Gulchehraxon_Orinboyeva.pdf", "UZ-2019-000004_a_b.pdf",
        ], "\(files)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: training.programme.directory.path).sorted()
                == ["malaka-keys", "out", "programme.sqlite", "programme.sqlite-shm", "programme.sqlite-wal"].filter {
                    FileManager.default.fileExists(atPath: training.programme.path($0))
                })
    }

    @Test func reissuingRevokingListingAndShowing() throws {
        // Given issued certificates, and a misspelt name corrected
        let training = try Training([("Gulnora Karimova", "uz-Latn"), ("Lola Ismoylova", "uz-Latn")])
        try training.programme.succeed(training.issueArguments(["--bundle", "all.pdf"]))
        try training.programme.succeed(["participant", "edit", String(training.people[1]), "--name", "Lola Ismoilova"])

        // When her certificate is re-issued
        let reissued = try training.programme.succeed([
            "certificates", "reissue", "UZ-2019-000002", "--templates", Self.templates, "--issue-date", "2019-04-05", "--out", "fixed",
        ])

        // Then she has a new serial that replaces the old one, with her name as corrected
        #expect(reissued.stdout.hasPrefix("Issued UZ-2019-000003 to Lola Ismoilova in place of UZ-2019-000002, which is now superseded.\n"), "\(reissued)")
        #expect(training.files(in: "fixed") == ["UZ-2019-000003_Lola_Ismoilova.pdf"])
        let text = try PDFTools.textLines(of: URL(fileURLWithPath: training.programme.path("fixed/UZ-2019-000003_Lola_Ismoilova.pdf")))
        #expect(text.contains("Lola Ismoilova"))
        #expect(text.contains("UZ-2019-000002 raqamli sertifikat oʻrniga berildi"), "\(text)")
        let old = try training.programme.json(CertificateJSON.self, ["certificates", "show", "UZ-2019-000002"])
        #expect(old.status == "superseded" && old.replacedBy == "UZ-2019-000003" && old.name == "Lola Ismoylova")
        let new = try training.programme.json(CertificateJSON.self, ["certificates", "show", "UZ-2019-000003"])
        #expect(new.status == "valid" && new.replaces == "UZ-2019-000002" && new.issueDate == "2019-04-05")
        #expect(new.verificationURL == "https://example.org/verify/UZ-2019-000003")
        #expect(new.course == "Ijobiy ota-onalik koʻnikmalari")
        #expect(new.pdfSHA256?.count == 64)
        let table = try training.programme.succeed(["certificates", "show", "UZ-2019-000002"]).stdout
        #expect(table.contains("Status:          superseded by UZ-2019-000003"), "\(table)")

        // When the first certificate is revoked
        let revoked = try training.programme.succeed(["certificates", "revoke", "UZ-2019-000001", "--reason", "Issued by mistake"])
        #expect(revoked.stdout == "Revoked UZ-2019-000001 (Gulnora Karimova): Issued by mistake.\n")

        // Then the lists by status say so, and what cannot be done again is refused without changing anything
        #expect(try training.list(["--status", "revoked"]).map(\.serial) == ["UZ-2019-000001"])
        #expect(try training.list(["--status", "valid"]).map(\.serial) == ["UZ-2019-000003"])
        #expect(try training.list(["--participant", String(training.people[1])]).map(\.serial) == ["UZ-2019-000002", "UZ-2019-000003"])
        let listed = try training.programme.succeed(["certificates", "list"]).stdout
        #expect(listed.contains("UZ-2019-000001  \(training.event)      \(training.people[0])"), "\(listed)")
        #expect(listed.hasSuffix("3 certificates.\n"))
        try training.programme.expectRefused(["certificates", "revoke", "UZ-2019-000001", "--reason", "again"], status: 65,
                                             mentioning: ["already revoked"])
        try training.programme.expectRefused(["certificates", "reissue", "UZ-2019-000002", "--out", "x", "--templates", Self.templates],
                                             status: 65, mentioning: ["superseded", "only a valid certificate"])
        try training.programme.expectRefused(["certificates", "show", "UZ-1999-000001"], status: 65, mentioning: ["UZ-1999-000001"])
        try training.programme.expectRefused(["certificates", "revoke", "UZ-2019-000003"], status: 64, mentioning: ["--reason"])
        try training.programme.expectRefused(["certificates", "list", "--status", "lost"], status: 64, mentioning: ["lost"])
        // And issuing the event again leaves out the revoked holder, and reproduces the re-issue
        let again = try training.programme.succeed(training.issueArguments(["--bundle", "again.pdf"])).stdout
        #expect(again.contains("Gulnora Karimova (\(training.people[0])) is left out: certificate UZ-2019-000001 was revoked (Issued by mistake)."), "\(again)")
        #expect(again.contains("UZ-2019-000003  Lola Ismoilova  uz-Latn   again"), "\(again)")
    }

    @Test(.enabled(if: PDFTools.isInstalled("zbarimg")))
    func theQRCodeCarriesTheSignedTokenAndTheLinkStaysOnRecord() throws {
        // Given an organisation with its own serials and verification link
        let training = try Training([("Lola Ismoilova", "en")])
        let set = try training.programme.succeed([
            "organisation", "set", "default", "--serial-format", "{country}-{region}-{year}-{seq:04}",
            "--verification-url", "https://verify.example.uz/c/",
        ])
        #expect(set.stdout == "Organisation default: serials {country}-{region}-{year}-{seq:04}, verification https://verify.example.uz/c/SERIAL.\n")
        #expect(try training.programme.succeed(["organisation", "list"]).stdout.contains("default       {country}-{region}-{year}-{seq:04}  https://verify.example.uz/c/"))

        // When a certificate is issued
        let issued = try training.issue(["--bundle", "all.pdf"])

        // Then its QR code decodes to exactly the token the ledger keeps, and the link with its serial is on record
        #expect(issued.map(\.serial) == ["UZ-XO-2019-0001"])
        let shown = try training.programme.json(CertificateJSON.self, ["certificates", "show", "UZ-XO-2019-0001"])
        let token = try #require(shown.token)
        #expect(token.hasPrefix("MLK1:"))
        #expect(try PDFTools.qrCodes(of: URL(fileURLWithPath: training.programme.path("all.pdf"))) == [token])
        #expect(shown.verificationURL == "https://verify.example.uz/c/UZ-XO-2019-0001")
        // And the check code beside it is the token's
        let checkCode = try #require(shown.checkCode)
        #expect(try PDFTools.textLines(of: URL(fileURLWithPath: training.programme.path("all.pdf"))).contains { $0.contains(checkCode) })
        try training.programme.expectRefused(["organisation", "set", "x", "--verification-url", "not a link"], status: 65,
                                             mentioning: ["not a link"])
        try training.programme.expectRefused(["organisation", "set", "x", "--serial-format", "{year}"], status: 65,
                                             mentioning: ["{seq"])
    }

    @Test func issuesRunningAtOnceGetDistinctGaplessSerials() throws {
        // Given two trainings in one database
        let first = try Training([("Aziza Karimova", "uz-Latn"), ("Bekzod Toʻxtayev", "uz-Latn"), ("Charos Aliyeva", "uz-Latn")])
        let second = try Training([("Dilnoza Qurbonova", "uz-Latn"), ("Elyor Rahimov", "uz-Latn"), ("Farida Yusupova", "uz-Latn")],
                                  programme: first.programme)
        let programme = first.programme

        // When both are issued at once, each twice, by four processes
        let running = try [first, second, first, second].enumerated().map { index, training in
            try MalakaProcess.launch(training.issueArguments(["--bundle", "run\(index).pdf", "--json", "--db", programme.databasePath]),
                                     in: programme.directory)
        }
        let results = running.map { $0.finish() }

        // Then all succeed, the six certificates are numbered 1 to 6, and each event's two runs agree
        for result in results { #expect(result.status == 0, "\(result)") }
        let issued = try results.map { try JSONDecoder().decode([IssuedJSON].self, from: Data($0.stdout.utf8)) }
        #expect(issued[0].map(\.serial) == issued[2].map(\.serial))
        #expect(issued[1].map(\.serial) == issued[3].map(\.serial))
        #expect(Set(issued[0].map(\.serial) + issued[1].map(\.serial)) == Set((1...6).map { String(format: "UZ-2019-%06d", $0) }))
        #expect(try first.list().count == 6)
    }

    @Test func aBrokenTemplateIsRefusedWithItsFileLineAndField() throws {
        // Given a copy of the templates with a mistake in the parenting one
        let training = try Training([("Lola Ismoilova", "uz-Latn")])
        let folder = training.programme.path("templates")
        try FileManager.default.copyItem(atPath: Self.templates, toPath: folder)
        let file = folder + "/parenting.yaml"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "    size: 32\n", with: "    size: big\n").write(toFile: file, atomically: true, encoding: .utf8)
        let line = text.components(separatedBy: "\n").firstIndex(of: "    size: 32")! + 1

        // Then issuing is refused with the file, the line and the field, and nothing changes
        try training.programme.expectRefused(
            ["certificates", "issue", String(training.event), "--templates", folder, "--bundle", "all.pdf"], status: 65,
            mentioning: ["\(file), line \(line), column 11, field blocks[2].size: “big” is not a number."])
        // And a language the template does not print is refused too
        try training.programme.expectRefused(
            training.issueArguments(["--template", "participation-uz-en", "--language", "ru", "--bundle", "all.pdf"]), status: 65,
            mentioning: ["prints uz-Latn, uz-Cyrl only, not ru"])
        try training.programme.expectRefused(training.issueArguments(["--template", "../secret", "--bundle", "all.pdf"]),
                                             status: 64, mentioning: ["is not a template name"])
    }

    @Test func namedPeopleMustHaveCompleted() throws {
        let training = try Training([("Lola Ismoilova", "uz-Latn"), ("Malika Toʻxtayeva", "uz-Latn")], absent: [1])
        try training.programme.expectRefused(
            training.issueArguments([String(training.people[1]), "Lola", "--bundle", "all.pdf"]), status: 65,
            mentioning: ["1 of 2 certificates", "Malika Toʻxtayeva (\(training.people[1])) attended 1 of 4 sessions"])
        try training.programme.expectRefused(training.issueArguments(["Nobody", "--bundle", "all.pdf"]), status: 65,
                                             mentioning: ["“Nobody”"])
        let issued = try training.issue(["Ismoilova", "--bundle", "lola.pdf", "--language", "ru", "--allow-other-script"])
        #expect(issued.map(\.name) == ["Lola Ismoilova"])
        #expect(issued.map(\.language) == ["ru"])
    }
}

import Foundation
import Testing

/// Messages that say what is wrong and where, for the faults a probe beyond the corpus found.
@Suite struct RobustMessagesEndToEndTests {
    typealias Training = CertificatesEndToEndTests.Training

    @Test func anExportIntoAFolderSaysSoInWords() throws {
        let training = try Training(CertificatesEndToEndTests.fourLanguages)
        let folder = training.programme.path("exports")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let run = try training.programme.expectRefused(["export", "participants", "--out", folder], status: 74,
                                                       mentioning: [folder, "it is a folder"])
        #expect(!run.stderr.contains("NSCocoaErrorDomain"), "\(run)")
    }

    @Test func aReportUnderAFileSaysThePathHasAFile() throws {
        let training = try Training(CertificatesEndToEndTests.fourLanguages)
        let file = training.programme.path("notes.txt")
        try Data("notes".utf8).write(to: URL(fileURLWithPath: file))
        let run = try training.programme.expectRefused(
            ["report", "regions", "--year", "2019", "--format", "csv", "--out", file + "/summary.csv"], status: 74,
            mentioning: ["\(file) is a file, not a folder"])
        #expect(!run.stderr.contains("does not exist"), "\(run)")
    }

    @Test func aDryRunOfARefusedAttendanceImportExitsAsTheRealRunWould() throws {
        let training = try Training([("Lola Ismoilova", "uz-Latn")])
        let sheet = training.programme.path("sheet.csv")
        try Data("F.I.Sh.;25.03.2019\nNobody Known;+\n".utf8).write(to: URL(fileURLWithPath: sheet))
        let real = try training.programme.run(["attendance", "import", String(training.event), sheet])
        let dry = try training.programme.run(["attendance", "import", String(training.event), sheet, "--dry-run"])
        #expect(real.status == 65, "\(real)")
        #expect(dry.status == real.status, "\(dry)")
        #expect(dry.stdout.contains("Dry run: nothing was written."), "the plan is printed first: \(dry)")
    }

    @Test func pseudonymisedExportsLeaveOutFreeTextAndSayWhatRemains() throws {
        let training = try Training([("Lola Ismoilova", "uz-Latn")])
        try training.programme.succeed(["participant", "edit", String(training.people[0]),
                                        "--organisation", "Gulnora Karimova oilaviy korxonasi", "--locality", "Karimovlar ko'chasi"])
        let run = try training.programme.succeed(["export", "participants", "--pseudonymize"])
        #expect(!run.stdout.contains("Karimova"), "\(run)")
        #expect(!run.stdout.contains("Karimovlar"), "\(run)")
        #expect(run.stderr.contains("left empty: Other spelling, Organisation, Locality, Consent recorded by"), "\(run)")
        #expect(run.stderr.contains("remain as they are: Sex, Birth year, Category, Region, District, Language, Consent date"), "\(run)")
    }

    @Test func fileNamesTransliterateDotlessI() throws {
        let training = try Training([("Aytbay Qıdırbaev", "uz-Latn"), ("Işıl Yılmaz", "uz-Latn")])
        try training.programme.succeed(training.issueArguments(["--out", "out"]))
        #expect(training.files(in: "out") == ["UZ-2019-000001_Aytbay_Qidirbaev.pdf", "UZ-2019-000002_Isil_Yilmaz.pdf"])
    }
}

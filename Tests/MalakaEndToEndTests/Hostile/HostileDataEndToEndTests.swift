import Foundation
import Testing

/// Hostile values that are legitimate to store but dangerous to hand on: formulas, paths, and files `malaka` wrote itself.
@Suite struct HostileDataEndToEndTests {
    /// Names and organisations a spreadsheet would run as formulas, imported from a file as Excel would give them.
    static let formulas = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "=HYPERLINK(\"http://evil.example\";\"x\")"]

    @Test func exportNeutralisesFormulasThatCameInThroughAnImport() throws {
        // Given a list whose names and organisations start with = + - @ (and one organisation with a tab before =)
        let programme = try TemporaryProgramme()
        var csv = "F.I.Sh.;Tashkilot\n"
        for formula in Self.formulas {
            csv += "\"\(formula.replacingOccurrences(of: "\"", with: "\"\""))\";\"\t\(formula.replacingOccurrences(of: "\"", with: "\"\""))\"\n"
        }
        let file = programme.path("formulas.csv")
        try Data(csv.utf8).write(to: URL(fileURLWithPath: file))
        try programme.succeed(["participant", "import", file])

        // When the participants are exported as CSV
        let exported = try programme.succeed(["export", "participants"]).stdout

        // Then no cell of the export starts with a formula character: each gets a leading '
        let cells = Self.cells(of: exported)
        for formula in Self.formulas {
            #expect(cells.filter { $0 == "'" + formula }.count == 2, "the name and the organisation, neutralised: \(formula)\n\(exported)")
        }
        #expect(!cells.contains { $0.first.map { "=+-@\t\r".contains($0) } ?? false }, "\(exported)")
    }

    @Test func certificateFilesStayInTheirFolderWhateverTheName() throws {
        // Given a completed training whose participant's name is a path out of the output folder
        let programme = try TemporaryProgramme()
        let event = try programme.parentingEvent()
        let list = programme.path("list.csv")
        try Data("F.I.Sh.\n../../../tmp/evil\n".utf8).write(to: URL(fileURLWithPath: list))
        try programme.succeed(["participant", "import", list, "--event", String(event)])
        for day in 25...28 {
            try programme.succeed(["attendance", "mark", String(event), "--date", "\(day).03.2019", "--all-present"])
        }

        // When the certificates are issued as files
        try programme.succeed(["certificates", "issue", String(event), "--templates", CertificatesEndToEndTests.templates,
                               "--issue-date", "01.04.2019", "--out", "out"])

        // Then the one file is inside out/, under a name without slashes or dots leading out
        let files = try FileManager.default.contentsOfDirectory(atPath: programme.path("out"))
        #expect(files.count == 1, "\(files)")
        #expect(files.allSatisfy { !$0.contains("/") && !$0.hasPrefix(".") && $0.hasSuffix(".pdf") }, "\(files)")
        #expect(!FileManager.default.fileExists(atPath: programme.directory.deletingLastPathComponent().appendingPathComponent("evil.pdf").path))
    }

    /// Refusing devices must not refuse links: a list reached through a symbolic link is read as the list.
    @Test func aListBehindALinkIsStillRead() throws {
        let programme = try TemporaryProgramme()
        let file = programme.path("list.csv")
        try Data("F.I.Sh.\nLola Ismoilova\n".utf8).write(to: URL(fileURLWithPath: file))
        try FileManager.default.createSymbolicLink(atPath: programme.path("link.csv"), withDestinationPath: file)
        let result = try programme.succeed(["participant", "import", programme.path("link.csv")])
        #expect(result.stdout.contains("Lola Ismoilova"), "\(result)")
    }

    /// Regression: `verify --keys` read dates as numbers and refused every file `keys export-public` wrote (ISO 8601 dates).
    @Test func verifyReadsTheKeysFileExportPublicWrote() throws {
        let programme = try TemporaryProgramme()
        try programme.succeed(["keys", "generate", "--organisation", "default", "--out", programme.path("signing.key")])
        try programme.succeed(["keys", "export-public", "--out", programme.path("keys.json")])

        // A made-up token: the keys file is read, and the verdict is about the token, not the file
        let result = try MalakaProcess.run(["certificates", "verify", "MLK1:" + HostileInputCorpus.base45([1] + Array(repeating: 0, count: 120)),
                                            "--keys", programme.path("keys.json")], in: programme.directory)
        #expect(result.status == 65, "\(result)")
        #expect(result.stdout.hasPrefix("FORGED"), "\(result)")
        #expect(!result.stderr.contains("not a Malaka public keys file"), "\(result)")
    }

    /// The cells of a CSV export (comma-separated, quoted with "), line by line, without the header.
    static func cells(of csv: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var quoted = false
        var characters = Array(csv.replacingOccurrences(of: "\u{FEFF}", with: "")).makeIterator()
        var skippedHeader = false
        while let character = characters.next() {
            if quoted {
                if character == "\"" {
                    if let next = characters.next() {
                        if next == "\"" { cell.append("\"") } else {
                            quoted = false
                            if next == "," || next == "\n" || next == "\r\n" { if skippedHeader { cells.append(cell) }; cell = "" }
                            if next == "\n" || next == "\r\n" { skippedHeader = true }
                        }
                    } else { quoted = false }
                } else { cell.append(character) }
            } else if character == "\"" && cell.isEmpty {
                quoted = true
            } else if character == "," || character == "\n" || character == "\r\n" {
                if skippedHeader { cells.append(cell) }
                cell = ""
                if character != "," { skippedHeader = true }
            } else {
                cell.append(character)
            }
        }
        return cells
    }
}

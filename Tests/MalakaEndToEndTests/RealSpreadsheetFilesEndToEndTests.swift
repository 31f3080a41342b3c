import Foundation
import Testing

/// Participant lists as LibreOffice and openpyxl write them, beside the refusals in the hostile-input corpus:
/// hidden rows, merged cells and UTF-16 text with tabs are read like any other list.
@Suite struct RealSpreadsheetFilesEndToEndTests {
    static let folder = TemporaryProgramme.repositoryRoot.appendingPathComponent("Tests/MalakaEndToEndTests/__Fixtures__/real-files")

    @Test(arguments: ["openpyxl-hidden-rows.xlsx", "openpyxl-merged-cells.xlsx", "libreoffice-utf16-tabs.txt"])
    func aRealListIsImportedWhole(_ file: String) throws {
        let programme = try TemporaryProgramme()
        // Hidden rows are left out unless asked for (HiddenRowsEndToEndTests); here the whole list is wanted.
        let asked = file.contains("hidden") ? ["--include-hidden"] : []
        let run = try programme.succeed(["participant", "import", Self.folder.appendingPathComponent(file).path] + asked)
        #expect(run.stdout.contains("Added 4 people"), "\(run)")
        let list = try programme.succeed(["participant", "list"]).stdout
        for name in ["Gʻulomjon Oʻrinboyev", "Gulnora Karimova", "Aytbay Qıdırbaev", "Шоҳида Ҳамроева"] {
            #expect(list.contains(name), "\(name) in \(list)")
        }
    }
}

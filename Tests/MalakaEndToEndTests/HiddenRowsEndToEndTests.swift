import Foundation
import Testing
import ZIPFoundation

/// Worksheets that hide rows or hold formulas without values (issue 13).
@Suite struct HiddenRowsEndToEndTests {
    /// A workbook with one sheet whose `sheetData` is `rows`.
    static func workbook(_ rows: String, at path: String) throws {
        let parts = [
            ("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>
                """),
            ("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """),
            ("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Royxat" sheetId="1" r:id="rId1"/></sheets></workbook>
                """),
            ("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
                """),
            ("xl/worksheets/sheet1.xml", """
                <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\(rows)</sheetData></worksheet>
                """),
        ]
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(bytes.count)) { position, size in
                bytes.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
    }

    static func row(_ number: Int, _ name: String, hidden: Bool = false) -> String {
        "<row r=\"\(number)\"\(hidden ? " hidden=\"1\"" : "")><c r=\"A\(number)\" t=\"inlineStr\"><is><t>\(name)</t></is></c></row>"
    }

    @Test func hiddenRowsAreLeftOutAndSaidUnlessAskedFor() throws {
        let programme = try TemporaryProgramme()
        let path = programme.path("royxat.xlsx")
        try Self.workbook(Self.row(1, "F.I.Sh.") + Self.row(2, "Gulnora Karimova") + Self.row(3, "Eski Qator", hidden: true)
                          + Self.row(4, "Lola Ismoilova"), at: path)

        let dry = try programme.succeed(["participant", "import", path, "--dry-run"]).stdout
        #expect(dry.contains("Left out 1 hidden row (3); --include-hidden imports them."), "\(dry)")
        try programme.succeed(["participant", "import", path])
        #expect(try programme.json([ParticipantJSON].self, ["participant", "list"]).map(\.fullName) == ["Gulnora Karimova", "Lola Ismoilova"])

        let again = try programme.succeed(["participant", "import", path, "--include-hidden"]).stdout
        #expect(again.contains("Imported 1 hidden row (3), as --include-hidden asks."), "\(again)")
        #expect(try programme.json([ParticipantJSON].self, ["participant", "list"]).count == 3)
    }

    /// A row of text cells from column A on.
    static func cells(_ number: Int, _ values: [String], hidden: Bool = false) -> String {
        let columns = ["A", "B", "C", "D", "E"]
        return "<row r=\"\(number)\"\(hidden ? " hidden=\"1\"" : "")>"
            + zip(columns, values).map { "<c r=\"\($0)\(number)\" t=\"inlineStr\"><is><t>\($1)</t></is></c>" }.joined() + "</row>"
    }

    @Test func aSignInSheetsHiddenRowsAreLeftOutAndSaidUnlessAskedFor() throws {
        // Given a training with two people, and a sign-in sheet that hides a crossed-out row of someone not enrolled
        let programme = try TemporaryProgramme()
        let event = try programme.parentingEvent()
        let people = try programme.addParticipants(["Gulnora Karimova", "Lola Ismoilova"])
        try programme.enroll(event, people)
        let path = programme.path("davomat.xlsx")
        try Self.workbook(Self.cells(1, ["F.I.Sh.", "25.03.2019", "26.03.2019"]) + Self.cells(2, ["Gulnora Karimova", "+", "+"])
                          + Self.cells(3, ["Eski Qator", "+", "-"], hidden: true) + Self.cells(4, ["Lola Ismoilova", "+", "-"]), at: path)

        // When it is imported, the hidden row is left out and said, and the others' marks are recorded
        let imported = try programme.succeed(["attendance", "import", String(event), path]).stdout
        #expect(imported.contains("Left out 1 hidden row (3); --include-hidden imports them."), "\(imported)")
        #expect(imported.contains("Recorded 4 marks for 2 people"), "\(imported)")
        let json = try programme.succeed(["attendance", "import", String(event), path, "--dry-run", "--json"]).stdout
        let plan = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(plan?["hiddenRows"] as? [Int] == [3], "\(json)")

        // When the hidden rows are asked for, the stranger in them is refused and nothing changes
        try programme.expectRefused(["attendance", "import", String(event), path, "--include-hidden"], status: 65,
                                    mentioning: ["row 3", "Eski Qator"])
    }

    @Test func aFormulaSavedWithoutItsValueIsNamedAsSuch() throws {
        let programme = try TemporaryProgramme()
        let path = programme.path("formula.xlsx")
        try Self.workbook(Self.row(1, "F.I.Sh.") + Self.row(2, "Gulnora Karimova")
                          + "<row r=\"3\"><c r=\"A3\" t=\"str\"><f>CONCATENATE(B3,\" \",C3)</f></c></row>", at: path)

        let result = try programme.expectRefused(["participant", "import", path], status: 65,
                                                 mentioning: ["row 3", "formula saved without its value"])
        #expect(!result.stderr.contains("The name is empty"), "\(result)")
    }
}

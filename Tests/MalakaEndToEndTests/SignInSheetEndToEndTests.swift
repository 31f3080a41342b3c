import Foundation
import PDFTestSupport
import Testing
import ZIPFoundation

/// Paper in, paper out (issue 13): a sign-in sheet printed and written as a workbook, filled in, imported back.
@Suite struct SignInSheetEndToEndTests {
    /// A two-day training with three people enrolled.
    func training() throws -> (TemporaryProgramme, Int64, [Int64]) {
        let programme = try TemporaryProgramme()
        let event = try programme.createEvent([
            "--course", "PS-PARENTING", "--region", "Xorazm", "--start", "25.03.2019", "--days", "2", "--time", "09:00-12:00",
            "--trainer", "Dilnoza Yusupova",
        ])
        let people = [
            try programme.addParticipant("Gʻulomjon Oʻrinboyev"), try programme.addParticipant("Гулнора Рўзметова"),
            try programme.addParticipant("Айгүл Өмүрбекова"),
        ]
        try programme.enroll(event, people)
        return (programme, event, people)
    }

    @Test func theWorkbookFilledInImportsBackUnchanged() throws {
        let (programme, event, people) = try training()
        let wrote = try programme.succeed(["attendance", "sheet", String(event), "--pdf", "sheet.pdf", "--xlsx", "sheet.xlsx"]).stdout
        #expect(wrote.contains("3 people, 2 sessions, uz-Latn"), "\(wrote)")
        #expect(try programme.succeed(["participant", "list", "--event", String(event)]).stdout.contains("Айгүл Өмүрбекова"))

        // When the trainer types the marks into the day columns
        let marks: [Int64: [String]] = [people[0]: ["+", "н"], people[1]: ["kech", "+"], people[2]: ["sababli", "+"]]
        try fill(programme.path("sheet.xlsx"), into: programme.path("filled.xlsx"), marks: marks)
        let imported = try programme.succeed(["attendance", "import", String(event), "filled.xlsx"]).stdout
        #expect(imported.contains("Recorded 6 marks for 3 people in event \(event)."), "\(imported)")

        // Then every mark is recorded as written
        let sheet = try programme.json(AttendanceSheetJSON.self, ["attendance", "show", String(event)])
        #expect(sheet.row(people[0])?.marks == ["present", "absent"])
        #expect(sheet.row(people[1])?.marks == ["late", "present"])
        #expect(sheet.row(people[2])?.marks == ["excused", "present"])
    }

    @Test(arguments: [
        ("uz-Latn", "Davomat varaqasi", "Imzo"), ("uz-Cyrl", "Давомат варақаси", "Имзо"), ("ky", "Катышуу барагы", "Кол тамга"),
        ("ru", "Лист регистрации участников", "Подпись"), ("en", "Sign-in sheet", "Signature"),
    ])
    func thePDFsTextComesBackInEachLanguage(_ language: String, _ title: String, _ signature: String) throws {
        let (programme, event, _) = try training()
        try programme.succeed(["attendance", "sheet", String(event), "--language", language, "--pdf", "sheet.pdf", "--xlsx", "sheet.xlsx"])

        let text = try PDFTools.textLines(of: URL(fileURLWithPath: programme.path("sheet.pdf"))).joined(separator: "\n")
        for expected in [title, signature, "Gʻulomjon Oʻrinboyev", "Гулнора Рўзметова", "Айгүл Өмүрбекова", "25.03.2019", "26.03.2019",
                         "Dilnoza Yusupova"] {
            #expect(text.contains(expected), "\(language): \(expected) in\n\(text)")
        }
        let size = try PDFTools.run("pdfinfo", [programme.path("sheet.pdf")])
        #expect(size.contains("841.89 x 595.28") || size.contains("842 x 595"), "A4 landscape: \(size)")
    }

    @Test func anUnknownEventOrAMissingFolderIsRefusedAndNothingIsWritten() throws {
        let (programme, event, _) = try training()
        try programme.expectRefused(["attendance", "sheet", "99"], status: 65, mentioning: ["99"])
        try programme.expectRefused(["attendance", "sheet", String(event), "--pdf", "no/such/folder/sheet.pdf"], status: 74,
                                    mentioning: ["no/such/folder"])
        #expect(!FileManager.default.fileExists(atPath: programme.path("sign-in-99.pdf")))
    }

    /// Copies a workbook written by `attendance sheet`, typing `marks` into each person's day cells.
    func fill(_ source: String, into destination: String, marks: [Int64: [String]]) throws {
        let archive = try Archive(url: URL(fileURLWithPath: source), accessMode: .read)
        let output = try Archive(url: URL(fileURLWithPath: destination), accessMode: .create)
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            if entry.path == "xl/worksheets/sheet1.xml" {
                var xml = String(decoding: data, as: UTF8.self)
                for (id, values) in marks {
                    // The person's row: its B cell holds their number.
                    let idCell = try #require(xml.range(of: #"<c r="B(\d+)" t="inlineStr"><is><t xml:space="preserve">\#(id)</t>"#,
                                                        options: .regularExpression))
                    let row = String(xml[idCell].drop(while: { $0 != "B" }).dropFirst().prefix(while: \.isNumber))
                    let end = try #require(xml.range(of: "</row>", range: idCell.upperBound..<xml.endIndex))
                    let cells: String = values.enumerated().map { index, mark -> String in
                        let column = String(UnicodeScalar(UInt8(68 + index)))
                        return "<c r=\"\(column)\(row)\" t=\"inlineStr\"><is><t>\(mark)</t></is></c>"
                    }.joined()
                    xml.replaceSubrange(end, with: cells.appending("</row>"))
                }
                data = Data(xml.utf8)
            }
            let bytes = data
            try output.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(bytes.count)) { position, size in
                bytes.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
    }
}

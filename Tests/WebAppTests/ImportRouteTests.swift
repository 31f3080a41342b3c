import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import PDFTestSupport
import Testing
import TrainingCore
@testable import WebApp

@Suite("Uploading a participant list or a sign-in sheet: preview, confirm, refusal; printing the sign-in sheet")
struct ImportRouteTests {
    static let goodList = Data("""
        F.I.Sh.,Jinsi,Tugʻilgan yili
        Nilufar Rahimova,ayol,1990
        Sanjar Olimov,erkak,1985
        """.utf8)
    static let badList = Data("""
        F.I.Sh.,Jinsi,Tugʻilgan yili
        Nilufar Rahimova,ayol,1990
        Sanjar Olimov,x,1985
        """.utf8)

    /// The number a preview keeps its upload under, from the form that confirms it.
    static func uploadID(in page: String) throws -> String {
        let match = try #require(page.firstMatch(of: /\/import\/([0-9a-f]{64})"/))
        return String(match.1)
    }

    static func participantCount(_ fixture: WebFixture) throws -> Int {
        try fixture.sql { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM participant")! }
    }

    static func markCount(_ fixture: WebFixture) throws -> Int {
        try fixture.sql { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM attendance")! }
    }

    @Test func aParticipantListIsPreviewedThenImportedAndEnrolled() async throws {
        let fixture = try await WebFixture()
        let browser = try fixture.signIn("trainer")
        let event = fixture.xorazm.id
        let before = try Self.participantCount(fixture)
        try await fixture.test { client in
            let form = try await client.execute(uri: "/events/\(event)/import", method: .get, headers: browser.headers)
            #expect(form.status == .ok)
            #expect(form.text.contains("enctype=\"multipart/form-data\""))
            let (headers, body) = fixture.upload(browser, fields: [("kind", "participants")], file: ("royxat.csv", Self.goodList))
            let preview = try await client.execute(uri: "/events/\(event)/import", method: .post, headers: headers, body: body)
            #expect(preview.status == .ok)
            #expect(preview.text.contains("Checked: nothing is written yet"))
            #expect(preview.text.contains("2 would be added, 0 are registered already, 0 linked, 0 await a choice; 2 would be enrolled in this event."))
            #expect(preview.text.contains("Sanjar Olimov"))
            #expect(try Self.participantCount(fixture) == before)
            let id = try Self.uploadID(in: preview.text)
            let applied = try await client.execute(uri: "/events/\(event)/import/\(id)", method: .post, headers: browser.formHeaders,
                                                   body: browser.form([("action", "apply")]))
            #expect(applied.status == .ok)
            #expect(applied.text.contains("2 added, 0 registered already, 0 linked; 2 enrolled in this event."))
            // Applied once: the upload is gone, so a second confirmation cannot import it twice.
            let again = try await client.execute(uri: "/events/\(event)/import/\(id)", method: .post, headers: browser.formHeaders,
                                                 body: browser.form([("action", "apply")]))
            #expect(again.status == .notFound)
            #expect(again.text.contains("upload the file again"))
        }
        #expect(try Self.participantCount(fixture) == before + 2)
        let enrolled = try fixture.database.attendanceSheet(eventID: event).rows.map(\.participant)
        let added = try #require(enrolled.first { $0.fullName == "Sanjar Olimov" })
        // The event's place fills the rows that name none: the people belong where the list was uploaded.
        #expect(added.regionCode == "UZ-XO" && added.districtCode == "UZ-XO-URG")
    }

    @Test func aBadRowIsNamedByFileLineColumnAndHeadingAndTheRefusedFileChangesNothing() async throws {
        let fixture = try await WebFixture()
        let browser = try fixture.signIn("coordinator")
        let event = fixture.xorazm.id
        let before = try Self.participantCount(fixture)
        try await fixture.test { client in
            let (headers, body) = fixture.upload(browser, fields: [("kind", "participants")], file: ("royxat.csv", Self.badList))
            let preview = try await client.execute(uri: "/events/\(event)/import", method: .post, headers: headers, body: body)
            #expect(preview.status == .ok)
            #expect(preview.text.contains("This file would not be imported:"))
            // File, line, column, heading, and the core's sentence about the cell.
            #expect(preview.text.contains("<td>royxat.csv</td><td class=\"num\">3</td><td>2</td><td>Jinsi</td><td>“x”"))
            #expect(preview.text.contains("Correct these rows and upload the file again"))
            #expect(!preview.text.contains("value=\"apply\""))
            let id = try Self.uploadID(in: preview.text)
            let refused = try await client.execute(uri: "/events/\(event)/import/\(id)", method: .post, headers: browser.formHeaders,
                                                   body: browser.form([("action", "apply")]))
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("Jinsi"))
            // With the good rows chosen, the one good row is imported and the bad one stays out.
            let skipping = try await client.execute(uri: "/events/\(event)/import/\(id)", method: .post, headers: browser.formHeaders,
                                                    body: browser.form([("action", "apply"), ("skipInvalid", "on")]))
            #expect(skipping.status == .ok)
            #expect(skipping.text.contains("1 added"))
        }
        #expect(try Self.participantCount(fixture) == before + 1)
    }

    @Test func aSignInSheetIsPreviewedThenRecordedAndAnUnknownNameIsRefused() async throws {
        let fixture = try await WebFixture()
        let browser = try fixture.signIn("trainer")
        let event = fixture.xorazm.id
        let sheet = Data("F.I.Sh.,1,2\nAziza Karimova,+,-\nBekzod Toʻxtayev,kech,+\n".utf8)
        let unknown = Data("F.I.Sh.,1,2\nAziza Karimova,+,-\nNobody Atall,+,+\n".utf8)
        try await fixture.test { client in
            let (badHeaders, badBody) = fixture.upload(browser, fields: [("kind", "attendance")], file: ("davomat.csv", unknown))
            let bad = try await client.execute(uri: "/events/\(event)/import", method: .post, headers: badHeaders, body: badBody)
            #expect(bad.text.contains("Nobody enrolled in this event is called “Nobody Atall”."))
            #expect(bad.text.contains("<td>davomat.csv</td><td class=\"num\">3</td><td>1</td><td>F.I.Sh.</td>"))
            let badID = try Self.uploadID(in: bad.text)
            let refused = try await client.execute(uri: "/events/\(event)/import/\(badID)", method: .post, headers: browser.formHeaders,
                                                   body: browser.form([("action", "apply")]))
            #expect(refused.status == .badRequest)
            #expect(try Self.markCount(fixture) == 0)

            let (headers, body) = fixture.upload(browser, fields: [("kind", "attendance")], file: ("davomat.csv", sheet))
            let preview = try await client.execute(uri: "/events/\(event)/import", method: .post, headers: headers, body: body)
            #expect(preview.status == .ok)
            #expect(preview.text.contains("4 marks for 2 people would be recorded."))
            #expect(try Self.markCount(fixture) == 0)
            let id = try Self.uploadID(in: preview.text)
            let applied = try await client.execute(uri: "/events/\(event)/import/\(id)", method: .post, headers: browser.formHeaders,
                                                   body: browser.form([("action", "apply")]))
            #expect(applied.status == .ok)
            #expect(applied.text.contains("4 marks for 2 people were recorded."))
        }
        #expect(try Self.markCount(fixture) == 4)
    }

    @Test func aRowThatIsProbablySomeoneRegisteredIsDecidedLineByLine() async throws {
        let fixture = try await WebFixture()
        let browser = try fixture.signIn("coordinator")
        let event = fixture.xorazm.id
        let aziza = fixture.people[0].id!
        let list = Data("F.I.Sh.,Jinsi\nКаримова Азиза Рустамовна,ayol\nNilufar Rahimova,ayol\n".utf8)
        let before = try Self.participantCount(fixture)
        try await fixture.test { client in
            let (headers, body) = fixture.upload(browser, fields: [("kind", "participants")], file: ("royxat.csv", list))
            let preview = try await client.execute(uri: "/events/\(event)/import", method: .post, headers: headers, body: body)
            #expect(preview.text.contains("select form=\"decide-form\" name=\"line-2\""))
            #expect(preview.text.contains("<option value=\"link-\(aziza)\">taken as Aziza Karimova"))
            #expect(!preview.text.contains("value=\"apply\""))
            let id = try Self.uploadID(in: preview.text)
            let decided = try await client.execute(uri: "/events/\(event)/import/\(id)", method: .post, headers: browser.formHeaders,
                                                   body: browser.form([("action", "preview"), ("line-2", "link-\(aziza)")]))
            #expect(decided.status == .ok)
            #expect(decided.text.contains("<option value=\"link-\(aziza)\" selected>"))
            #expect(decided.text.contains("value=\"apply\""))
            // A number typed into the form that names someone outside the region is not found.
            let foreign = try await client.execute(uri: "/events/\(event)/import/\(id)", method: .post, headers: browser.formHeaders,
                                                   body: browser.form([("action", "apply"), ("line-2", "link-\(fixture.stranger.id!)")]))
            #expect(foreign.status == .notFound)
            let applied = try await client.execute(uri: "/events/\(event)/import/\(id)", method: .post, headers: browser.formHeaders,
                                                   body: browser.form([("action", "apply"), ("line-2", "link-\(aziza)")]))
            #expect(applied.status == .ok)
            #expect(applied.text.contains("1 added, 0 registered already, 1 linked; 1 enrolled in this event."))
        }
        #expect(try Self.participantCount(fixture) == before + 1)
    }

    @Test func aRowThatIsSomeoneRegisteredElsewhereIsNeitherNamedNorEnrolled() async throws {
        let fixture = try await WebFixture()
        let browser = try fixture.signIn("samarqand")
        let event = fixture.samarqand.id
        // Someone from Xorazm at a Samarqand training: the row is Aziza Karimova of Xorazm, whom Samarqand does not see.
        let list = Data("F.I.Sh.,Viloyat\nAziza Karimova,Xorazm\n".utf8)
        try await fixture.test { client in
            let (headers, body) = fixture.upload(browser, fields: [("kind", "participants")], file: ("royxat.csv", list))
            let preview = try await client.execute(uri: "/events/\(event)/import", method: .post, headers: headers, body: body)
            #expect(preview.text.contains("already registered: someone registered elsewhere"))
            #expect(preview.text.contains("Rows taken as someone registered outside your area: 1."))
            #expect(!preview.text.contains("value=\"apply\""))
            let id = try Self.uploadID(in: preview.text)
            let forced = try await client.execute(uri: "/events/\(event)/import/\(id)", method: .post, headers: browser.formHeaders,
                                                  body: browser.form([("action", "apply")]))
            #expect(forced.status == .forbidden)
            let asNew = try await client.execute(uri: "/events/\(event)/import/\(id)", method: .post, headers: browser.formHeaders,
                                                 body: browser.form([("action", "apply"), ("line-2", "new")]))
            #expect(asNew.status == .ok)
            #expect(asNew.text.contains("1 added"))
        }
        let enrolled = try fixture.database.attendanceSheet(eventID: event).rows.map(\.participant)
        #expect(enrolled.contains { $0.fullName == "Aziza Karimova" && $0.id != fixture.people[0].id })
        #expect(!enrolled.contains { $0.id == fixture.people[0].id })
    }

    @Test func theRowProblemsAreWordedInTheReadersLanguage() async throws {
        let fixture = try await WebFixture()
        let account = try #require(try fixture.database.account(named: "trainer"))
        try fixture.database.setAccountLanguage(id: account.id!, language: .russian)
        let browser = try fixture.signIn("trainer")
        let sheet = Data("F.I.Sh.,1,2\nAziza Karimova,+,??\nNobody Atall,+,+\n".utf8)
        try await fixture.test { client in
            /// The page answering an upload of `data`, named `name`, as a file of `kind`.
            func upload(_ kind: String, _ name: String, _ data: Data) async throws -> String {
                let (headers, body) = fixture.upload(browser, fields: [("kind", kind)], file: (name, data))
                return try await client.execute(uri: "/events/\(fixture.xorazm.id)/import", method: .post, headers: headers, body: body).text
            }
            let list = try await upload("participants", "royxat.csv", Self.badList)
            #expect(list.contains("«x» — не пол, который знает Malaka."))
            #expect(list.contains("Строк с ошибками: 1 (см. ниже)."))
            let marks = try await upload("attendance", "davomat.csv", sheet)
            #expect(marks.contains("«??» — не отметка посещаемости."))
            #expect(marks.contains("Среди записанных на это мероприятие нет человека по имени «Nobody Atall»."))
            #expect(!marks.contains("Nobody enrolled in event"))
            let places = Data("F.I.Sh.,Viloyat,Tugʻilgan yili\nNilufar Rahimova,Atlantis,1850\n,Xorazm,\nSanjar Olimov,Xorazm,abc\n".utf8)
            let placeList = try await upload("participants", "joylar.csv", places)
            #expect(placeList.contains("«Atlantis» — не регион, который знает Malaka."))
            #expect(placeList.contains("Имя пустое. Напишите имя человека или удалите строку."))
            #expect(placeList.contains("Год рождения 1850 невозможен."))
            #expect(placeList.contains("«abc» — не год рождения."))
            let details = Data("F.I.Sh.,Yoshi,Telefon,Rozilik sanasi\nNilufar Rahimova,qirq,+998 90 123 45 67,\nSanjar Olimov,150,,\nLola Ismoilova,,telefon yoq,\nDilfuza Sapayeva,,,25.03.26\nAziza\u{202E}avomiraK,,,\n".utf8)
            let detailList = try await upload("participants", "tafsilot.csv", details)
            #expect(detailList.contains("«qirq» — не возраст."))
            #expect(detailList.contains("«150» — невозможный возраст."))
            #expect(detailList.contains("«telefon yoq» — не номер телефона."))
            #expect(detailList.contains("В «25.03.26» год записан двумя цифрами."))
            #expect(detailList.contains("В ячейке есть невидимый символ U+202E."))
            #expect(!detailList.contains("is not an age") && !detailList.contains("invisible character"))
        }
    }

    @Test func noFileNamesTheFileFieldAndAnUnreadableFileIsNotKept() async throws {
        let fixture = try await WebFixture()
        let browser = try fixture.signIn("trainer")
        let event = fixture.xorazm.id
        try await fixture.test { client in
            let (headers, body) = fixture.upload(browser, fields: [("kind", "participants")], file: nil)
            let none = try await client.execute(uri: "/events/\(event)/import", method: .post, headers: headers, body: body)
            #expect(none.status == .badRequest)
            #expect(none.text.contains("id=\"file-error\">Choose a .csv or .xlsx file."))
            let (xlsxHeaders, xlsxBody) = fixture.upload(browser, fields: [("kind", "participants")],
                                                         file: ("royxat.xlsx", Data("not a workbook".utf8)))
            let broken = try await client.execute(uri: "/events/\(event)/import", method: .post, headers: xlsxHeaders, body: xlsxBody)
            #expect(broken.status == .badRequest)
            #expect(broken.text.contains("id=\"file-error\""))
            #expect(broken.text.contains("not a ZIP archive"))
            #expect(!broken.text.contains("/import/"))
            // Without the form token the upload is refused before it is read.
            let (forged, tokenless) = fixture.upload(WebFixture.Browser(cookie: browser.cookie, csrf: "0"), fields: [],
                                                     file: ("a.csv", Self.goodList))
            let refused = try await client.execute(uri: "/events/\(event)/import", method: .post, headers: forged, body: tokenless)
            #expect(refused.status == .forbidden)
            // A file over the limit is refused with a page that says so, not read into memory whole.
            let huge = Data(repeating: 0x41, count: MultipartForm.sizeLimit + 1)
            let (bigHeaders, bigBody) = fixture.upload(browser, fields: [("kind", "participants")], file: ("big.csv", huge))
            let tooLarge = try await client.execute(uri: "/events/\(event)/import", method: .post, headers: bigHeaders, body: bigBody)
            #expect(tooLarge.status == .contentTooLarge)
            #expect(tooLarge.text.contains("a file may be 8 MB at most"))
        }
    }

    @Test func anotherRegionAnotherAccountAndAManagerGetNothing() async throws {
        let fixture = try await WebFixture()
        let trainer = try fixture.signIn("trainer")
        let coordinator = try fixture.signIn("coordinator")
        let theirs = try fixture.signIn("samarqand")
        let manager = try fixture.signIn("manager")
        let event = fixture.xorazm.id
        let before = try Self.participantCount(fixture)
        try await fixture.test { client in
            for path in ["/events/\(event)/import", "/events/\(event)/sign-in.pdf"] {
                let response = try await client.execute(uri: path, method: .get, headers: theirs.headers)
                #expect(response.status == .notFound, "\(path)")
            }
            let (theirHeaders, theirBody) = fixture.upload(theirs, fields: [("kind", "participants")], file: ("royxat.csv", Self.goodList))
            let upload = try await client.execute(uri: "/events/\(event)/import", method: .post, headers: theirHeaders, body: theirBody)
            #expect(upload.status == .notFound)
            let (headers, body) = fixture.upload(trainer, fields: [("kind", "participants")], file: ("royxat.csv", Self.goodList))
            let preview = try await client.execute(uri: "/events/\(event)/import", method: .post, headers: headers, body: body)
            let id = try Self.uploadID(in: preview.text)
            // The trainer's upload is the trainer's: another region's coordinator, and even the region's own, cannot apply it.
            let foreign = try await client.execute(uri: "/events/\(event)/import/\(id)", method: .post, headers: theirs.formHeaders,
                                                   body: theirs.form([("action", "apply")]))
            #expect(foreign.status == .notFound)
            let colleague = try await client.execute(uri: "/events/\(event)/import/\(id)", method: .post, headers: coordinator.formHeaders,
                                                     body: coordinator.form([("action", "apply")]))
            #expect(colleague.status == .notFound)
            let (managerHeaders, managerBody) = fixture.upload(manager, fields: [("kind", "participants")], file: ("royxat.csv", Self.goodList))
            let read = try await client.execute(uri: "/events/\(event)/import", method: .post, headers: managerHeaders, body: managerBody)
            #expect(read.status == .forbidden)
        }
        #expect(try Self.participantCount(fixture) == before)
    }

    @Test func theSignInSheetIsTheCommandLinesPDF() async throws {
        let fixture = try await WebFixture()
        let browser = try fixture.signIn("trainer")
        let pdf = fixture.folder.appendingPathComponent("sign-in.pdf")
        try await fixture.test { client in
            let response = try await client.execute(uri: "/events/\(fixture.xorazm.id)/sign-in.pdf?lang=ru", method: .get, headers: browser.headers)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/pdf")
            try Data(buffer: response.body).write(to: pdf)
        }
        let text = try PDFTools.textLines(of: pdf).joined(separator: "\n")
        #expect(text.contains("Aziza Karimova"))
        #expect(text.contains("<script>alert(1)</script>"))
    }

    @Test func theSignInWorkbookUploadsBackAsASignInSheet() async throws {
        let fixture = try await WebFixture()
        let browser = try fixture.signIn("trainer")
        let event = fixture.xorazm.id
        try await fixture.test { client in
            let workbook = try await client.execute(uri: "/events/\(event)/sign-in.xlsx", method: .get, headers: browser.headers)
            #expect(workbook.status == .ok)
            #expect(workbook.headers[.contentDisposition] == "attachment; filename=\"sign-in-\(event).xlsx\"")
            let (headers, body) = fixture.upload(browser, fields: [("kind", "attendance")], file: ("sign-in-\(event).xlsx", Data(buffer: workbook.body)))
            let preview = try await client.execute(uri: "/events/\(event)/import", method: .post, headers: headers, body: body)
            #expect(preview.status == .ok)
            // Unmarked, every enrolled person is found by number and no mark would be recorded.
            #expect(preview.text.contains("0 marks for 8 people would be recorded."))
            let theirs = try fixture.signIn("samarqand")
            let foreign = try await client.execute(uri: "/events/\(event)/sign-in.xlsx", method: .get, headers: theirs.headers)
            #expect(foreign.status == .notFound)
        }
    }

    @Test func multipartPartsAreReadWithTheirNamesAndFiles() {
        let body = Data("--b\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n abc \r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"C:\\\\x\\\\a.csv\"\r\nContent-Type: text/csv\r\n\r\nA,B\r\n1,2\r\n--b--\r\n".utf8)
        let form = MultipartForm(body: body, boundary: "b")
        #expect(form["csrf"] == "abc")
        #expect(form.file("file")?.data == Data("A,B\r\n1,2".utf8))
        #expect(form["file"] == nil)
        #expect(MultipartForm.boundary(of: "multipart/form-data; boundary=\"xyz\"") == "xyz")
        #expect(MultipartForm(body: Data("garbage".utf8), boundary: "b").parts.isEmpty)
    }
}

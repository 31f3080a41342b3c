import Foundation
import HummingbirdTesting
import Testing
import TrainingCore
@testable import WebApp

@Suite("Wording in five languages")
struct WordingTests {
    @Test(arguments: DocumentLanguage.allCases)
    func everyPhraseIsWorded(_ language: DocumentLanguage) {
        #expect(Words.missing(in: language).isEmpty, "\(language.rawValue)")
    }

    @Test func numbersAndDatesAsEachLanguageWritesThem() {
        #expect(Words(.english).number(12345) == "12,345")
        #expect(Words(.russian).number(12345) == "12\u{202F}345")
        #expect(Words(.english).decimal(12.5) == "12.5")
        #expect(Words(.kyrgyz).decimal(12.5) == "12,5")
        #expect(Words(.uzbekLatin).date(DayDate(year: 2019, month: 3, day: 25)!) == "25.03.2019")
        #expect(Words(.english).date(DayDate(year: 2019, month: 3, day: 25)!) == "2019-03-25")
    }

    @Test(arguments: DocumentLanguage.allCases)
    func everyPageRendersInTheChosenLanguage(_ language: DocumentLanguage) async throws {
        let fixture = try await WebFixture()
        try fixture.database.setAccountLanguage(id: try fixture.database.account(named: "admin")!.id!, language: language)
        let browser = try fixture.signIn("admin")
        let words = Words(language)
        let event = fixture.xorazm.id
        try await fixture.test { client in
            for (path, phrase) in [("/sessions", Phrase.thisWeek), ("/events", .enrolledCount), ("/events/\(event)", .completion),
                                   ("/events/\(event)/attendance", .saveMarks), ("/people", .registerPerson),
                                   ("/summary", .participantsReached), ("/events/4242", .notFoundText),
                                   ("/events/\(event)/import", .importParticipantList), ("/duplicates", .noDuplicates),
                                   ("/conflicts", .noConflicts)] {
                let page = try await client.execute(uri: path, method: .get, headers: browser.headers)
                #expect(page.text.contains("lang=\"\(language.rawValue)\""), "\(path)")
                if phrase != .saveMarks {
                    #expect(page.text.contains(words[phrase]), "\(path) \(language.rawValue)")
                }
            }
        }
    }

    @Test func theFormsRefusalsAreWordedBesideTheirFieldsInTheReadersLanguage() async throws {
        let fixture = try await WebFixture()
        try fixture.database.setAccountLanguage(id: try fixture.database.account(named: "admin")!.id!, language: .russian)
        let browser = try fixture.signIn("admin")
        let words = Words(.russian)
        try await fixture.test { client in
            func register(_ fields: [(String, String)]) async throws -> String {
                let page = try await client.execute(uri: "/people", method: .post, headers: browser.formHeaders, body: browser.form(fields))
                #expect(page.status == .badRequest)
                return page.text
            }
            let year = try await register([("fullName", "Nodira Azimova"), ("birthYear", "1850")])
            #expect(year.contains("id=\"birthYear-error\">\(words.format(.errBirthYearForm, String(DayDate.today.year)))"))
            let hidden = try await register([("fullName", "Nodira Azimova"), ("alternateName", "Нодира\u{202E}Азимова")])
            #expect(hidden.contains("id=\"alternateName-error\">\(words[.errInvisibleField])"))
            let long = try await register([("fullName", String(repeating: "Nodira ", count: 30))])
            #expect(long.contains("id=\"fullName-error\">\(words[.errTooLong])"))
            let backwards = try await client.execute(uri: "/summary?from=2019-05-01&to=2019-04-01", method: .get, headers: browser.headers)
            #expect(backwards.text.contains("id=\"from-error\">\(words[.errPeriodOrder])"))
            let notADate = try await client.execute(uri: "/summary?from=2019-05-01&to=2019-13-45", method: .get, headers: browser.headers)
            #expect(notADate.text.contains("id=\"to-error\">\(words[.errNoSuchDay])"))
            let scrawl = try await client.execute(uri: "/summary?from=abc&to=2019-04-01", method: .get, headers: browser.headers)
            #expect(scrawl.text.contains("id=\"from-error\">\(words[.errNotADate])"))
            let notANumber = try await client.execute(uri: "/events/abc", method: .get, headers: browser.headers)
            #expect(notANumber.status == .badRequest)
            #expect(notANumber.text.contains(words[.badRequest]))
            let notAYear = try await client.execute(uri: "/summary?year=20x9", method: .get, headers: browser.headers)
            #expect(notAYear.text.contains("id=\"year-error\">\(words[.errReportYear])"))
        }
        #expect(try fixture.database.searchParticipants("Nodira").isEmpty)
    }

    @Test func aMarkInAClosedPeriodAndARevokedCertificateAreRefusedInTheReadersLanguage() async throws {
        let fixture = try await WebFixture()
        try fixture.database.setAccountLanguage(id: try fixture.database.account(named: "admin")!.id!, language: .russian)
        let session = fixture.xorazm.sessions[0]
        _ = try fixture.database.closePeriod(ReportPeriod(from: session.date, to: session.date), scope: .all, reason: "Quarter reported",
                                             today: session.date.adding(days: 1))
        let browser = try fixture.signIn("admin")
        let words = Words(.russian)
        try await fixture.test { client in
            let mark = try await client.execute(uri: "/events/\(fixture.xorazm.id)/attendance", method: .post, headers: browser.formHeaders,
                                                body: browser.form([("session", "\(session.id!)"), ("participant", "\(fixture.people[0].id!)"),
                                                                    ("status", "present")]))
            #expect(mark.status == .badRequest)
            #expect(mark.text.contains(words[.errPeriodClosed]))
        }
        #expect(try fixture.database.attendanceSheet(eventID: fixture.xorazm.id).rows.allSatisfy { $0.marks[0] == nil })
    }

    @Test func aCoreErrorIsWordedBesideItsFieldWithoutDatabaseText() {
        let error = MalakaError(.data, .unknownRegion, "“Atlantis” is not a region we know.", remedy: .listRegions)
        let worded = ErrorWording(Words(.russian)).word(error)
        #expect(worded.field == "region")
        #expect(!worded.message.contains("SQLITE"))
    }

    @Test func theCoresErrorsOfTheFormsAreWordedInTheReadersLanguage() {
        let wording = ErrorWording(Words(.russian))
        let nobody = MalakaError(.data, .nobodyCompleted, "Nobody enrolled in event 1 has met the course's completion rule yet.", subject: .event(1))
        #expect(wording.word(nobody).message.hasPrefix("Никто из записанных"))
        let noNames = MalakaError(.data, .noNameColumn, "royxat.csv has no column…", subject: .file("royxat.csv"), remedy: .mapColumn(example: "B=name"))
        #expect(wording.word(noNames).message.hasPrefix("В файле royxat.csv нет столбца"))
        #expect(wording.word(noNames).remedy?.hasPrefix("Дайте столбцу имён заголовок") == true)
        let rows = MalakaError(.data, .rowsHaveProblems, "2 rows have problems (listed below).",
                               remedy: .correctRowsOrSkipInvalid(count: 2, marks: false))
        #expect(wording.importRefusal(rows, rejectedRows: 2, undecidedRows: 0).message == "Строк с ошибками: 2 (см. ниже).")
        // An error the pages have no wording for keeps the core's sentence, never a database's.
        let other = MalakaError(.data, .cannotMerge, "Both hold a valid certificate for event 1.")
        #expect(wording.word(other).message == "Both hold a valid certificate for event 1.")
    }
}

import Foundation
import PDFTestSupport
import Testing
import ReportDocuments
import Typesetting
import TrainingCore

/// The same summary as CSV, JSON, text and PDF: the same numbers in each, in every language.
@Suite struct RegionSummaryFormatsTests {
    let programme: RegionSummaryFixture
    let summary: RegionSummary

    init() throws {
        programme = try RegionSummaryFixture()
        var request = RegionSummaryFixture.year2019()
        request.includesEvents = true
        summary = try programme.database.regionSummary(request)
    }

    /// The CSV as rows of fields, keyed by the first column (the code; the total row has none).
    private func csvRows(_ data: Data) throws -> (header: [String], rows: [String: [String]]) {
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 with a byte order mark")
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.hasSuffix("\r\n"))
        var lines = text.split(separator: "\r\n").map { line in
            // No field of the fixture holds a quote; commas only inside quoted names.
            var fields: [String] = []
            var field = ""
            var quoted = false
            for character in line {
                if character == "\"" { quoted.toggle() } else if character == "," && !quoted { fields.append(field); field = "" } else { field.append(character) }
            }
            fields.append(field)
            return fields
        }
        let header = lines.removeFirst()
        return (header, Dictionary(uniqueKeysWithValues: lines.map { ($0[0].isEmpty ? "total" : $0[0], $0) }))
    }

    /// The value at a dotted path such as `participants.sex.female` in a JSON row.
    private func value(_ object: Any?, at path: String) -> Any? {
        path.split(separator: ".").reduce(object) { current, key in (current as? [String: Any])?[String(key)] }
    }

    @Test func csvAndJSONCarryTheSameNumbers() throws {
        let (header, rows) = try csvRows(RegionSummaryCSV.data(summary, language: .english))
        let json = try JSONSerialization.jsonObject(with: RegionSummaryJSON.data(summary, language: .english)) as! [String: Any]
        let jsonRows = json["rows"] as! [[String: Any]]
        #expect(header.count == 2 + 45)
        #expect(header[0] == "Code" && header[1] == "Region")
        #expect(header.contains("Unique participants: Female"))
        #expect(rows.count == summary.rows.count + 1, "one row per region and a total row")
        #expect(rows["total"]?[1] == "Total")

        for (code, object) in zip(summary.rows.map { $0.code ?? "" } + ["total"], jsonRows + [json["total"] as! [String: Any]]) {
            let csv = try #require(rows[code])
            for (offset, key) in Self.keys.enumerated() {
                let field = csv[2 + offset]
                let number = value(object, at: key)
                if key == "attendanceRate" {
                    let rate = number as? Double
                    #expect(field == (rate.map { String(format: "%.1f", $0 * 100) } ?? ""), "\(code) \(key)")
                } else {
                    #expect(Double(field) == (number as? NSNumber)?.doubleValue, "\(code) \(key): CSV \(field), JSON \(String(describing: number))")
                }
            }
        }
        // The hand-computed numbers, as printed
        let khorezm = try #require(rows["UZ-XO"])
        #expect(khorezm[header.firstIndex(of: "Unique participants")!] == "5")
        #expect(khorezm[header.firstIndex(of: "Attendance rate, %")!] == "75.0")
        #expect(rows["total"]![header.firstIndex(of: "Unique participants")!] == "8")
        #expect(rows["total"]![header.firstIndex(of: "Participations")!] == "12")
        #expect(value(json["total"], at: "participants.age.under-18") as? Int == 1)
    }

    /// The JSON keys of the CSV columns, in their order.
    static let keys: [String] = {
        var keys = ["events.total"] + EventKind.allCases.map { "events.\($0.rawValue)" } + ["sessions", "hours"]
        for part in ["participations", "participants"] {
            keys.append("\(part).total")
            keys += SexGroup.allCases.map { "\(part).sex.\($0.rawValue)" }
            keys += AgeGroup.allCases.map { "\(part).age.\($0.rawValue)" }
            keys += ParticipantCategory.allCases.map { "\(part).category.\($0.rawValue)" }
        }
        return keys + ["completed", "certificates", "attendanceRate"]
    }()

    @Test func thePDFTableShowsTheCSVsNumbers() throws {
        let folder = try PDFTools.temporaryFolder("ReportsTests")
        defer { PDFTools.cleanUp(folder) }
        let pdf = folder.appendingPathComponent("summary-en.pdf")
        try RegionSummaryPDF(summary: summary, language: .english, generatedOn: RegionSummaryFixture.day("2020-07-01"))
            .write(to: pdf, fonts: FontLibrary())
        let (header, rows) = try csvRows(RegionSummaryCSV.data(summary, language: .english))
        let page = try PDFTools.layoutLines(of: pdf, page: 1)
        let main = ["Events", "Sessions", "Training hours", "Participations", "Unique participants", "Completed", "Certificates", "Attendance rate"]
        for (code, name) in [("UZ-SA", "Samarkand Region"), ("UZ-XO", "Khorezm Region"), ("KG-C", "Chüy Region"), ("total", "Total")] {
            let line = try #require(page.first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(name + " ") }, "\(name) in \(page)")
            let printed = line.replacingOccurrences(of: name, with: "").split(separator: " ").map(String.init)
            let expected = main.map { heading -> String in
                let field = rows[code]![header.firstIndex(of: heading == "Attendance rate" ? "Attendance rate, %" : heading)!]
                return heading == "Attendance rate" ? field + "%" : field
            }
            #expect(printed == expected, "\(name)")
        }
        #expect(page.contains { $0.contains("Region summary") })
        #expect(page.contains { $0.contains("Uzbekistan and Kyrgyzstan — 2019") })
    }

    @Test func thePDFHasPageNumbersTheDateTheFiltersMetadataAndNoNames() throws {
        let folder = try PDFTools.temporaryFolder("ReportsTests")
        defer { PDFTools.cleanUp(folder) }
        var request = RegionSummaryFixture.year2019()
        request.includesEvents = true
        request.kind = .training
        let trainings = try programme.database.regionSummary(request)
        let pdf = folder.appendingPathComponent("trainings.pdf")
        try RegionSummaryPDF(summary: trainings, language: .english, generatedOn: RegionSummaryFixture.day("2020-07-01"))
            .write(to: pdf, fonts: FontLibrary())
        let info = try PDFTools.info(of: pdf)
        let pages = try #require(Int(info["Pages"] ?? ""))
        #expect(info["Title"] == "Region summary — Uzbekistan and Kyrgyzstan — 2019")
        #expect(info["Author"] == "Malaka")
        let text = try PDFTools.layoutLines(of: pdf).joined(separator: "\n")
        for page in 1...pages {
            let lines = try PDFTools.layoutLines(of: pdf, page: page).joined(separator: "\n")
            #expect(lines.contains("Page \(page) of \(pages)"))
            #expect(lines.contains("Generated on 1 July 2020"))
            #expect(lines.contains("Kind: Trainings"))
        }
        // The events of each region that held any: Samarkand, Khorezm, Chuy
        #expect(text.contains("Events: Khorezm Region"))
        #expect(text.contains("Events: Chüy Region"))
        #expect(text.contains("Positive parenting skills"))
        for name in ["Aziza", "Bekzod", "Charos", "Dilshod", "Elmira", "Farhod", "Gulnora", "Hamid", "Aigul"] {
            #expect(!text.contains(name), "no participant is named")
            #expect(!String(decoding: RegionSummaryCSV.data(trainings, language: .english), as: UTF8.self).contains(name))
            #expect(!String(decoding: try RegionSummaryJSON.data(trainings, language: .english), as: UTF8.self).contains(name))
        }
    }

    @Test(arguments: DocumentLanguage.allCases)
    func everyLanguageHasItsLabelsAndNames(_ language: DocumentLanguage) throws {
        let folder = try PDFTools.temporaryFolder("ReportsTests")
        defer { PDFTools.cleanUp(folder) }
        let pdf = folder.appendingPathComponent("summary-\(language.rawValue).pdf")
        try RegionSummaryPDF(summary: summary, language: language, generatedOn: RegionSummaryFixture.day("2020-07-01"))
            .write(to: pdf, fonts: FontLibrary())
        let text = try PDFTools.layoutLines(of: pdf).joined(separator: "\n")
        let khorezm = Gazetteer.bundled.region(code: "UZ-XO")!.name(in: language)
        let expected: [DocumentLanguage: [String]] = [
            .english: ["Region summary", "Unique participants", "Page 1 of"],
            .russian: ["Сводка по регионам", "Уникальные участники", "Страница 1 из", "2019 год", "Хорезмская область"],
            .uzbekLatin: ["Hududlar boʻyicha yigʻma hisobot", "Noyob ishtirokchilar", "2019-yil", "Xorazm viloyati"],
            .uzbekCyrillic: ["Ҳудудлар бўйича йиғма ҳисобот", "Ноёб иштирокчилар", "2019-йил", "Хоразм вилояти"],
            .kyrgyz: ["Аймактар боюнча жыйынтык отчет", "Уникалдуу катышуучулар", "2019-жыл"],
        ]
        for phrase in expected[language]! + [khorezm] {
            #expect(text.contains(phrase), "\(language.rawValue): \(phrase)")
        }
        let csv = String(decoding: RegionSummaryCSV.data(summary, language: language), as: UTF8.self)
        #expect(csv.contains(khorezm))
        #expect(RegionSummaryTable.text(summary, language: language).contains(khorezm))
    }

    @Test func longNamesWrapOrShrinkAndStayInsideTheMargins() throws {
        // Given an event whose own title is very long, in a district report of Tashkent region, whose names are long
        let database = programme.database
        let event = try database.createEvent(EventPlan(
            courseCode: "SEM-INTERAGENCY",
            title: "Inter-agency social support and case management for families with children with disabilities in difficult life situations, with a field visit to the pilot mahalla of Zangiota and a round of consultations with the district hokimiyat",
            region: "UZ-TO", district: "Zangiota", locality: "Eshonguzar mahallasi, Zangiota tumani, Toshkent viloyati, Oʻzbekiston Respublikasi",
            sessions: EventPlan.consecutiveSessions(from: RegionSummaryFixture.day("2019-05-06"), days: 2, time: TimeRange(parsing: "09:00-13:00"))))
        let people = try database.addParticipants([ParticipantDraft(fullName: "Zarina", category: .specialist)])
        try database.enroll(eventID: event.id, participantIDs: people.map { $0.id! })
        try database.markAttendance(event.sessions.map { AttendanceMarks(eventID: event.id, date: $0.date, everyoneElse: .present) })
        var request = RegionSummaryFixture.year2019()
        request.scope = .region("UZ-TO")
        request.grouping = .district
        request.includesEvents = true
        let districts = try database.regionSummary(request)

        let folder = try PDFTools.temporaryFolder("ReportsTests")
        defer { PDFTools.cleanUp(folder) }
        for language in [DocumentLanguage.english, .uzbekCyrillic] {
            let pdf = folder.appendingPathComponent("tashkent-\(language.rawValue).pdf")
            try RegionSummaryPDF(summary: districts, language: language).write(to: pdf, fonts: FontLibrary())
            let pages = try #require(Int(try PDFTools.info(of: pdf)["Pages"] ?? ""))
            for page in 1...pages {
                let ink = try #require(try PDFTools.raster(of: pdf, page: page).ink(darkerThan: 160))
                #expect(ink.x >= 38 && ink.maxX <= 595.28 - 38, "page \(page) of \(language.rawValue): \(ink)")
            }
            let text = try PDFTools.layoutLines(of: pdf).joined(separator: " ")
            #expect(text.contains(language == .english ? "Zangiota District" : "Зангиота тумани"))
        }
        let english = try PDFTools.layoutLines(of: folder.appendingPathComponent("tashkent-en.pdf")).joined(separator: " ")
            .split(separator: " ").joined(separator: " ")
        #expect(english.contains("round of consultations with the district hokimiyat"), "the long title wraps whole")
    }

    @Test func theTerminalTableShowsTheMainNumbersAndTheSplits() throws {
        let text = RegionSummaryTable.text(summary, language: .english)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Region summary — Uzbekistan and Kyrgyzstan — 2019")
        let khorezm: String? = lines.first { $0.hasPrefix("Khorezm Region") }
        #expect(khorezm?.split(separator: " ").suffix(8).joined(separator: " ") == "5 11 35 8 5 4 2 75.0%")
        #expect(text.contains("Unique participants by category"))
    }
}

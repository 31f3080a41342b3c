import Documents
import Foundation
import TrainingCore

/// Certificate contents for the tests: a name and a course title in each of the five languages.
enum Samples {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let templatesFolder = repositoryRoot.appendingPathComponent("certificate-templates").path
    static let fixturesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("__Fixtures__/templates").path

    /// The shipped templates, shared by the tests.
    static let renderer = CertificateRenderer(templates: CertificateTemplateLibrary(folder: templatesFolder))

    static let names: [DocumentLanguage: String] = [
        .uzbekLatin: "G\u{02BB}ulomjon O\u{02BB}rinboyev",
        .uzbekCyrillic: "Ғуломжон Ўринбоев",
        .kyrgyz: "Айгүл Өмүрбекова",
        .russian: "Наталья Петренко",
        .english: "Jennifer O’Connor",
    ]

    static let courseTitles: [DocumentLanguage: String] = [
        .uzbekLatin: "Ijobiy ota-onalik ko\u{02BB}nikmalari",
        .uzbekCyrillic: "Ижобий ота-оналик кўникмалари",
        .kyrgyz: "Позитивдүү ата-энелик көндүмдөрү",
        .russian: "Навыки позитивного родительства",
        .english: "Positive parenting skills",
    ]

    static let places: [DocumentLanguage: String] = [
        .uzbekLatin: "Urganch tumani, Xorazm viloyati",
        .uzbekCyrillic: "Урганч тумани, Хоразм вилояти",
        .kyrgyz: "Үргенч району, Хорезм облусу",
        .russian: "Ургенчский район, Хорезмская область",
        .english: "Urganch District, Khorezm Region",
    ]

    static func content(
        name: String? = nil, language: DocumentLanguage = .uzbekLatin, template: String = "participation",
        serial: String = "UZ-2019-000001", issueDate: DayDate = DayDate(year: 2019, month: 4, day: 1)!,
        organiser: String? = "Oila va xotin-qizlar qo\u{02BB}mitasi", courseTitles: [DocumentLanguage: String] = courseTitles,
        replaces: String? = nil
    ) -> CertificateContent {
        let start = DayDate(year: 2019, month: 3, day: 25)!
        let end = DayDate(year: 2019, month: 3, day: 28)!
        func all(_ make: (DocumentLanguage) -> String) -> [DocumentLanguage: String] {
            Dictionary(uniqueKeysWithValues: DocumentLanguage.allCases.map { ($0, make($0)) })
        }
        return CertificateContent(
            serial: serial, language: language, template: template, participantName: name ?? names[language]!,
            courseTitle: courseTitles, eventTitle: courseTitles,
            dates: all { DateWording.span(from: start, to: end, in: $0) }, place: places,
            hours: all { DateWording.hours(12, in: $0) }, organiser: organiser, trainers: ["Dilnoza Yusupova"],
            issueDate: issueDate, issueDateText: all { DateWording.day(issueDate, in: $0) },
            verificationURL: "https://example.org/verify/" + serial, replacesSerial: replaces)
    }

    /// Writes a certificate's own PDF into `folder` and returns its file.
    static func write(_ content: CertificateContent, to folder: URL, renderer: CertificateRenderer = renderer) throws -> URL {
        let url = folder.appendingPathComponent(CertificateFileName.make(serial: content.serial, name: content.participantName))
        try renderer.pdf(of: content).write(to: url)
        return url
    }
}

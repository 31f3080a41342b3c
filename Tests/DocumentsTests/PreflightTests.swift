import Documents
import Foundation
import PDFTestSupport
import Testing
import TrainingCore

/// The check that runs before anything is issued: every string of every certificate against the fonts and its box.
@Suite struct PreflightTests {
    let renderer = Samples.renderer

    @Test func printableCertificatesPass() {
        let certificates = DocumentLanguage.allCases.flatMap { language in
            ["participation", "parenting"].map { (Samples.content(language: language, template: $0), "\(language)") }
        }
        let report = renderer.preflight(certificates)
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.failing.isEmpty)
    }

    @Test func aCharacterNoFontHasIsNamedWithItsCodePointAndWhereItCameFrom() {
        // Given a name with a private-use character that no font has, among good ones
        let unprintable = "Ali \u{10FFFD}ev"
        let report = renderer.preflight([
            (Samples.content(), "Gʻulomjon (1)"),
            (Samples.content(name: unprintable), "Ali (2)"),
            (Samples.content(language: .russian), "Наталья (3)"),
        ])

        // Then only that certificate fails, and the problem names the character, the value and the holder
        #expect(report.failing == [1])
        #expect(report.problems.count == 1)
        let problem = report.problems[0]
        #expect(problem.message.contains("U+10FFFD"), "\(problem.message)")
        #expect(problem.message.contains("The name “\(unprintable)”"), "\(problem.message)")
        #expect(problem.remedy == .correctNameOrInstallFont(characterCount: 1))
        #expect(problem.holders == ["Ali (2)"])
    }

    @Test(.enabled(if: !PDFTools.someFontHas("\u{738B}")))
    func aCJKNameIsRefusedWhenNoCJKFontIsInstalled() {
        let report = renderer.preflight([(Samples.content(name: "王芳"), "Wang Fang (7)")])
        #expect(report.failing == [0])
        #expect(report.problems.first?.message.contains("U+738B 王") == true, "\(report.problems)")
        #expect(report.problems.first?.message.contains("U+82B3 芳") == true, "\(report.problems)")
    }

    @Test func aProblemSharedByManyCertificatesIsListedOnceWithEveryone() {
        // Given a course title with an unprintable character, on three certificates
        var titles = Samples.courseTitles
        titles[.uzbekLatin] = "Ota-onalik \u{10FFFE}"
        let certificates = (1...3).map { (Samples.content(serial: "UZ-2019-00000\($0)", courseTitles: titles), "Person \($0)") }

        // Then the problem is listed once, naming the course title and the three holders
        let report = renderer.preflight(certificates)
        #expect(report.failing == [0, 1, 2])
        #expect(report.problems.count == 1, "\(report.problems)")
        #expect(report.problems[0].message.hasPrefix("The course title “Ota-onalik \u{10FFFE}” has U+10FFFE"), "\(report.problems)")
        #expect(report.problems[0].holders == ["Person 1", "Person 2", "Person 3"])
    }

    @Test func everyProblemOfACertificateIsListed() {
        let report = renderer.preflight([(Samples.content(name: "\u{10FFFD}", organiser: "Org \u{10FFFC}"), "Both (9)")])
        #expect(report.problems.count == 2, "\(report.problems)")
        #expect(report.problems.contains { $0.message.contains("U+10FFFD") && $0.message.contains("The name") })
        #expect(report.problems.contains { $0.message.contains("U+10FFFC") && $0.message.contains("The organiser") })
    }

    @Test func controlCharactersAreRefusedRatherThanPrintedAsBoxes() {
        let report = renderer.preflight([(Samples.content(name: "Ali\u{7}\u{202E}veyev"), "Ali (8)")])
        #expect(report.failing == [0])
        #expect(report.problems.count == 1, "\(report.problems)")
        #expect(report.problems.first?.message == "The name “Ali\u{FFFD}\u{FFFD}veyev” contains the control characters U+0007, U+202E, which cannot be printed;")
        #expect(report.problems.first?.remedy == .correctName)
    }

    @Test func aNameTooLongForItsLineIsRefusedWithTheField() {
        let long = String(repeating: "Abdurahmonov ", count: 20).trimmingCharacters(in: .whitespaces)
        let report = renderer.preflight([(Samples.content(name: long), "Long (4)")])
        #expect(report.failing == [0])
        #expect(report.problems.first?.message.contains("does not fit its box") == true, "\(report.problems)")
        #expect(report.problems.first?.message.contains("field blocks[5].text") == true, "\(report.problems)")
        #expect(report.problems.first?.message.contains("in 1 line, even at 14 pt") == true, "\(report.problems)")
    }

    @Test func aLanguageTheTemplateDoesNotPrintIsAProblem() {
        let report = renderer.preflight([(Samples.content(language: .russian, template: "participation-uz-en"), "Elena (5)")])
        #expect(report.problems.first?.message.contains("prints uz-Latn, uz-Cyrl, not ru") == true, "\(report.problems)")
    }

    @Test func anUnknownTemplateIsAProblemForItsCertificates() {
        let report = renderer.preflight([(Samples.content(template: "diploma"), "Someone (6)")])
        #expect(report.problems.first?.message.contains("There is no certificate template “diploma”") == true, "\(report.problems)")
        #expect(report.problems.first?.message.contains("participation, participation-uz-en") == true, "\(report.problems)")
    }
}

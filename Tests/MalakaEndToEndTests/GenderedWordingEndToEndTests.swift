import Foundation
import PDFTestSupport
import Testing

/// Russian certificates agree with the recorded sex (issue 13).
@Suite struct GenderedWordingEndToEndTests {
    @Test func aRussianCertificateUsesTheRecordedSexAndTheNeutralFormWhenUnknown() throws {
        let programme = try TemporaryProgramme()
        let event = try programme.parentingEvent()
        let woman = try programme.addParticipant("Наталья Петренко", ["--sex", "female", "--language", "ru"])
        let man = try programme.addParticipant("Рустам Юсупов", ["--sex", "male", "--language", "ru"])
        let unknown = try programme.addParticipant("Саша Ким", ["--language", "ru"])
        try programme.enroll(event, [woman, man, unknown])
        for day in 25...28 {
            try programme.succeed(["attendance", "mark", String(event), "--date", "\(day).03.2019", "--all-present"])
        }

        let issued = try programme.json([IssuedJSON].self, [
            "certificates", "issue", String(event), "--templates", CertificatesEndToEndTests.templates, "--issue-date", "01.04.2019",
            "--out", "certificates", "--json",
        ])
        func text(of person: Int64) throws -> String {
            let file = try #require(issued.first { $0.participant == person }?.file)
            return try PDFTools.textLines(of: URL(fileURLWithPath: file, relativeTo: programme.directory)).joined(separator: " ")
        }
        #expect(try text(of: woman).contains("успешно завершила тренинг"))
        #expect(try text(of: man).contains("успешно завершил тренинг"))
        #expect(try text(of: unknown).contains("успешно завершил(а) тренинг"))
    }
}

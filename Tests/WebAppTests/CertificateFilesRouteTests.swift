import Foundation
import Hummingbird
import HummingbirdTesting
import PDFTestSupport
import Testing
import TrainingCore
import ZIPFoundation
@testable import WebApp

@Suite("Coordinator pages: one PDF per person in a ZIP, correcting a name and issuing again")
struct CertificateFilesRouteTests {
    /// Everyone present at every session: all eight complete.
    private func markCourse(_ fixture: WebFixture) throws {
        for session in fixture.xorazm.sessions {
            try fixture.database.markAttendance(AttendanceMarks(eventID: fixture.xorazm.id, date: session.date, everyoneElse: .present,
                                                                 marks: [:]))
        }
    }

    @Test func theZIPHoldsOnePDFPerPersonNamedAfterThem() async throws {
        let fixture = try await WebFixture()
        try markCourse(fixture)
        let browser = try fixture.signIn("coordinator")
        let event = fixture.xorazm.id
        let zipped = try await fixture.test { client -> Data in
            let none = try await client.execute(uri: "/events/\(event)/certificates.zip", method: .get, headers: browser.headers)
            #expect(none.status == .notFound)
            let issued = try await client.execute(uri: "/events/\(event)/certificates", method: .post, headers: browser.formHeaders,
                                                  body: browser.form([]))
            #expect(issued.text.contains("/events/\(event)/certificates.zip"))
            let response = try await client.execute(uri: "/events/\(event)/certificates.zip", method: .get, headers: browser.headers)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/zip")
            #expect(response.headers[.cacheControl] == "no-store")
            return Data(buffer: response.body)
        }
        let archive = try Archive(data: zipped, accessMode: .read)
        let names = archive.map(\.path).sorted()
        let serials = try fixture.database.certificates(eventID: event).map(\.serial)
        #expect(names.count == 8)
        #expect(names.allSatisfy { $0.hasSuffix(".pdf") && !$0.contains("/") })
        #expect(serials.allSatisfy { serial in names.contains { $0.hasPrefix(serial + "_") } })
        let aziza = try #require(archive.first { $0.path.hasSuffix("_Aziza_Karimova.pdf") })
        var pdf = Data()
        _ = try archive.extract(aziza) { pdf.append($0) }
        let file = fixture.folder.appendingPathComponent("aziza.pdf")
        try pdf.write(to: file)
        let text = try PDFTools.textLines(of: file).joined(separator: "\n")
        #expect(text.contains("Aziza Karimova"))
        #expect(!text.contains("Bekzod"))
    }

    @Test func correctingANameIssuesTheCertificateAgainUnderANewSerial() async throws {
        let fixture = try await WebFixture()
        try markCourse(fixture)
        let browser = try fixture.signIn("coordinator")
        let event = fixture.xorazm.id
        let bundle = fixture.folder.appendingPathComponent("bundle.pdf")
        try await fixture.test { client in
            _ = try await client.execute(uri: "/events/\(event)/certificates", method: .post, headers: browser.formHeaders, body: browser.form([]))
            let old = try #require(try fixture.database.certificates(eventID: event).first { $0.participantId == fixture.people[0].id })
            let empty = try await client.execute(uri: "/events/\(event)/correct", method: .post, headers: browser.formHeaders,
                                                 body: browser.form([("serial", old.serial), ("fullName", " ")]))
            #expect(empty.status == .badRequest)
            #expect(empty.text.contains("\(old.serial): Corrected name: This is required."))
            let corrected = try await client.execute(uri: "/events/\(event)/correct", method: .post, headers: browser.formHeaders,
                                                     body: browser.form([("serial", old.serial), ("fullName", "Aziza Karimova-Saidova")]))
            #expect(corrected.status == .ok)
            let new = try #require(try fixture.database.certificates(eventID: event).first {
                $0.participantId == fixture.people[0].id && $0.status == .valid
            })
            #expect(new.serial != old.serial)
            #expect(corrected.text.contains("The name is now Aziza Karimova-Saidova; certificate \(new.serial) was issued in place of \(old.serial), which is superseded."))
            #expect(try fixture.database.certificate(serial: old.serial).status == .superseded)
            let downloaded = try await client.execute(uri: "/events/\(event)/certificates.pdf", method: .get, headers: browser.headers)
            try Data(buffer: downloaded.body).write(to: bundle)
        }
        #expect(try fixture.database.participant(id: fixture.people[0].id!).fullName == "Aziza Karimova-Saidova")
        // The bundle was made again: it holds the new certificate and still everyone else's.
        let text = try PDFTools.textLines(of: bundle).joined(separator: "\n")
        #expect(text.contains("Aziza Karimova-Saidova"))
        #expect(text.contains("Feruza Saidova"))
    }

    @Test func anotherRegionAndATrainerCannotCorrectOrDownload() async throws {
        let fixture = try await WebFixture()
        try markCourse(fixture)
        let ours = try fixture.signIn("coordinator")
        let theirs = try fixture.signIn("samarqand")
        let trainer = try fixture.signIn("trainer")
        let event = fixture.xorazm.id
        try await fixture.test { client in
            _ = try await client.execute(uri: "/events/\(event)/certificates", method: .post, headers: ours.formHeaders, body: ours.form([]))
            let serial = try #require(try fixture.database.certificates(eventID: event).first?.serial)
            let zip = try await client.execute(uri: "/events/\(event)/certificates.zip", method: .get, headers: theirs.headers)
            #expect(zip.status == .notFound)
            let trainersZip = try await client.execute(uri: "/events/\(event)/certificates.zip", method: .get, headers: trainer.headers)
            #expect(trainersZip.status == .forbidden)
            let correct = try await client.execute(uri: "/events/\(event)/correct", method: .post, headers: theirs.formHeaders,
                                                   body: theirs.form([("serial", serial), ("fullName", "Someone Else")]))
            #expect(correct.status == .notFound)
            let crossed = try await client.execute(uri: "/events/\(fixture.samarqand.id)/correct", method: .post, headers: theirs.formHeaders,
                                                   body: theirs.form([("serial", serial), ("fullName", "Someone Else")]))
            #expect(crossed.status == .notFound)
            let trainers = try await client.execute(uri: "/events/\(event)/correct", method: .post, headers: trainer.formHeaders,
                                                    body: trainer.form([("serial", serial), ("fullName", "Someone Else")]))
            #expect(trainers.status == .forbidden)
        }
        #expect(try fixture.database.certificates(eventID: event).allSatisfy { $0.status == .valid })
        #expect(try fixture.database.searchParticipants("Someone Else").isEmpty)
    }
}

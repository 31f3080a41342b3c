import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing
import TrainingCore
@testable import WebApp

@Suite("Coordinator pages: the duplicate queue with merge, the sync conflict queue")
struct QueueRouteTests {
    /// Aziza Karimova registered again in Cyrillic in Xorazm, and Sitora Samarqandiy again in Samarqand.
    private func addDuplicates(_ fixture: WebFixture) throws -> (xorazm: Participant, samarqand: Participant) {
        let xorazm = try fixture.database.addParticipant(ParticipantDraft(fullName: "Азиза Каримова", category: .parent, region: "UZ-XO"))
        let samarqand = try fixture.database.addParticipant(ParticipantDraft(fullName: "Ситора Самарқандий", category: .parent, region: "UZ-SA"))
        return (xorazm, samarqand)
    }

    @Test func aCoordinatorSeesTheRegionsPairsAndMergesOne() async throws {
        let fixture = try await WebFixture()
        let (again, elsewhere) = try addDuplicates(fixture)
        let browser = try fixture.signIn("coordinator")
        let kept = fixture.people[0].id!
        try await fixture.test { client in
            let page = try await client.execute(uri: "/duplicates", method: .get, headers: browser.headers)
            #expect(page.status == .ok)
            #expect(page.text.contains("Азиза Каримова"))
            #expect(page.text.contains("Aziza Karimova"))
            #expect(!page.text.contains("Ситора"))
            #expect(!page.text.contains("Sitora"))
            let same = try await client.execute(uri: "/duplicates/merge", method: .post, headers: browser.formHeaders,
                                                body: browser.form([("keep", "\(kept)"), ("other", "\(kept)")]))
            #expect(same.status == .badRequest)
            #expect(same.text.contains("id=\"merge-error\""))
            let merged = try await client.execute(uri: "/duplicates/merge", method: .post, headers: browser.formHeaders,
                                                  body: browser.form([("keep", "\(kept)"), ("other", "\(again.id!)")]))
            #expect(merged.status == .ok)
            #expect(merged.text.contains("Азиза Каримова was merged into Aziza Karimova"))
            #expect(!merged.text.contains("Keep Азиза Каримова"))
            // Another region's pair is not ours to merge.
            let foreign = try await client.execute(uri: "/duplicates/merge", method: .post, headers: browser.formHeaders,
                                                   body: browser.form([("keep", "\(fixture.stranger.id!)"), ("other", "\(elsewhere.id!)")]))
            #expect(foreign.status == .notFound)
        }
        #expect((try? fixture.database.participant(id: again.id!)) == nil)
        #expect((try? fixture.database.participant(id: elsewhere.id!)) != nil)
    }

    @Test func aRefusedMergeSaysWhyInTheReadersLanguage() async throws {
        let fixture = try await WebFixture()
        let (first, second) = (fixture.people[0], fixture.people[1])
        let session = fixture.xorazm.sessions[0]
        try fixture.database.markAttendance(AttendanceMarks(eventID: fixture.xorazm.id, date: session.date, startTime: session.startTime,
                                                            marks: [first.id!: .present, second.id!: .absent]))
        #expect(try fixture.database.mergeObstacles(keep: first.id!, other: second.id!)
            == [.marksDiffer(event: fixture.xorazm.id, date: session.date, startTime: session.startTime, first: .present, second: .absent)])
        try fixture.database.setAccountLanguage(id: try fixture.database.account(named: "coordinator")!.id!, language: .russian)
        let browser = try fixture.signIn("coordinator")
        try await fixture.test { client in
            let refused = try await client.execute(uri: "/duplicates/merge", method: .post, headers: browser.formHeaders,
                                                   body: browser.form([("keep", "\(first.id!)"), ("other", "\(second.id!)")]))
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("\(first.fullName) и \(second.fullName) не могут быть одним человеком: в мероприятии \(fixture.xorazm.id)"))
            #expect(refused.text.contains("Ничего не изменено."))
            #expect(!refused.text.contains("cannot be one person"))
        }
        #expect(try fixture.database.participant(id: second.id!).fullName == second.fullName)
    }

    @Test func theDuplicateQueueIsACoordinatorsAndInTheirRegion() async throws {
        let fixture = try await WebFixture()
        _ = try addDuplicates(fixture)
        let theirs = try fixture.signIn("samarqand")
        let trainer = try fixture.signIn("trainer")
        let manager = try fixture.signIn("manager")
        try await fixture.test { client in
            let page = try await client.execute(uri: "/duplicates", method: .get, headers: theirs.headers)
            #expect(page.text.contains("Ситора Самарқандий"))
            #expect(!page.text.contains("Азиза"))
            let merge = try await client.execute(uri: "/duplicates/merge", method: .post, headers: theirs.formHeaders,
                                                 body: theirs.form([("keep", "\(fixture.people[0].id!)"), ("other", "\(fixture.people[1].id!)")]))
            #expect(merge.status == .notFound)
            for browser in [trainer, manager] {
                let refused = try await client.execute(uri: "/duplicates", method: .get, headers: browser.headers)
                #expect(refused.status == .forbidden)
                let conflicts = try await client.execute(uri: "/conflicts", method: .get, headers: browser.headers)
                #expect(conflicts.status == .forbidden)
            }
        }
        #expect(try fixture.database.participant(id: fixture.people[1].id!).fullName == "Bekzod Toʻxtayev")
    }

    /// A conflict as the sync engine queues it: Aziza's name changed here and at another site at once.
    private func queueConflict(_ fixture: WebFixture, about person: Participant) throws -> Int64 {
        try fixture.sql { db in
            try db.execute(sql: """
                INSERT INTO syncConflict (tableName, rowUuid, fields, localValues, localHlc, incomingValues, incomingHlc, incomingSite, recordedAt)
                VALUES ('participant', (SELECT uuid FROM participant WHERE id = ?), 'fullName', ?, '0001', ?, '0002', 'UZ-XO-KHIVA', ?)
                """, arguments: [person.id!, "{\"fullName\":\"\(person.fullName)\"}", "{\"fullName\":\"Aziza Qarimova\"}", Date()])
            return db.lastInsertedRowID
        }
    }

    @Test func aConflictIsResolvedByKeepingOneVersion() async throws {
        let fixture = try await WebFixture()
        let id = try queueConflict(fixture, about: fixture.people[0])
        let browser = try fixture.signIn("coordinator")
        let theirs = try fixture.signIn("samarqand")
        try await fixture.test { client in
            let page = try await client.execute(uri: "/conflicts", method: .get, headers: browser.headers)
            #expect(page.status == .ok)
            #expect(page.text.contains("Conflict \(id): Aziza Karimova"))
            #expect(page.text.contains("<td>fullName</td><td>Aziza Karimova</td><td>Aziza Qarimova</td>"))
            let other = try await client.execute(uri: "/conflicts", method: .get, headers: theirs.headers)
            #expect(other.text.contains("No conflicts wait for a person."))
            let foreign = try await client.execute(uri: "/conflicts/\(id)", method: .post, headers: theirs.formHeaders,
                                                   body: theirs.form([("keep", "incoming")]))
            #expect(foreign.status == .notFound)
            let noChoice = try await client.execute(uri: "/conflicts/\(id)", method: .post, headers: browser.formHeaders,
                                                    body: browser.form([("keep", "neither")]))
            #expect(noChoice.status == .badRequest)
            let resolved = try await client.execute(uri: "/conflicts/\(id)", method: .post, headers: browser.formHeaders,
                                                    body: browser.form([("keep", "incoming")]))
            #expect(resolved.status == .ok)
            #expect(resolved.text.contains("Conflict \(id) resolved: the UZ-XO-KHIVA (incoming) version is kept."))
            #expect(resolved.text.contains("No conflicts wait for a person."))
            let twice = try await client.execute(uri: "/conflicts/\(id)", method: .post, headers: browser.formHeaders,
                                                 body: browser.form([("keep", "local")]))
            #expect(twice.status == .badRequest)
            #expect(twice.text.contains("Conflict \(id) was already resolved; nothing was changed."))
        }
        // The core's refusal in the reader's language, not the core's English sentence.
        try fixture.database.setAccountLanguage(id: try fixture.database.account(named: "coordinator")!.id!, language: .russian)
        try await fixture.test { client in
            let again = try await client.execute(uri: "/conflicts/\(id)", method: .post, headers: browser.formHeaders,
                                                 body: browser.form([("keep", "local")]))
            #expect(again.status == .badRequest)
            #expect(again.text.contains("Конфликт \(id) уже решён; ничего не изменено."))
        }
        #expect(try fixture.database.participant(id: fixture.people[0].id!).fullName == "Aziza Qarimova")
    }
}

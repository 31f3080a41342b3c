import Foundation
import Testing

/// Sites of one programme exchanging bundle files through the binary: what one site does arrives at
/// another, importing twice changes nothing, identity edits made at two sites at once wait for a person,
/// and an altered bundle, one of a newer Malaka or one of another programme is refused, nothing changed.
@Suite struct SyncEndToEndTests {
    /// The programme's desk and its sites, each with its own database, every site key certified and trusted.
    final class Network {
        let desk: TemporaryProgramme
        private(set) var sites: [String: TemporaryProgramme] = [:]

        init(_ codes: [String], programme: String = "Parenting Khorezm 2026") throws {
            desk = try TemporaryProgramme()
            try desk.succeed(["keys", "generate", "--out", desk.path("programme.key")])
            for code in codes {
                // Each site loads the catalogue itself, as a real one does (a copied database's log would share
                // its entries' identifiers with the copy it came from).
                let site = try TemporaryProgramme(.emptyDatabase)
                try site.succeed(["site", "join", code, "--programme", programme])
                try site.succeed(["course", "sync", "--dir", TemporaryProgramme.coursesDirectory.path])
                try site.succeed(["keys", "generate-site", code, "--out", site.path("site.key")])
                try desk.succeed(["keys", "certify-site", code, "--key", site.path("site.key.pem")])
                sites[code] = site
            }
            try desk.succeed(["keys", "export-public", "--out", "programme-keys.json"])
            for site in sites.values {
                try site.succeed(["keys", "trust", desk.path("programme-keys.json")])
            }
        }

        subscript(code: String) -> TemporaryProgramme { sites[code]! }

        /// Writes a bundle at `from` for `to`, named `name` in `from`'s folder, and returns its path.
        @discardableResult
        func bundle(from: String, to: String, name: String? = nil) throws -> String {
            let path = self[from].path(name ?? "\(from)-for-\(to)-\(UUID().uuidString.prefix(8)).bundle")
            try self[from].succeed(["sync", "export", "--for", to, "--out", path])
            return path
        }

        /// Sends `from`'s bundle to `to` and imports it there.
        @discardableResult
        func deliver(from: String, to: String) throws -> MalakaResult {
            try self[to].succeed(["sync", "import", try bundle(from: from, to: to)])
        }
    }

    @Test func whatOneSiteDoesArrivesAtAnotherAndASecondImportChangesNothing() throws {
        // Given Urgench registers two people for a training and marks the first day
        let network = try Network(["XO-URG1", "SA-SAM1"])
        let urgench = network["XO-URG1"], samarkand = network["SA-SAM1"]
        let event = try urgench.parentingEvent()
        let people = try urgench.addParticipants(["Gulnora Karimova", "Lola Ismoilova"])
        try urgench.enroll(event, people)
        try urgench.succeed(["attendance", "mark", String(event), "--date", "25.03.2019", "--all-present"])

        // When Samarkand imports Urgench's bundle
        let bundle = try network.bundle(from: "XO-URG1", to: "SA-SAM1")
        let imported = try samarkand.succeed(["sync", "import", bundle])

        // Then each operation is reported, and Samarkand holds the people, the event and the marks
        #expect(imported.stdout.hasPrefix("Imported \(bundle) from XO-URG1: "), "\(imported)")
        #expect(imported.stdout.contains("markAttendance") && imported.stdout.contains("applied"), "\(imported)")
        #expect(imported.stdout.contains(" 0 held back"), "\(imported)")
        let names = try samarkand.json([ParticipantJSON].self, ["participant", "list"]).map(\.fullName).sorted()
        #expect(names == ["Gulnora Karimova", "Lola Ismoilova"])
        let sheet = try samarkand.succeed(["attendance", "show", "1"])
        #expect(sheet.stdout.contains("Gulnora Karimova"), "\(sheet)")

        // When the same bundle is imported again, nothing changes, and it says so
        let before = try samarkand.fingerprint()
        let again = try samarkand.succeed(["sync", "import", bundle])
        #expect(again.stdout.contains(": 0 applied,"), "\(again)")
        #expect(try samarkand.fingerprint().changes(since: before) == nil)

        // And a bundle back to Urgench does not carry Urgench's own changes again: Samarkand knows it holds them
        let back = try network.deliver(from: "SA-SAM1", to: "XO-URG1")
        #expect(back.stdout.contains(" 0 already there,") && back.stdout.contains(" 0 held back"), "\(back)")
        #expect(!back.stdout.contains("addPerson"), "\(back)")
    }

    @Test func anAlteredBundleOneOfANewerMalakaOrOfAnotherProgrammeIsRefusedAndNothingChanges() throws {
        let network = try Network(["XO-URG1", "SA-SAM1"])
        let samarkand = network["SA-SAM1"]
        _ = try network["XO-URG1"].addParticipants(["Gulnora Karimova"])
        let bundle = try network.bundle(from: "XO-URG1", to: "SA-SAM1")
        let original = try Data(contentsOf: URL(fileURLWithPath: bundle))

        // One byte changed in the body
        var altered = original
        let position = try #require(altered.range(of: Data("Gulnora".utf8))).lowerBound
        altered[position] = UInt8(ascii: "X")
        try altered.write(to: URL(fileURLWithPath: samarkand.path("altered.bundle")))
        try samarkand.expectRefused(["sync", "import", samarkand.path("altered.bundle")], status: 65, mentioning: ["altered"])

        // A newer format
        let newer = Data(String(decoding: original, as: UTF8.self).replacingOccurrences(of: "MALAKA-BUNDLE 2 ", with: "MALAKA-BUNDLE 3 ").utf8)
        try newer.write(to: URL(fileURLWithPath: samarkand.path("newer.bundle")))
        try samarkand.expectRefused(["sync", "import", samarkand.path("newer.bundle")], status: 65, mentioning: ["newer Malaka"])

        // Not a bundle at all
        try Data("hello\n".utf8).write(to: URL(fileURLWithPath: samarkand.path("hello.bundle")))
        try samarkand.expectRefused(["sync", "import", samarkand.path("hello.bundle")], status: 65, mentioning: ["not a Malaka exchange bundle"])

        // A site of another programme, which knows Samarkand's public key
        let other = try Network(["TK-TSH1"], programme: "Another programme")
        try other["TK-TSH1"].succeed(["site", "add", "SA-SAM1", "--key", samarkand.path("site.key.pem")])
        _ = try other["TK-TSH1"].addParticipants(["Lola Ismoilova"])
        let foreign = try other.bundle(from: "TK-TSH1", to: "SA-SAM1")
        try samarkand.expectRefused(["sync", "import", foreign], status: 65, mentioning: ["Another programme"])

        // A site that says it is of this programme but whose key the programme never certified
        let impostor = try Network(["TK-TSH1"], programme: "Parenting Khorezm 2026")
        try impostor["TK-TSH1"].succeed(["site", "add", "SA-SAM1", "--key", samarkand.path("site.key.pem")])
        let unknown = try impostor.bundle(from: "TK-TSH1", to: "SA-SAM1")
        try samarkand.expectRefused(["sync", "import", unknown], status: 65, mentioning: ["TK-TSH1"])

        // While the genuine bundle still imports
        try samarkand.succeed(["sync", "import", bundle])
    }

    @Test func anIdentityEditedAtTwoSitesAtOnceWaitsForAPersonAndTheChoiceTravels() throws {
        // Given a person known at both sites
        let network = try Network(["XO-URG1", "SA-SAM1"])
        let urgench = network["XO-URG1"], samarkand = network["SA-SAM1"]
        let person = try urgench.addParticipant("Gulnora Karimova", ["--birth-year", "1984"])
        try network.deliver(from: "XO-URG1", to: "SA-SAM1")
        let there = try #require(try samarkand.json([ParticipantJSON].self, ["participant", "list"]).first)

        // When each site corrects her birth year differently while offline, then they exchange
        try urgench.succeed(["participant", "edit", String(person), "--birth-year", "1985"])
        try samarkand.succeed(["participant", "edit", String(there.id), "--birth-year", "1986"])
        let atSamarkand = try network.deliver(from: "XO-URG1", to: "SA-SAM1")
        let atUrgench = try network.deliver(from: "SA-SAM1", to: "XO-URG1")

        // Then Samarkand, which had its own edit when Urgench's arrived, lists the conflict for review, and both
        // show the same version: the later one
        #expect(atSamarkand.stdout.contains(" 1 in conflict"), "\(atSamarkand)")
        #expect(atSamarkand.stdout.contains("birthYear changed here and at XO-URG1 at the same time"), "\(atSamarkand)")
        #expect(atUrgench.stdout.contains(" 0 held back"), "\(atUrgench)")
        let shownHere = try urgench.json(ParticipantJSON.self, ["participant", "show", String(person)]).birthYear
        let shownThere = try samarkand.json(ParticipantJSON.self, ["participant", "show", String(there.id)]).birthYear
        #expect(shownHere == shownThere && shownHere == 1986)
        let listed = try samarkand.succeed(["conflicts", "list"])
        #expect(listed.stdout.contains("Conflict 1: participant \(there.id), birthYear changed here and at XO-URG1"), "\(listed)")
        #expect(listed.stdout.contains("1985") && listed.stdout.contains("1986"), "\(listed)")

        // When Samarkand keeps Urgench's version, the choice travels as a correction
        try samarkand.succeed(["conflicts", "resolve", "1", "--keep", "incoming"])
        #expect(try samarkand.json(ParticipantJSON.self, ["participant", "show", String(there.id)]).birthYear == 1985)
        #expect(try samarkand.succeed(["conflicts", "list"]).stdout.contains("No conflicts wait"))
        try samarkand.expectRefused(["conflicts", "resolve", "1", "--keep", "local"], status: 65, mentioning: ["already resolved"])
        try network.deliver(from: "SA-SAM1", to: "XO-URG1")
        #expect(try urgench.json(ParticipantJSON.self, ["participant", "show", String(person)]).birthYear == 1985)
    }
}

import Foundation
import Testing

/// `participant add` refuses a likely duplicate, as import does (issue 13).
@Suite struct LikelyDuplicateEndToEndTests {
    @Test func addingTheSamePersonTwiceIsRefusedNamingTheFirst() throws {
        let programme = try TemporaryProgramme()
        let first = try programme.addParticipant("Malika Yusupova", ["--birth-year", "1990"])

        // The same name again, in another word order or script, adds nobody
        for name in ["Malika Yusupova", "Yusupova Malika", "Малика Юсупова"] {
            try programme.expectRefused(["participant", "add", "--name", name], status: 65,
                                        mentioning: ["probably someone registered", "participant \(first) Malika Yusupova", "--new", "--use-existing"])
        }

        // --use-existing takes the registered person; --new adds another
        let existing = try programme.succeed(["participant", "add", "--name", "Yusupova Malika", "--use-existing"]).stdout
        #expect(existing.contains("Participant \(first), Malika Yusupova, is registered already; nobody was added."), "\(existing)")
        let second = try programme.addParticipant("Malika Yusupova", ["--new"])
        #expect(second != first)
        #expect(try programme.json([ParticipantJSON].self, ["participant", "list"]).count == 2)

        // With two of them, --use-existing cannot choose
        try programme.expectRefused(["participant", "add", "--name", "Malika Yusupova", "--use-existing"], status: 65,
                                    mentioning: ["participant \(first)", "participant \(second)"])
    }

    @Test func aDifferentBirthYearOrSexIsAnotherPerson() throws {
        let programme = try TemporaryProgramme()
        try programme.addParticipant("Malika Yusupova", ["--birth-year", "1990"])
        try programme.addParticipant("Malika Yusupova", ["--birth-year", "1971"])
        try programme.addParticipant("Rustam Yusupov")
        #expect(try programme.json([ParticipantJSON].self, ["participant", "list"]).count == 3)
    }
}

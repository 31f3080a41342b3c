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

    /// An initial stands for a word, but two different initials are two people (issue 13): the same name with
    /// another middle initial is added without a word, and `participant duplicates` pairs only the true twins.
    @Test func twoDifferentInitialsAreTwoPeople() throws {
        let programme = try TemporaryProgramme()
        let first = try programme.addParticipant("Karimova A. Gulnora", ["--birth-year", "1987"])
        let other = try programme.addParticipant("Karimova B. Gulnora", ["--birth-year", "1987"])
        try programme.expectRefused(["participant", "add", "--name", "Karimova Gulnora", "--birth-year", "1987"], status: 65,
                                    mentioning: ["probably someone registered", "participant \(first)"])
        let same = try programme.addParticipant("Karimova Gulnora", ["--birth-year", "1987", "--new"])

        let output = try programme.succeed(["participant", "duplicates", "--json"]).stdout
        let pairs = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        let likely = Set(pairs.filter { $0["likely"] as? Bool == true }.map { pair in
            Set([pair["first"], pair["second"]].compactMap { (($0 as? [String: Any])?["id"] as? Int).map(Int64.init) })
        })

        #expect(likely == [[first, same], [other, same]], "\(output)")
    }
}

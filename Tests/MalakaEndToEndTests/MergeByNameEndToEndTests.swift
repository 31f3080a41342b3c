import Foundation
import Testing

/// `participant merge` names its two records as every other command names people (issue 13).
@Suite struct MergeByNameEndToEndTests {
    @Test func twoRecordsAreMergedByNameAndANameThatFitsSeveralIsRefusedListingThem() throws {
        // Given a person registered with her patronymic, again with a typo in Cyrillic, and someone else
        let programme = try TemporaryProgramme()
        let kept = try programme.addParticipant("Karimova Gulnora Rustamovna")
        let typo = try programme.addParticipant("Гулнора Каримва", ["--new"])
        _ = try programme.addParticipant("Malika Yusupova")

        // A name that fits both is refused with both listed; one that fits nobody says so; nothing changes
        try programme.expectRefused(["participant", "merge", "Gulnora", "Каримва"], status: 65, mentioning: [
            "“Gulnora” could be 2 people", "Karimova Gulnora Rustamovna (\(kept))", "Гулнора Каримва (\(typo))", "Give the number",
        ])
        try programme.expectRefused(["participant", "merge", "Rustamovna", "Nobody Atall"], status: 65,
                                    mentioning: ["“Nobody Atall”"])
        try programme.expectRefused(["participant", "merge", "Rustamovna", "Karimova Gulnora"], status: 64,
                                    mentioning: ["two different"])

        // When each is named by what only it has, in either script, they are merged
        let merged = try programme.succeed(["participant", "merge", "Rustamovna", "Каримва"]).stdout
        #expect(merged.contains("Merged participant \(typo) (Гулнора Каримва) into \(kept) (Karimova Gulnora Rustamovna)"), "\(merged)")
        #expect(try programme.json([ParticipantJSON].self, ["participant", "list"]).map(\.id).contains(typo) == false)
    }
}

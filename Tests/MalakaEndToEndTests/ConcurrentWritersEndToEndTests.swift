import Foundation
import Testing

@Suite struct ConcurrentWritersEndToEndTests {
    @Test func twentyProcessesWritingAtOnceAllSucceed() throws {
        // Given one database
        let programme = try TemporaryProgramme()
        let names = ["A", "B"].flatMap { writer in (1...10).map { "Writer \(writer) person \($0)" } }

        // When two writers register ten people each, all twenty processes started at once
        let running = try names.map { name in
            // --new: the test is about concurrent writers, and “Writer A person 2” / “Writer B person 2” differ
            // only by a one-letter word, which the duplicate check reads as an initial.
            try MalakaProcess.launch(["participant", "add", "--name", name, "--new", "--db", programme.databasePath],
                                     in: programme.directory)
        }
        let results = running.map { $0.finish() }

        // Then every one succeeds, and every person is there once
        for result in results {
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr.isEmpty, "\(result)")
        }
        let people = try programme.json([ParticipantJSON].self, ["participant", "list"])
        #expect(people.count == 20)
        #expect(Set(people.map(\.fullName)) == Set(names))
        #expect(Set(people.map(\.id)).count == 20)
    }
}

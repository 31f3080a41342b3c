import ArgumentParser
import Foundation
import TrainingCore

extension ParticipantCommand {
    struct Duplicates: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "duplicates",
            abstract: "List pairs of registered people who may be one person, with a score and the reasons.",
            discussion: """
                Names are compared across scripts (Gulnora Karimova = Гулнора Каримова), spellings, word order \
                and patronymics, and weighed with birth year, sex, phone, region and locality. A score from 0.9 \
                is likely one person; from 0.4, worth a look. Merge a pair with `malaka participant merge KEEP OTHER`.
                Example: malaka participant duplicates --min-score 0.9
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "The lowest score listed, from 0 to 1.") var minScore: Double = 0.4
        @Option(help: "At most this many pairs, most likely first.") var limit: Int?

        func validate() throws {
            if let limit, limit < 1 { throw ValidationError("--limit takes a number from 1.") }
        }

        func run() throws {
            var pairs = try database.openForReading().duplicateParticipants(minimumScore: minScore)
            let total = pairs.count
            let likely = pairs.filter(\.isProbable).count
            if let limit { pairs = Array(pairs.prefix(limit)) }
            if output.json { return try Printer.json(pairs.map(DuplicatePairView.init)) }
            func name(_ person: Participant) -> String {
                person.fullName + (person.alternateName.map { " / \($0)" } ?? "")
            }
            Printer.table(["Score", "Id", "Name", "Id", "Name", "Reasons"], pairs.map { pair in
                [String(format: "%.2f", pair.score), String(pair.first.id!), name(pair.first), String(pair.second.id!),
                 name(pair.second), pair.reasons.joined(separator: "; ")]
            })
            print("\(total) \(total == 1 ? "pair" : "pairs") (\(likely) likely one person)\(pairs.count < total ? ", \(pairs.count) shown" : ""). Merge one with `malaka participant merge KEEP OTHER`.")
        }
    }
}

struct DuplicatePairView: Encodable {
    var score: Double
    var likely: Bool
    var first: ParticipantView
    var second: ParticipantView
    var reasons: [String]

    init(_ pair: DuplicatePair) {
        score = (pair.score * 1000).rounded() / 1000
        likely = pair.isProbable
        first = ParticipantView(pair.first)
        second = ParticipantView(pair.second)
        reasons = pair.reasons
    }
}

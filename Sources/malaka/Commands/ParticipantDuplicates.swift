import ArgumentParser
import Foundation
import TrainingCore

extension ParticipantCommand {
    struct Duplicates: ParsableCommand {
        static let configuration = CommandConfiguration(
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
            var pairs = try database.open().duplicateParticipants(minimumScore: minScore)
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

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge two records of one person into the first.",
            discussion: """
                The other record's participations, attendance marks and certificates move to the kept person in \
                one transaction; details the kept record lacks (the other spelling, phone, birth year…) are taken \
                from the other; the other record is deleted and kept, as it was, in the merge log. \
                The merge is refused, and nothing changes, when the two records were marked differently for one \
                session of an event, were present at two events at the same time, or both hold a valid certificate \
                for one event.
                Example: malaka participant merge 12 57
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The participant number to keep.") var keep: Int64
        @Argument(help: "The participant number to merge into it.") var other: Int64

        func run() throws {
            let merge = try database.open().mergeParticipants(keep: keep, other: other)
            if output.json { return try Printer.json(MergeView(merge)) }
            var text = "Merged participant \(other) (\(merge.merged.fullName)) into \(keep) (\(merge.kept.fullName)): "
            var moved = ["\(merge.movedEnrollments + merge.combinedEnrollments) participation(s)", "\(merge.movedMarks) attendance mark(s)",
                         "\(merge.movedCertificates) certificate(s) moved"]
            if merge.repeatedMarks > 0 { moved.append("\(merge.repeatedMarks) repeated mark(s) dropped") }
            text += moved.joined(separator: ", ") + "."
            if !merge.filledFields.isEmpty { text += " Taken from the other record: \(merge.filledFields.joined(separator: ", "))." }
            if !merge.differingFields.isEmpty {
                text += " Kept this record's \(merge.differingFields.joined(separator: ", ")), which the other gave differently."
            }
            print(text + " The other record is kept as it was in merge \(merge.id).")
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

struct MergeView: Encodable {
    var merge: Int64
    var kept: ParticipantView
    var merged: ParticipantView
    var movedEnrollments: Int
    var combinedEnrollments: Int
    var movedMarks: Int
    var repeatedMarks: Int
    var movedCertificates: Int
    var filledFields: [String]
    var differingFields: [String]

    init(_ merge: ParticipantMerge) {
        self.merge = merge.id
        kept = ParticipantView(merge.kept)
        merged = ParticipantView(merge.merged)
        movedEnrollments = merge.movedEnrollments
        combinedEnrollments = merge.combinedEnrollments
        movedMarks = merge.movedMarks
        repeatedMarks = merge.repeatedMarks
        movedCertificates = merge.movedCertificates
        filledFields = merge.filledFields
        differingFields = merge.differingFields
    }
}

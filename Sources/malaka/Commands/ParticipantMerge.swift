import ArgumentParser
import Foundation
import TrainingCore

extension ParticipantCommand {
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Merge two records of one person into the first.",
            discussion: """
                The other record's participations, attendance marks and certificates move to the kept person in \
                one transaction; details the kept record lacks (the other spelling, phone, birth year…) are taken \
                from the other; the other record is deleted and kept, as it was, in the merge log. \
                The merge is refused, and nothing changes, when the two records were marked differently for one \
                session of an event, were present at two events at the same time, or both hold a valid certificate \
                for one event. \
                Waitlists follow the person: enrolled in an event means off its waitlist, two places on one \
                waitlist become the earlier one, and a place freed by combining two participations goes to the next \
                person waiting.
                Each record is named by its number or by a part of the name, in either script and any word \
                order, as `participant search` finds people; a name that fits several people is refused \
                with all of them listed, so give the numbers then.
                Examples:
                  malaka participant merge 12 57
                  malaka participant merge "Karimova Gulnora Rustamovna" "Каримова Г."
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: ArgumentHelp("The person to keep: a number, or a part of the name.", valueName: "keep")) var keepReference: String
        @Argument(help: ArgumentHelp("The record to merge into it: a number, or a part of the name.", valueName: "other"))
        var otherReference: String

        func run() throws {
            let database = try database.open()
            let keep = try database.participant(matching: keepReference)
            let other = try database.participant(matching: otherReference)
            let merge = try database.mergeParticipants(keep: keep, other: other)
            if output.json { return try Printer.json(MergeView(merge)) }
            var text = "Merged participant \(other) (\(merge.merged.fullName)) into \(keep) (\(merge.kept.fullName)): "
            var moved = ["\(merge.movedEnrollments + merge.combinedEnrollments) participation(s)", "\(merge.movedMarks) attendance mark(s)",
                         "\(merge.movedCertificates) certificate(s) moved"]
            if merge.repeatedMarks > 0 { moved.append("\(merge.repeatedMarks) repeated mark(s) dropped") }
            if merge.waitlistPlacesMoved > 0 { moved.append("\(merge.waitlistPlacesMoved) waitlist place(s) moved") }
            text += moved.joined(separator: ", ") + "."
            if !merge.waitlistPlacesDropped.isEmpty {
                let events = merge.waitlistPlacesDropped.map { "event \($0)" }.joined(separator: ", ")
                text += " Left one place only on the waitlist or roster of \(events)."
            }
            for (event, people) in merge.promoted.sorted(by: { $0.key < $1.key }) {
                text += " Event \(event) had a place free: enrolled \(people.map { "\($0.fullName) (\($0.id!))" }.joined(separator: ", ")) from its waitlist."
            }
            if !merge.filledFields.isEmpty { text += " Taken from the other record: \(merge.filledFields.joined(separator: ", "))." }
            if !merge.differingFields.isEmpty {
                text += " Kept this record's \(merge.differingFields.joined(separator: ", ")), which the other gave differently."
            }
            print(text + " The other record is kept as it was in merge \(merge.id).")
        }
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
    var waitlistPlacesDropped: [Int64]
    var waitlistPlacesMoved: Int
    var promoted: [String: [ParticipantView]]

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
        waitlistPlacesDropped = merge.waitlistPlacesDropped
        waitlistPlacesMoved = merge.waitlistPlacesMoved
        promoted = Dictionary(uniqueKeysWithValues: merge.promoted.map { (String($0.key), $0.value.map(ParticipantView.init)) })
    }
}

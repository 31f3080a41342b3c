import ArgumentParser
import TrainingCore

struct Enroll: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enroll",
        abstract: "Enroll people in an event, all or none; beyond its capacity they go on the waitlist.",
        discussion: """
            People are taken in the order given; once the places are taken the rest wait, \
            first come first served. Someone who would then be in two overlapping sessions \
            is refused, naming the other event, unless --allow-conflict.

            People are named by number, or by a part of their name in either script and any word \
            order; a name that fits several people is refused with all of them listed.

            Examples:
              malaka enroll 1 12 13 14
              malaka enroll 1 "Gulnora Roʻzmetova" 14
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The event number.") var event: Int64
    @Argument(help: "People by number, or by a part of their name in either script.") var participants: [String] = []
    @Flag(help: "Enroll even people booked in another event at the same time; the override is recorded.") var allowConflict = false

    func validate() throws {
        if participants.isEmpty { throw ValidationError("Name at least one participant to enroll, by number or name.") }
    }

    func run() throws {
        let database = try database.open()
        let ids = try participants.map(database.participant(matching:))
        let outcome = try database.enrollOrWaitlist(eventID: event, participantIDs: ids, allowConflict: allowConflict)
        let enrollments = outcome.enrolled
        if output.json {
            return try Printer.json(enrollments.map { ["event": $0.eventId, "participant": $0.participantId] }
                + outcome.waitlisted.map { ["event": event, "participant": $0.participantID, "waitlistPosition": Int64($0.position)] })
        }
        if !enrollments.isEmpty || outcome.waitlisted.isEmpty {
            print("Enrolled \(enrollments.count) \(enrollments.count == 1 ? "person" : "people") in event \(event).")
        }
        if !outcome.waitlisted.isEmpty {
            let names = try outcome.waitlisted.map { entry in
                "\(try database.participant(id: entry.participantID).fullName) (\(entry.participantID)) number \(entry.position)"
            }
            print("Event \(event) is full; put on its waitlist: \(names.joined(separator: ", ")).")
        }
        ScheduleOutput.printAllowed(outcome.allowedConflicts)
    }
}

struct Unenroll: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unenroll",
        abstract: "Take people off an event or its waitlist; the first waitlisted take the places freed.",
        discussion: """
            Examples:
              malaka unenroll 1 14
              malaka unenroll 1 "Гулнора Рўзметова"
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The event number.") var event: Int64
    @Argument(help: "People by number, or by a part of their name in either script.") var participants: [String] = []
    @Flag(help: "Unenroll even people with attendance marks, deleting the marks.") var force = false

    func validate() throws {
        if participants.isEmpty { throw ValidationError("Name at least one participant to unenroll, by number or name.") }
    }

    func run() throws {
        let database = try database.open()
        let ids = try participants.map { try database.participantOnEvent(eventID: event, matching: $0) }
        let outcome = try database.withdraw(eventID: event, participantIDs: ids, force: force)
        let deleted = outcome.deletedMarks
        let unenrolled = participants.count - outcome.leftWaitlist.count
        if unenrolled > 0 {
            print("Unenrolled \(unenrolled) from event \(event)" + (deleted > 0 ? "; \(deleted) attendance mark(s) deleted." : "."))
        }
        if !outcome.leftWaitlist.isEmpty {
            print("Took \(outcome.leftWaitlist.map(String.init).joined(separator: ", ")) off the waitlist of event \(event).")
        }
        for person in outcome.promoted {
            print("Promoted from the waitlist: \(person.fullName) (\(person.id!)) is now enrolled in event \(event).")
        }
        let standing = (try? database.certificatesLeftStanding(eventID: event, participantIDs: ids)) ?? []
        CertificateDrift.standing(standing, because: "the person was taken off event \(event)").forEach { print($0) }
    }
}

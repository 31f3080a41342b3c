import ArgumentParser
import TrainingCore

struct Enroll: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Enroll people in an event, all or none.",
        discussion: "Example: malaka enroll 1 12 13 14")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The event number.") var event: Int64
    @Argument(help: "Participant numbers.") var participants: [Int64] = []

    func validate() throws {
        if participants.isEmpty { throw ValidationError("Name at least one participant to enroll, by number.") }
    }

    func run() throws {
        let enrollments = try database.open().enroll(eventID: event, participantIDs: participants)
        if output.json { return try Printer.json(enrollments.map { ["event": $0.eventId, "participant": $0.participantId] }) }
        print("Enrolled \(enrollments.count) \(enrollments.count == 1 ? "person" : "people") in event \(event).")
    }
}

struct Unenroll: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Take people off an event.",
        discussion: "Example: malaka unenroll 1 14")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The event number.") var event: Int64
    @Argument(help: "Participant numbers.") var participants: [Int64] = []
    @Flag(help: "Unenroll even people with attendance marks, deleting the marks.") var force = false

    func validate() throws {
        if participants.isEmpty { throw ValidationError("Name at least one participant to unenroll, by number.") }
    }

    func run() throws {
        let deleted = try database.open().unenroll(eventID: event, participantIDs: participants, force: force)
        print("Unenrolled \(participants.count) from event \(event)" + (deleted > 0 ? "; \(deleted) attendance mark(s) deleted." : "."))
    }
}

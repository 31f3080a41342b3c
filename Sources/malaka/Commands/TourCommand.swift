import ArgumentParser
import Foundation
import TrainingCore

struct TourCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tour",
        abstract: "Schedule study tours with their legs.",
        subcommands: [Create.self])
}

extension TourCommand {
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Schedule a study tour: an event whose legs each have a host, a place and days.",
            discussion: """
                Each --leg is fields separated by semicolons: host=… (who receives the tour), \
                region=…, and from=DATE, with place=…, district=…, to=DATE (default: from), \
                time=HH:MM-HH:MM (default: --time), hours=N and visited=…. Each day of a leg is a \
                session at its host, in the leg's local time. Participants enroll in the tour \
                (`malaka enroll`), not in a leg.

                Example: malaka tour create --course ST-PILOT-MAHALLA --sending-organisation "Zangiota tuman hokimligi" \
                --sending-region "Toshkent viloyati" --time 10:00-17:00 \
                --leg "host=Urganch tuman hokimligi;place=Urganch;region=Xorazm;from=25.03.2019;to=26.03.2019;visited=Mahalla social service centre" \
                --leg "host=Toshkent shahar hokimligi;region=UZ-TK;from=16.04.2019;to=17.04.2019"
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "The course code (a study tour).") var course: String
        @Option(help: "A title of its own; by default the course's.") var title: String?
        @Option(help: "The tour's region for reports; by default the hosting region, else the first leg's.") var region: String?
        @Option(help: "The tour's district for reports, in its region; by default that of its first leg there.") var district: String?
        @Option(help: "The organisation running it.") var organiser: String?
        @Option(help: "A trainer or guide; repeat for several.") var trainer: [String] = []
        @Option(help: "The number of places.") var capacity: Int?
        @Option(help: ArgumentHelp("The legs' session times, unless a leg gives time=.", valueName: "HH:MM-HH:MM")) var time: TimeRange?
        @Option(help: "Hours per session, when not the length of the time.") var hours: Double?
        @Option(help: ArgumentHelp("A leg: host=…;region=…;from=DATE[;to=DATE;place=…;district=…;time=…;hours=…;visited=…]; repeat.", valueName: "fields")) var leg: [String] = []
        @Option(help: "The organisation that sends the participants.") var sendingOrganisation: String?
        @Option(help: "The region the participants come from.") var sendingRegion: String?
        @Option(help: "The organisation that hosts the tour.") var hostingOrganisation: String?
        @Option(help: "The region that hosts the tour.") var hostingRegion: String?
        @Flag(help: "Schedule even if a trainer or host is booked elsewhere at the time; the override is recorded.") var allowConflict = false

        func validate() throws {
            if leg.isEmpty { throw ValidationError("A study tour needs at least one --leg.") }
        }

        func run() throws {
            let legs = try leg.enumerated().map { index, text in try Self.parseLeg(text, number: index + 1, time: time, hours: hours) }
            var plan = EventPlan(
                courseCode: course, title: title, region: region ?? hostingRegion ?? legs[0].region, district: district,
                organiser: organiser, trainers: trainer, capacity: capacity, sessions: [])
            plan.legs = legs
            if [sendingOrganisation, sendingRegion, hostingOrganisation, hostingRegion].contains(where: { $0 != nil }) {
                plan.sides = EventPlan.PlannedSides(sendingOrganisation: sendingOrganisation, sendingRegion: sendingRegion,
                                                    hostingOrganisation: hostingOrganisation, hostingRegion: hostingRegion)
            }
            let detail = try database.open().createEvent(plan, allowConflict: allowConflict)
            if output.json { return try Printer.json(EventView(detail)) }
            print("Created study tour \(detail.id) with \(detail.legs.count) leg(s).")
            EventView.printDetail(detail)
        }

        static func parseLeg(_ text: String, number: Int, time: TimeRange?, hours: Double?) throws -> EventPlan.PlannedLeg {
            var fields: [String: String] = [:]
            for part in text.split(separator: ";") {
                let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard pieces.count == 2, !pieces[0].isEmpty else {
                    throw MalakaError.usage("Leg \(number): “\(part)” is not a field. Write fields as key=value separated by semicolons, e.g. host=…;region=Xorazm;from=25.03.2019.")
                }
                let key = pieces[0].lowercased()
                guard ["host", "place", "region", "district", "from", "to", "time", "hours", "visited"].contains(key) else {
                    throw MalakaError.usage("Leg \(number): “\(pieces[0])” is not a leg field. Use host, place, region, district, from, to, time, hours and visited.")
                }
                fields[key] = pieces[1]
            }
            for required in ["host", "region", "from"] where (fields[required] ?? "").isEmpty {
                throw MalakaError.usage("Leg \(number) needs \(required)=…; a leg has at least host, region and from.")
            }
            let legTime = try fields["time"].map(TimeRange.init(parsing:)) ?? time
            guard let legTime else {
                throw MalakaError.usage("Leg \(number) has no time. Give time=HH:MM-HH:MM in the leg or --time for all legs.")
            }
            let legHours = try fields["hours"].map { text in
                guard let value = Double(text) else { throw MalakaError.data("Leg \(number): hours “\(text)” is not a number.") }
                return value
            } ?? hours
            let start = try DayDate(parsing: fields["from"]!)
            return EventPlan.PlannedLeg(
                hostOrganisation: fields["host"]!, place: fields["place"], region: fields["region"]!,
                district: fields["district"], startDate: start, endDate: try fields["to"].map(DayDate.init(parsing:)),
                time: legTime, hours: legHours, visited: fields["visited"])
        }
    }
}

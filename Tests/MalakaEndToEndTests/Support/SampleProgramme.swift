import Foundation
import Testing

/// The demo's sample programme (`demo/sample-programme.sh`, `demo/participants.tsv`) entered through the
/// binary one group at a time, so that it can be entered on one database or split over the sites of a
/// programme: the same events, people, enrollments, marks and certificates either way.
enum SampleProgramme {
    /// A group of `demo/participants.tsv`: the people of one event.
    enum Group: String, CaseIterable {
        case khorezm, samarkand, tashkent, chuy
    }

    /// A line of `demo/participants.tsv`.
    struct Person {
        var group: Group
        var name: String
        var alternateName: String
        var arguments: [String]

        /// The `participant add` options after the name, with the names' scripts swapped when `swapped`.
        func addArguments(swapped: Bool = false) -> [String] {
            ["--name", swapped ? alternateName : name, "--alt-name", swapped ? name : alternateName] + arguments
        }
    }

    static let people: [Person] = {
        let file = TemporaryProgramme.repositoryRoot.appendingPathComponent("demo/participants.tsv")
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 9, let group = Group(rawValue: fields[0]) else { return nil }
            var arguments = ["--sex", fields[3], "--birth-year", fields[4], "--category", fields[5], "--region", fields[6],
                             "--language", fields[8], "--consent-date", "2019-03-01", "--consent-by", "Programme coordinator"]
            if fields[7] != "-" { arguments += ["--district", fields[7]] }
            return Person(group: group, name: fields[1], alternateName: fields[2], arguments: arguments)
        }
    }()

    static func people(of group: Group) -> [Person] {
        people.filter { $0.group == group }
    }

    /// Registers `people` on `programme` and returns their numbers, in order.
    static func register(_ people: [Person], on programme: TemporaryProgramme, swapped: Bool = false) throws -> [Int64] {
        try people.map { try programme.json(ParticipantJSON.self, ["participant", "add"] + $0.addArguments(swapped: swapped)).id }
    }

    /// Enters a group's event as the demo does: scheduled, its people registered and enrolled with `alsoEnrolled`,
    /// marked day by day, held, and its certificates issued on `issueDate`. The Tashkent group brings the study
    /// tour its people go on, and the cancelled Bishkek meeting. Returns the group's people's numbers.
    @discardableResult
    static func enter(_ group: Group, on programme: TemporaryProgramme, alsoEnrolled: [Int64] = [], issueDate: String) throws -> [Int64] {
        let event = try programme.createEvent(eventArguments[group]!)
        let members = try register(people(of: group), on: programme)
        try programme.enroll(event, members + alsoEnrolled)
        var held = [event]
        let id = { (index: Int) in String(members[index]) }
        let days: [(String, [String])]
        switch group {
        case .khorezm:
            days = [("25.03.2019", []), ("26.03.2019", ["--except", id(3), "--late", id(1)]),
                    ("27.03.2019", ["--except", id(3), id(8)]), ("28.03.2019", ["--excused", id(8)])]
        case .samarkand:
            days = [("07.10.2019", []), ("08.10.2019", ["--except", id(2)]), ("09.10.2019", ["--except", id(2), "--late", id(5)]),
                    ("10.10.2019", ["--except", id(2)])]
        case .tashkent:
            days = [("12.11.2019", []), ("13.11.2019", ["--absent", "Kim"])]
            let tour = try programme.json(Numbered.self, tourArguments).id
            try programme.enroll(tour, members)
            for day in ["2019-03-25", "2019-03-26", "2019-04-16", "2019-04-17"] {
                try programme.succeed(["attendance", "mark", String(tour), "--date", day, "--all-present"])
            }
            held.append(tour)
            let meeting = try programme.createEvent(["--course", "COORD-MEETING", "--region", "Bishkek", "--venue", "City hall",
                                                     "--session", "2019-12-05", "--time", "10:00-13:00"])
            try programme.succeed(["event", "cancel", String(meeting), "--reason", "Postponed to January at the ministry's request"])
        case .chuy:
            days = (16...20).map { ("\($0).09.2019", []) }
        }
        for (day, exceptions) in days {
            try programme.succeed(["attendance", "mark", String(event), "--date", day, "--all-present"] + exceptions)
        }
        for event in held {
            try programme.succeed(["event", "held", String(event)])
            try programme.succeed(["certificates", "issue", String(event), "--templates", CertificatesEndToEndTests.templates,
                                   "--issue-date", issueDate, "--bundle", programme.path("certificates-\(event).pdf")])
        }
        return members
    }

    /// What `tour create --json` prints, as far as it is read here.
    private struct Numbered: Decodable {
        var id: Int64
    }

    private static let eventArguments: [Group: [String]] = [
        .khorezm: ["--course", "PS-PARENTING", "--region", "Xorazm", "--district", "Urganch tumani", "--locality", "Navbahor mahallasi",
                   "--venue", "Mahalla markazi", "--organiser", "Oila va xotin-qizlar qoʻmitasi", "--start", "25.03.2019", "--days", "4",
                   "--time", "09:00-12:00", "--trainer", "Dilnoza Yusupova", "--capacity", "25"],
        .samarkand: ["--course", "PS-PARENTING", "--region", "Samarqand", "--district", "Samarqand tumani", "--venue", "Bolalar bogʻchasi 12",
                     "--organiser", "Oila va xotin-qizlar qoʻmitasi", "--start", "07.10.2019", "--days", "4", "--time", "14:00-17:00",
                     "--trainer", "Shahnoza Rahimova", "--capacity", "20"],
        .tashkent: ["--course", "SEM-INTERAGENCY", "--region", "Toshkent viloyati", "--district", "Zangiota",
                    "--venue", "Tuman hokimligi majlislar zali", "--organiser", "UNICEF Uzbekistan", "--start", "2019-11-12", "--days", "2",
                    "--time", "09:30-15:30", "--hours", "5", "--trainer", "Rustam Aliyev", "--trainer", "Dilnoza Yusupova"],
        .chuy: ["--course", "CR-MONITORING", "--region", "Chuy", "--district", "Alamudun", "--venue", "Аламүдүн айыл өкмөтү",
                "--organiser", "Social Development Ministry", "--session", "2019-09-16", "--session", "2019-09-17", "--session", "2019-09-18",
                "--session", "2019-09-19", "--session", "2019-09-20@09:00-13:00", "--time", "09:00-13:00", "--trainer", "Айнура Касымова"],
    ]

    private static let tourArguments = [
        "tour", "create", "--course", "ST-PILOT-MAHALLA", "--organiser", "UNICEF Uzbekistan", "--trainer", "Rustam Aliyev",
        "--sending-organisation", "Zangiota tuman hokimligi", "--sending-region", "Toshkent viloyati",
        "--hosting-organisation", "Mahalla va oilani qoʻllab-quvvatlash vazirligi", "--hosting-region", "Xorazm", "--time", "10:00-17:00",
        "--leg", "host=Urganch tuman hokimligi;place=Urganch;region=Xorazm;district=Urganch tumani;from=25.03.2019;to=26.03.2019;"
            + "visited=Navbahor mahallasi social support centre, Urganch family support centre",
        "--leg", "host=Toshkent shahar ijtimoiy xizmatlar markazi;place=Mirobod;region=UZ-TK;from=16.04.2019;to=17.04.2019;"
            + "time=09:00-16:00;visited=Day-care centre for children with disabilities, a foster family",
    ]
}

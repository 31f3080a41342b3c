import Foundation
import Testing

/// Three events of 2019 with organisers and project labels, built through the command line, for the
/// donor reports and the period lock. The numbers each filter must give are worked out by hand here.
///
/// - urganch: parenting training in Khorezm (Urganch), 25–28 March, 3 hours a day, organiser “SOS Uzbekistan”,
///   project “UNICEF-2019” given at creation. Gulnora P P P P, Rustam P L A A, Shohida E E E E.
/// - urgut: parenting training in Samarkand (Urgut), 7–10 October, organiser “Oila markazi”, project “EU-2019”.
///   Gulnora P P P P, Aziz P P P A.
/// - meeting: coordination meeting in Chuy, 31 December, 3 hours, organiser “UNICEF Kyrgyzstan”, labelled
///   “UNICEF-2019” afterwards with `event label`. Rustam P, Aziz A.
///
/// Parenting: 80 %, late counts. Meeting: 100 %. Gulnora: female, 1984, parent. Rustam: male, parent.
/// Shohida: female, 1990, parent. Aziz: no sex, 2001, youth.
struct DonorProgramme {
    let programme: TemporaryProgramme
    var events: [String: Int64] = [:]
    var people: [String: Int64] = [:]

    init() throws {
        programme = try TemporaryProgramme()
        people["Gulnora"] = try programme.addParticipant("Gulnora Karimova", ["--sex", "female", "--birth-year", "1984", "--category", "parent", "--phone", "+998 90 123 45 67"])
        people["Rustam"] = try programme.addParticipant("Rustam Aliyev", ["--sex", "male", "--category", "parent"])
        people["Shohida"] = try programme.addParticipant("Шоҳида Ҳамроева", ["--sex", "female", "--birth-year", "1990", "--category", "parent"])
        people["Aziz"] = try programme.addParticipant("Aziz Tursunov", ["--birth-year", "2001", "--category", "youth"])
        events["urganch"] = try programme.createEvent([
            "--course", "PS-PARENTING", "--region", "Xorazm", "--district", "Urganch tumani", "--start", "25.03.2019", "--days", "4",
            "--time", "09:00-12:00", "--organiser", "SOS Uzbekistan", "--project", "UNICEF-2019"])
        events["urgut"] = try programme.createEvent([
            "--course", "PS-PARENTING", "--region", "Samarqand", "--district", "Urgut", "--start", "07.10.2019", "--days", "4",
            "--time", "09:00-12:00", "--organiser", "Oila markazi", "--project", "EU-2019"])
        events["meeting"] = try programme.createEvent([
            "--course", "COORD-MEETING", "--region", "Chuy", "--session", "31.12.2019", "--time", "10:00-13:00",
            "--organiser", "UNICEF Kyrgyzstan"])
        try programme.succeed(["event", "label", String(events["meeting"]!), "--project", "UNICEF-2019"])
        try programme.enroll(events["urganch"]!, ["Gulnora", "Rustam", "Shohida"].map { people[$0]! })
        try programme.enroll(events["urgut"]!, ["Gulnora", "Aziz"].map { people[$0]! })
        try programme.enroll(events["meeting"]!, ["Rustam", "Aziz"].map { people[$0]! })
        try mark("urganch", ["2019-03-25": "P P E", "2019-03-26": "P L E", "2019-03-27": "P A E", "2019-03-28": "P A E"],
                 order: ["Gulnora", "Rustam", "Shohida"])
        try mark("urgut", ["2019-10-07": "P P", "2019-10-08": "P P", "2019-10-09": "P P", "2019-10-10": "P A"], order: ["Gulnora", "Aziz"])
        try mark("meeting", ["2019-12-31": "P A"], order: ["Rustam", "Aziz"])
    }

    func mark(_ event: String, _ days: [String: String], order: [String]) throws {
        for arguments in markArguments(event, days, order: order) { try programme.succeed(arguments) }
    }

    /// One `attendance mark` command per day: P present, L late, E excused, A absent.
    func markArguments(_ event: String, _ days: [String: String], order: [String]) -> [[String]] {
        let options = ["P": "--present", "L": "--late", "E": "--excused", "A": "--absent"]
        return days.sorted { $0.key < $1.key }.map { day, letters in
            var arguments = ["attendance", "mark", String(events[event]!), "--date", day]
            for (name, letter) in zip(order, letters.split(separator: " ")) {
                arguments += [options[String(letter)]!, String(people[name]!)]
            }
            return arguments
        }
    }

    func report(_ arguments: [String]) throws -> RegionSummaryJSON {
        let result = try programme.succeed(["report", "regions", "--format", "json"] + arguments)
        return try JSONDecoder().decode(RegionSummaryJSON.self, from: Data(result.stdout.utf8))
    }
}

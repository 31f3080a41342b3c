import Foundation
import TrainingFixtures
import TrainingCore

/// A small programme with every case the region summary's rules decide, built on an in-memory database.
///
/// Events (2019 unless said otherwise; hours per session in brackets):
/// - E1 parenting, Khorezm/Urganch, 25–28 March, 4 sessions (3 h): Aziza P P P P, Bekzod L L L L,
///   Charos P A A A, Dilshod E E E E, Elmira P P P A. Certificates for Aziza and Bekzod, Bekzod's re-issued.
/// - E2 meeting, Khorezm/Xiva, 31 December, the period's last day (3 h): Aziza P, Farhod L (late does not count for
///   meetings), Elmira E (excused counts for meetings, but she did not come).
/// - E3 parenting, Samarkand/Urgut, 7–10 October (3 h): Aziza P P P P (a second region), Gulnora P P L A,
///   Hamid A A A A, Dilshod P P P P. Certificates for Aziza (then revoked) and Dilshod.
/// - E4 parenting, Samarkand, 4–7 November: Gulnora P on the first day, then the event is cancelled.
/// - E6 seminar, Khorezm without district, 31 December 2018 and 1 January 2019 (4 h): Farhod P P, Hamid P A.
/// - E7 seminar, Khorezm without district, 31 December 2019 and 1 January 2020 (4 h): Bekzod P P.
/// - E8 parenting, Chuy/Alamudun, 16–19 September, left `planned` (3 h): Aigul P P P P.
/// - E9 parenting, Khorezm/Urganch, 2–5 December, nobody enrolled (3 h).
/// - E10 seminar, Khorezm/Urganch, 6–7 January 2020, outside 2019: Aziza P P.
///
/// People: Aziza F 1984 parent · Bekzod M 1990 parent · Charos F (no birth year) parent ·
/// Dilshod (no sex) 2003 youth · Elmira F 1959 teacher · Farhod M 1974 civil servant ·
/// Gulnora F 1995 parent · Hamid M 1950 specialist · Aigul F 1988 civil servant.
struct RegionSummaryFixture {
    let database: AppDatabase
    var events: [String: Int64] = [:]
    var people: [String: Int64] = [:]

    static let parenting = CourseFixtures.parenting

    static let meeting = CourseFixtures.meeting

    static let seminar = CourseFixtures.seminar

    /// 2019, counted as of the middle of 2020, so that every 2019 session has been held.
    static func year2019(asOf: String = "2020-06-30") -> RegionSummaryRequest {
        RegionSummaryRequest(period: try! ReportPeriod(year: "2019"), asOf: day(asOf))
    }

    static func day(_ text: String) -> DayDate { CourseFixtures.day(text) }

    init() throws {
        database = try AppDatabase.inMemory()
        try database.syncCourses([Self.parenting, Self.meeting, Self.seminar])
        let drafts: [(String, Sex?, Int?, ParticipantCategory)] = [
            ("Aziza", .female, 1984, .parent), ("Bekzod", .male, 1990, .parent), ("Charos", .female, nil, .parent),
            ("Dilshod", nil, 2003, .youth), ("Elmira", .female, 1959, .teacher), ("Farhod", .male, 1974, .civilServant),
            ("Gulnora", .female, 1995, .parent), ("Hamid", .male, 1950, .specialist), ("Aigul", .female, 1988, .civilServant),
        ]
        let added = try database.addParticipants(drafts.map {
            ParticipantDraft(fullName: $0.0, sex: $0.1, birthYear: $0.2, category: $0.3)
        })
        for (draft, person) in zip(drafts, added) { people[draft.0] = person.id! }

        try event("E1", "PS-PARENTING", "Xorazm", "Urganch tumani", days: "2019-03-25", count: 4, "09:00-12:00", marks: [
            "Aziza": "PPPP", "Bekzod": "LLLL", "Charos": "PAAA", "Dilshod": "EEEE", "Elmira": "PPPA",
        ])
        try event("E2", "COORD-MEETING", "Xorazm", "Xiva tumani", days: "2019-12-31", count: 1, "10:00-13:00", marks: [
            "Aziza": "P", "Farhod": "L", "Elmira": "E",
        ])
        try event("E3", "PS-PARENTING", "Samarqand", "Urgut", days: "2019-10-07", count: 4, "14:00-17:00", marks: [
            "Aziza": "PPPP", "Gulnora": "PPLA", "Hamid": "AAAA", "Dilshod": "PPPP",
        ])
        try event("E4", "PS-PARENTING", "Samarqand", nil, days: "2019-11-04", count: 4, "09:00-12:00", marks: ["Gulnora": "P"])
        _ = try database.cancelEvent(id: events["E4"]!, reason: "Venue closed")
        try event("E6", "SEM-INTERAGENCY", "Xorazm", nil, days: "2018-12-31", count: 2, "09:00-13:00", marks: [
            "Farhod": "PP", "Hamid": "PA",
        ])
        try event("E7", "SEM-INTERAGENCY", "Xorazm", nil, days: "2019-12-31", count: 2, "09:00-13:00", marks: ["Bekzod": "PP"])
        try event("E8", "PS-PARENTING", "Chuy", "Alamudun", days: "2019-09-16", count: 4, "09:00-12:00", marks: ["Aigul": "PPPP"],
                  held: false)
        try event("E9", "PS-PARENTING", "Xorazm", "Urganch tumani", days: "2019-12-02", count: 4, "09:00-12:00", marks: [:], held: false)
        try event("E10", "SEM-INTERAGENCY", "Xorazm", "Urganch tumani", days: "2020-01-06", count: 2, "09:00-13:00", marks: ["Aziza": "PP"])

        try issue(event: "E1", to: ["Aziza", "Bekzod"])
        let bekzod = try database.certificates(eventID: events["E1"]!, participantID: people["Bekzod"]!)[0]
        _ = try database.reissueCertificate(serial: bekzod.serial, keys: Self.keys, digest: Self.placeholderDigest, produce: { _ in nil })
        try issue(event: "E3", to: ["Aziza", "Dilshod"])
        let aziza = try database.certificates(eventID: events["E3"]!, participantID: people["Aziza"]!)[0]
        _ = try database.revokeCertificate(serial: aziza.serial, reason: "Issued by mistake")
    }

    /// Schedules an event of `count` consecutive days, enrolls the people named in `marks` and
    /// records their marks, one letter a session: P present, L late, E excused, A absent.
    private mutating func event(
        _ name: String, _ course: String, _ region: String, _ district: String?, days first: String, count: Int,
        _ time: String, marks: [String: String], held: Bool = true
    ) throws {
        let detail = try database.createEvent(EventPlan(
            courseCode: course, region: region, district: district, venue: "Venue of \(name)",
            sessions: EventPlan.consecutiveSessions(from: Self.day(first), days: count, time: TimeRange(parsing: time)),
            status: held ? .held : .planned))
        events[name] = detail.id
        guard !marks.isEmpty else { return }
        let enrolled = marks.keys.sorted().map { people[$0]! }
        try database.enroll(eventID: detail.id, participantIDs: enrolled)
        let statuses: [Character: AttendanceStatus] = ["P": .present, "L": .late, "E": .excused, "A": .absent]
        try database.markAttendance(detail.sessions.enumerated().map { index, session in
            var day: [Int64: AttendanceStatus] = [:]
            for (person, letters) in marks where index < letters.count {
                day[people[person]!] = statuses[Array(letters)[index]]!
            }
            return AttendanceMarks(eventID: detail.id, date: session.date, marks: day)
        }.filter { !$0.marks.isEmpty })
    }

    private func issue(event: String, to names: [String]) throws {
        let plan = try database.planCertificates(
            CertificateRequest(eventID: events[event]!, participantIDs: names.map { people[$0]! }, issueDate: Self.day("2020-01-15")),
            templateLanguages: { _ in [.english] })
        precondition(plan.problems.isEmpty, "\(plan.problems)")
        _ = try database.issueCertificates(plan, keys: Self.keys, digest: Self.placeholderDigest, produce: { issued in issued.map { _ in nil } })
    }

    /// Every certificate is signed; the fixture's key is made on first use in a throwaway folder.
    static let keys = IssuingKeys(newKeyDirectory: FileManager.default.temporaryDirectory
        .appendingPathComponent("malaka-report-test-keys-\(UUID().uuidString)"))

    /// The summary counts certificates, not what they print: a fixed content hash and no PDF.
    static func placeholderDigest(_ content: CertificateContent) -> String {
        String(repeating: "0", count: 64)
    }
}

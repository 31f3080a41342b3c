import BenchmarkSupport
import Foundation
import TrainingCore
import TrainingFixtures

/// A synthetic national programme in Uzbekistan's 14 regions over five years, the same for the same seed.
///
/// 100,000 participants, 10,000 events of the seven catalogue courses (2 % of them cancelled),
/// and exactly 1,000,000 attendance marks, written through the core library's own paths:
/// `addParticipants` in one batch, `createEvent` and `enroll` per event, `markAttendance` in
/// batches of events, `planCertificates` and `issueCertificates` for the parenting trainings.
/// Nobody is enrolled in two events that meet on the same day, which the participant-conflict rule refuses.
struct NationalProgramme {
    var seed: UInt64 = 2019
    var participantCount = 100_000
    var eventCount = 10_000
    var markCount = 1_000_000
    var years = 2019...2023

    /// A hundredth of the programme, for the smoke run (`make bench-smoke`): every path of the generator and
    /// the timings, in seconds.
    static func tiny(seed: UInt64) -> NationalProgramme {
        NationalProgramme(seed: seed, participantCount: 1_000, eventCount: 100, markCount: 10_000)
    }

    /// Regions and how many of the programme's events and people each has.
    static let regions: [(String, Double)] = [
        ("UZ-AN", 3), ("UZ-BU", 2), ("UZ-FA", 4), ("UZ-JI", 1.5), ("UZ-NG", 3), ("UZ-NW", 1), ("UZ-QA", 3),
        ("UZ-QR", 2), ("UZ-SA", 4), ("UZ-SI", 1), ("UZ-SU", 3), ("UZ-TK", 3), ("UZ-TO", 3), ("UZ-XO", 2),
    ]

    /// Courses by code: how often they run and how many people a typical event takes.
    static let courses: [(code: String, weight: Double, size: Double)] = [
        ("PS-PARENTING", 35, 25), ("CR-MONITORING", 15, 20), ("SEM-INTERAGENCY", 15, 30), ("CYF-MUNICIPALITY", 10, 25),
        ("ST-PILOT-MAHALLA", 5, 15), ("COORD-MEETING", 12, 25), ("RT-FAMILY-CARE", 8, 30),
    ]

    struct Counts: CustomStringConvertible {
        var participants = 0
        var events = 0
        var cancelled = 0
        var enrollments = 0
        var marks = 0
        var certificates = 0

        var description: String {
            "\(events) events (\(cancelled) cancelled), \(participants) participants, \(enrollments) enrollments, "
                + "\(marks) attendance marks, \(certificates) certificates"
        }
    }

    /// Fills an empty database that has the catalogue loaded; prints progress to standard error.
    func generate(into database: AppDatabase) throws -> Counts {
        var random = SplitMix64(seed: seed)
        var counts = Counts()
        let gazetteer = Gazetteer.bundled
        let catalogue = Dictionary(uniqueKeysWithValues: try database.courses().map { ($0.course.code, $0.course) })

        // People, in one batch.
        let given = ["Gulnora", "Gʻulomjon", "Шоҳида", "Dilnoza", "Oʻgʻiloy", "Malika", "Dilshod", "Нодира", "Sardor", "Feruza"]
        let family = ["Karimova", "Oʻrinboyev", "Ҳамроева", "Yusupova", "Qurbonova", "Toʻxtayeva", "Ergashev", "Раҳимов", "Aliyev", "Sapayeva"]
        let categories: [(ParticipantCategory, Double)] = [
            (.parent, 40), (.teacher, 15), (.specialist, 15), (.civilServant, 10), (.ngoStaff, 8), (.youth, 8), (.other, 4),
        ]
        var regionOfPerson: [String] = []
        let drafts = (0..<participantCount).map { index -> ParticipantDraft in
            let region = random.pick(Self.regions)
            regionOfPerson.append(region)
            let districts = gazetteer.region(code: region)!.districts
            let district = districts.isEmpty || random.unit() < 0.1 ? nil : districts[Int(random.next() % UInt64(districts.count))].code
            let sexDraw = random.unit()
            let birthYear = random.unit() < 0.04 ? nil : 1950 + Int(random.next() % 58)
            return ParticipantDraft(
                fullName: "\(given[index % 10]) \(family[(index / 10) % 10]) \(index)",
                sex: sexDraw < 0.58 ? .female : sexDraw < 0.95 ? .male : nil,
                birthYear: birthYear, category: random.pick(categories), region: region, district: district)
        }
        let people = try database.addParticipants(drafts).map { $0.id! }
        counts.participants = people.count
        var peopleByRegion: [String: [Int64]] = [:]
        for (index, region) in regionOfPerson.enumerated() { peopleByRegion[region, default: []].append(people[index]) }
        progress("\(people.count) participants")

        // Plan every event first, so that the sizes can be scaled to give exactly the marks asked for.
        struct Planned {
            var course: Course
            var region: String
            var district: String?
            var start: DayDate
            var cancelled: Bool
            var size: Double
        }
        // Events are entered as the programme goes, so the file holds them in date order.
        let plans: [Planned] = (0..<eventCount).map { index in
            let year = years.lowerBound + index % years.count
            let start = DayDate(year: year, month: 1, day: 1)!.adding(days: Int(random.next() % 358))
            let region = random.pick(Self.regions)
            let districts = gazetteer.region(code: region)!.districts
            let district = districts.isEmpty || random.unit() < 0.15 ? nil : districts[Int(random.next() % UInt64(districts.count))].code
            let choice = random.pick(Self.courses.map { ($0, $0.weight) })
            return Planned(course: catalogue[choice.code]!, region: region, district: district, start: start,
                           cancelled: random.unit() < 0.02, size: choice.size * (0.6 + 0.8 * random.unit()))
        }.enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }.map(\.element)
        let wanted = plans.filter { !$0.cancelled }.reduce(0.0) { $0 + $1.size * Double($1.course.sessionCount) }
        let scale = Double(markCount) / wanted
        var sizes = plans.map { $0.cancelled ? Int(($0.size).rounded()) : max(1, Int(($0.size * scale).rounded())) }
        var marks = zip(plans, sizes).filter { !$0.0.cancelled }.reduce(0) { $0 + $1.1 * $1.0.course.sessionCount }
        // One-session events make up the difference, a person at a time.
        let single = plans.indices.filter { !plans[$0].cancelled && plans[$0].course.sessionCount == 1 }
        var turn = 0
        while marks != markCount && !single.isEmpty {
            let index = single[turn % single.count]
            if marks < markCount { sizes[index] += 1; marks += 1 } else if sizes[index] > 1 { sizes[index] -= 1; marks -= 1 }
            turn += 1
        }

        let statuses: [(AttendanceStatus, Double)] = [(.present, 82), (.late, 8), (.excused, 4), (.absent, 6)]
        let time = try TimeRange(parsing: "09:00-13:00")
        var pendingMarks: [AttendanceMarks] = []
        var certificateEvents: [Int64] = []
        // Every session runs 09:00–13:00, so two events overlap for a person exactly when they share a day.
        var busy = BusyDays()
        for (index, plan) in plans.enumerated() {
            let detail = try database.createEvent(EventPlan(
                courseCode: plan.course.code, region: plan.region, district: plan.district,
                venue: "Mahalla centre \(index % 97)", organiser: "National programme",
                sessions: EventPlan.consecutiveSessions(from: plan.start, days: plan.course.sessionCount, time: time),
                status: plan.cancelled ? .planned : .held))
            counts.events += 1
            var chosen = Set<Int64>()
            var order: [Int64] = []
            let local = peopleByRegion[plan.region]!
            let days = detail.sessions.map(\.date.dayNumber)
            var draws = 0
            while order.count < sizes[index] {
                draws += 1
                guard draws <= 1_000 * sizes[index] else {
                    throw BenchmarkFailure("event \(index + 1) of \(eventCount) wants \(sizes[index]) people free on its days and found "
                                           + "\(order.count); the programme has too few people for its events.")
                }
                let pool = random.unit() < 0.9 ? local : people
                let person = pool[Int(random.next() % UInt64(pool.count))]
                if busy.isBusy(person, onAnyOf: days) { continue }
                if chosen.insert(person).inserted { order.append(person) }
            }
            try database.enroll(eventID: detail.id, participantIDs: order)
            // A cancelled event takes nobody's time.
            if !plan.cancelled { busy.book(order, on: days) }
            counts.enrollments += order.count
            if plan.cancelled {
                _ = try database.cancelEvent(id: detail.id, reason: "Postponed")
                counts.cancelled += 1
                continue
            }
            let noShows = Set(order.filter { _ in random.unit() < 0.05 })
            for session in detail.sessions {
                var day: [Int64: AttendanceStatus] = [:]
                for person in order { day[person] = noShows.contains(person) ? .absent : random.pick(statuses) }
                pendingMarks.append(AttendanceMarks(eventID: detail.id, date: session.date, marks: day))
                counts.marks += day.count
            }
            if plan.course.code == "PS-PARENTING" && plan.start.year <= 2021 { certificateEvents.append(detail.id) }
            if pendingMarks.count >= 200 {
                try database.markAttendance(pendingMarks)
                pendingMarks.removeAll(keepingCapacity: true)
            }
            if (index + 1) % 1000 == 0 { progress("\(index + 1) events, \(counts.marks) marks") }
        }
        if !pendingMarks.isEmpty { try database.markAttendance(pendingMarks) }

        // Every certificate is signed; this synthetic programme's key is made in a throwaway folder on first use.
        let keys = IssuingKeys(newKeyDirectory: FileManager.default.temporaryDirectory
            .appendingPathComponent("malaka-region-benchmark-keys-\(ProcessInfo.processInfo.processIdentifier)"))
        defer { try? FileManager.default.removeItem(at: keys.newKeyDirectory!) }
        for id in certificateEvents {
            var request = CertificateRequest(eventID: id, language: .uzbekLatin, issueDate: DayDate(year: 2022, month: 1, day: 10))
            // The synthetic names mix scripts ("Dilnoza Ҳамроева"); the summary counts certificates, whatever
            // script their names print in, so the script check that protects real certificates is waived here.
            request.allowOtherScript = true
            let plan = try database.planCertificates(request, templateLanguages: { _ in [.uzbekLatin] })
            // The summary counts certificates, not their PDFs: record them with a placeholder
            // content hash and no PDF, since this synthetic programme prints nothing.
            counts.certificates += try database.issueCertificates(
                plan, keys: keys, digest: { _ in String(repeating: "0", count: 64) },
                produce: { issued in issued.map { _ in nil } }).count
        }
        progress("\(counts.certificates) certificates for \(certificateEvents.count) parenting trainings")
        return counts
    }

    private func progress(_ text: String) {
        FileHandle.standardError.write(Data("  generate: \(text)\n".utf8))
    }
}

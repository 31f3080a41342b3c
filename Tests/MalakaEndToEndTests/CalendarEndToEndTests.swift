import Foundation
import Testing

/// The exported calendar, read by a real iCalendar parser: Python's `icalendar` (installed by `make test`).
@Suite struct CalendarEndToEndTests {
    static let checker = """
        import sys, icalendar
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
        zones = sorted(str(z['TZID']) for z in cal.walk('VTIMEZONE'))
        for event in cal.walk('VEVENT'):
            start = event.decoded('DTSTART')
            print('\\t'.join([str(event['UID']), str(event.get('STATUS')), start.isoformat(), str(start.utcoffset()),
                             str(event.get('LOCATION')), str(event.get('SUMMARY'))]))
        print('ZONES\\t' + ','.join(zones))
        """

    /// Runs the checker on a file: one tab-separated line per VEVENT, then the zones.
    private func parse(_ path: String, in programme: TemporaryProgramme) throws -> [[String]] {
        let script = programme.path("check_ics.py")
        try Self.checker.write(toFile: script, atomically: true, encoding: .utf8)
        let run = try MalakaProcess.run(["python3", script, path], in: programme.directory, program: URL(fileURLWithPath: "/usr/bin/env"))
        try #require(run.status == 0, "icalendar could not parse the file (run `make test` to install it): \(run)")
        return run.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func theExportOpensInARealParserWithStableUIDs() throws {
        // Given a training in Urganch, a meeting in Chuy that was cancelled and a study tour with a leg in Bishkek
        let programme = try TemporaryProgramme()
        let training = try programme.createEvent([
            "--course", "PS-PARENTING", "--region", "Xorazm", "--district", "Urganch tumani", "--venue", "Mahalla markazi; 2-qavat",
            "--start", "25.03.2019", "--days", "2", "--time", "09:00-12:00", "--trainer", "Dilnoza Yusupova",
            "--title", "Ota-onalar uchun treninglar: ijobiy tarbiya, bolalar huquqlari, oilaviy zo\u{02BB}ravonlikning oldini olish",
        ])
        let meeting = try programme.createEvent(["--course", "COORD-MEETING", "--region", "Chuy", "--venue", "Аламүдүн айыл өкмөтү",
                                                 "--session", "05.12.2019", "--time", "10:00-13:00"])
        try programme.succeed(["event", "cancel", String(meeting), "--reason", "Postponed"])
        try programme.succeed(["tour", "create", "--course", "ST-PILOT-MAHALLA", "--time", "10:00-17:00",
                               "--leg", "host=Bishkek city hall;region=KG-GB;from=16.04.2019"])

        // When the calendar is exported twice
        let first = programme.path("first.ics")
        let second = programme.path("second.ics")
        #expect(try programme.succeed(["calendar", "export", "--out", first]).stdout == "Wrote 4 session(s) to \(first).\n")
        try programme.succeed(["calendar", "export", "--out", second])

        // Then a real parser reads every session, with the same UIDs both times
        let rows = try parse(first, in: programme)
        let events = rows.filter { $0[0] != "ZONES" }
        #expect(events.count == 4)
        #expect(Set(events.map { $0[0] }).count == 4)
        #expect(events.map { $0[0] } == (try parse(second, in: programme)).filter { $0[0] != "ZONES" }.map { $0[0] })
        #expect(rows.last == ["ZONES", "Asia/Bishkek,Asia/Tashkent"])
        let urganch = events.filter { $0[0].hasPrefix("event-\(training)-") }
        #expect(urganch.map { $0[1] } == ["CONFIRMED", "CONFIRMED"])
        #expect(urganch[0][2] == "2019-03-25T09:00:00+05:00")
        #expect(urganch[0][4] == "Mahalla markazi; 2-qavat, Urgench District, Khorezm Region")
        #expect(urganch[0][5].hasSuffix("zo\u{02BB}ravonlikning oldini olish"))
        let chuy = try #require(events.first { $0[0].hasPrefix("event-\(meeting)-") })
        #expect(chuy[1] == "CANCELLED")
        #expect(chuy[3] == "6:00:00")
        // And every physical line is at most 75 octets, ending in CRLF
        let text = try String(contentsOfFile: first, encoding: .utf8)
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 && !$0.contains("\n") })

        // An export for one trainer holds only her sessions
        let dilnoza = programme.path("dilnoza.ics")
        try programme.succeed(["calendar", "export", "--trainer", "dilnoza yusupova", "--out", dilnoza])
        #expect(try parse(dilnoza, in: programme).filter { $0[0] != "ZONES" }.count == 2)
        // Standard output, when no --out is given
        #expect(try programme.succeed(["calendar", "export", "--event", String(training)]).stdout.hasPrefix("BEGIN:VCALENDAR\r\n"))
    }
}

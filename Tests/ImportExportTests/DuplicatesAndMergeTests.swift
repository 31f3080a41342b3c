import Foundation
import GRDB
import Testing
@testable import TrainingCore

@Suite struct DuplicatesAndMergeTests {
    @Test func duplicatesAcrossScriptsAreListedWithReasons() throws {
        let database = try Programme.database()
        let people = try database.addParticipants([
            ParticipantDraft(fullName: "Gulnora Karimova", sex: .female, birthYear: 1990, phone: "+998 90 765 43 21"),
            ParticipantDraft(fullName: "Каримова Гулнора Рустамовна", sex: .female, birthYear: 1990, phone: "90 765 43 21"),
            ParticipantDraft(fullName: "Lola Ismoilova", birthYear: 1985),
            ParticipantDraft(fullName: "Nilufar Karimova", sex: .female, birthYear: 1971),
        ]).map { $0.id! }

        let pairs = try database.duplicateParticipants()

        let first = try #require(pairs.first)
        #expect((first.first.id, first.second.id) == (people[0], people[1]))
        #expect(first.isProbable)
        #expect(first.score >= 0.9)
        #expect(first.reasons.contains { $0.contains("across scripts") })
        #expect(first.reasons.contains { $0.contains("1990") })
        #expect(!pairs.contains { [$0.first.id, $0.second.id].contains(people[2]) })
        #expect(try database.duplicateParticipants(minimumScore: 0.99).allSatisfy { $0.score >= 0.99 })
        #expect(throws: MalakaError.self) { try database.duplicateParticipants(minimumScore: 2) }
    }

    /// Two records of Gulnora: the Latin one in the Urganch training, the Cyrillic one in the Samarkand training.
    func twoRecords() throws -> (AppDatabase, EventDetail, EventDetail, Participant, Participant) {
        let database = try Programme.database()
        let urganch = try Programme.urganchTraining(database)
        let samarkand = try Programme.samarkandTraining(database)
        let latin = try database.addParticipant(ParticipantDraft(fullName: "Gulnora Karimova", sex: .female, category: .parent,
                                                                 region: "Xorazm"))
        let cyrillic = try database.addParticipant(ParticipantDraft(
            fullName: "Гулнора Каримова", birthYear: 1990, category: .parent, phone: "+998 90 765 43 21", region: "Samarqand",
            district: "Urgut", language: .uzbekCyrillic))
        try database.enroll(eventID: urganch.id, participantIDs: [latin.id!])
        try database.enroll(eventID: samarkand.id, participantIDs: [cyrillic.id!])
        try database.markAttendance(AttendanceMarks(eventID: urganch.id, date: Programme.day("2019-03-25"), everyoneElse: .present))
        try database.markAttendance(AttendanceMarks(eventID: samarkand.id, date: Programme.day("2019-10-07"), everyoneElse: .late))
        return (database, urganch, samarkand, latin, cyrillic)
    }

    @Test func mergeMovesEverythingInOneTransactionAndRecordsIt() throws {
        let (database, urganch, samarkand, latin, cyrillic) = try twoRecords()

        let merge = try database.mergeParticipants(keep: latin.id!, other: cyrillic.id!)

        #expect(merge.movedEnrollments == 1)
        #expect(merge.movedMarks == 1)
        #expect(merge.kept.alternateName == "Гулнора Каримова")
        // Both records have a language now (the Latin one inferred from its letters), which differ
        #expect(merge.filledFields == ["alternate-name", "birth-year", "phone"])
        #expect(merge.differingFields == ["language", "region"])
        #expect(merge.kept.regionCode == "UZ-XO", "the kept person's region stays")
        #expect(throws: MalakaError.self) { try database.participant(id: cyrillic.id!) }
        #expect(try database.participant(id: latin.id!) == merge.kept)
        #expect(try database.attendanceSheet(eventID: urganch.id).rows.map(\.participant.id) == [latin.id])
        let samarkandRows = try database.attendanceSheet(eventID: samarkand.id).rows
        #expect(samarkandRows.map(\.participant.id) == [latin.id])
        #expect(samarkandRows[0].marks == [.late, nil, nil, nil])
        #expect(try database.searchParticipants("Каримова").map(\.id) == [latin.id])

        // The merge is recorded with both records as they were.
        let record = try database.mergeRecords()
        #expect(record.count == 1)
        #expect(record[0].keptParticipantId == latin.id)
        #expect(record[0].mergedParticipantId == cyrillic.id)
        #expect(record[0].mergedRecord.contains("Гулнора Каримова"))
        #expect(record[0].mergedRecord.contains("+998 90 765 43 21"))
        #expect(record[0].movedEnrollments == 1 && record[0].movedMarks == 1)
    }

    @Test func marksOfOneEventAreCombinedAndRepeatsDropped() throws {
        let (database, urganch, _, latin, cyrillic) = try twoRecords()
        try database.enroll(eventID: urganch.id, participantIDs: [cyrillic.id!])
        // Day 1: both present (the trainer ticked both lines); day 2: only the Cyrillic record was marked.
        try database.markAttendance(AttendanceMarks(eventID: urganch.id, date: Programme.day("2019-03-25"), everyoneElse: .present))
        try database.markAttendance(AttendanceMarks(eventID: urganch.id, date: Programme.day("2019-03-26"), marks: [cyrillic.id!: .excused]))

        let merge = try database.mergeParticipants(keep: latin.id!, other: cyrillic.id!)

        #expect(merge.combinedEnrollments == 1)
        #expect(merge.repeatedMarks == 1)
        #expect(merge.movedMarks == 2, "the Samarkand mark and day 2")
        let row = try database.attendanceSheet(eventID: urganch.id).rows
        #expect(row.map(\.participant.id) == [latin.id])
        #expect(row[0].marks == [.present, .excused, nil, nil])
    }

    @Test func differentMarksForOneSessionRefuseTheMerge() throws {
        let (database, urganch, _, latin, cyrillic) = try twoRecords()
        try database.enroll(eventID: urganch.id, participantIDs: [cyrillic.id!])
        try database.markAttendance(AttendanceMarks(eventID: urganch.id, date: Programme.day("2019-03-25"), marks: [cyrillic.id!: .absent]))
        let before = try database.dumpForTests()

        #expect {
            try database.mergeParticipants(keep: latin.id!, other: cyrillic.id!)
        } throws: { error in
            let message = (error as? MalakaError)?.message ?? ""
            return message.contains("on 25.03.2019 at 09:00 the first is marked present and the second absent")
                && message.contains("Nothing was changed")
        }
        #expect(try database.dumpForTests() == before)
    }

    @Test func presenceAtTwoEventsAtOnceRefusesTheMerge() throws {
        let (database, urganch, _, latin, cyrillic) = try twoRecords()
        let elsewhere = try database.createEvent(EventPlan(
            courseCode: "PS-PARENTING", region: "Xorazm", district: "Xiva tumani",
            sessions: EventPlan.consecutiveSessions(from: Programme.day("2019-03-25"), days: 1, time: TimeRange(parsing: "10:00-11:00"))))
        try database.enroll(eventID: elsewhere.id, participantIDs: [cyrillic.id!])
        try database.markAttendance(AttendanceMarks(eventID: elsewhere.id, date: Programme.day("2019-03-25"), everyoneElse: .present))

        #expect {
            try database.mergeParticipants(keep: latin.id!, other: cyrillic.id!)
        } throws: { error in
            ((error as? MalakaError)?.message ?? "").contains("the first was at event \(urganch.id) (09:00–12:00) and the second at event \(elsewhere.id) (10:00–11:00)")
        }
    }

    @Test func twoValidCertificatesForOneEventRefuseTheMerge() throws {
        let (database, urganch, _, latin, cyrillic) = try twoRecords()
        try database.enroll(eventID: urganch.id, participantIDs: [cyrillic.id!])
        try database.writeForTests { db in
            for (sequence, person) in [latin, cyrillic].enumerated() {
                try db.execute(sql: """
                    INSERT INTO certificate (serial, series, sequence, eventId, participantId, template, language, issueDate,
                      printedName, contentSHA256, status, createdAt)
                    VALUES (?, 'UZ-2019-', ?, ?, ?, 'parenting', 'uz-Latn', '2019-03-29', ?, ?, 'valid', '2019-03-29 10:00:00')
                    """, arguments: ["UZ-2019-00000\(sequence + 1)", sequence + 1, urganch.id, person.id!, person.fullName,
                                     String(repeating: "a", count: 64)])
            }
        }

        #expect {
            try database.mergeParticipants(keep: latin.id!, other: cyrillic.id!)
        } throws: { error in
            ((error as? MalakaError)?.message ?? "").contains("both hold a valid certificate for event \(urganch.id) (UZ-2019-000001 and UZ-2019-000002)")
        }
    }

    @Test func certificatesFollowThePerson() throws {
        let (database, _, samarkand, latin, cyrillic) = try twoRecords()
        try database.writeForTests { db in
            try db.execute(sql: """
                INSERT INTO certificate (serial, series, sequence, eventId, participantId, template, language, issueDate,
                  printedName, contentSHA256, status, createdAt)
                VALUES ('UZ-2019-000001', 'UZ-2019-', 1, ?, ?, 'parenting', 'uz-Cyrl', '2019-10-11', 'Гулнора Каримова', ?, 'valid', '2019-10-11 10:00:00')
                """, arguments: [samarkand.id, cyrillic.id!, String(repeating: "a", count: 64)])
        }

        let merge = try database.mergeParticipants(keep: latin.id!, other: cyrillic.id!)

        #expect(merge.movedCertificates == 1)
        let table = try database.export(.certificates)
        #expect(table.rows[0][4] == .integer(latin.id!))
        #expect(table.rows[0][5] == .text("Гулнора Каримова"), "the printed name stays as printed")
    }

    @Test func mergingSomeoneWithThemselvesOrNobodyIsRefused() throws {
        let (database, _, _, latin, _) = try twoRecords()

        #expect(throws: MalakaError.self) { try database.mergeParticipants(keep: latin.id!, other: latin.id!) }
        #expect(throws: MalakaError.self) { try database.mergeParticipants(keep: latin.id!, other: 99) }
    }
}

extension AppDatabase {
    func mergeRecords() throws -> [ParticipantMergeRecord] {
        try dbWriter.read { try ParticipantMergeRecord.fetchAll($0) }
    }

    /// Every row of every table, to tell that nothing changed.
    func dumpForTests() throws -> String {
        try dbWriter.read { db in
            var text = ""
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") {
                text += table + "\n"
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier)") {
                    text += row.description + "\n"
                }
            }
            return text
        }
    }
}

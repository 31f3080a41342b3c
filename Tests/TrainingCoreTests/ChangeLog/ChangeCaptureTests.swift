import Testing
@testable import TrainingCore

@Suite struct ChangeCaptureTests {
    @Test func referencesTravelAsUUIDsUnderNamesEndingUuid() {
        let capture = ChangeCapture(table: "enrollment", columns: [
            .init("eventId", references: "event"), .init("participantId", references: "participant"), .init("enrolledAt"), .init("originSite"),
        ])
        #expect(capture.valuesExpression(row: "NEW") == """
            json_object('eventUuid', (SELECT uuid FROM "event" WHERE id = NEW."eventId"), \
            'participantUuid', (SELECT uuid FROM "participant" WHERE id = NEW."participantId"), \
            'enrolledAt', NEW."enrolledAt", 'originSite', NEW."originSite")
            """)
        let statements = capture.createStatements
        #expect(statements.count == 3)
        #expect(statements[2].contains("AFTER DELETE ON \"enrollment\"") && statements[2].contains("OLD.\"uuid\", 'delete'"))
        #expect(statements.allSatisfy { $0.contains("WHEN (SELECT applying FROM syncState) = 0") })
        #expect(ChangeCapture.Column("legId", references: "studyTourLeg").travellingName == "legUuid")
        #expect(ChangeCapture.Column("regionCode").travellingName == "regionCode")
    }

    @Test func theIdentityColumnsGoAfterTheFirstColumn() {
        let create = #"CREATE TABLE "session" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "hours" DOUBLE NOT NULL CHECK ("hours" > 0), UNIQUE("eventId", "date"))"#
        let rebuilt = IdentityColumns.addingColumns(to: create, renamedTo: "session_withUuid")!
        #expect(rebuilt.hasPrefix(#"CREATE TABLE "session_withUuid" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "uuid" TEXT NOT NULL UNIQUE DEFAULT (printf("#))
        #expect(rebuilt.hasSuffix(#", "originSite" TEXT, "hours" DOUBLE NOT NULL CHECK ("hours" > 0), UNIQUE("eventId", "date"))"#))
        // A comma inside a quoted name or a CHECK is not the end of the first column
        let quoted = #"CREATE TABLE "t" ("a,b" TEXT CHECK (length("a,b") IN (1, 2)), "c" TEXT)"#
        #expect(IdentityColumns.addingColumns(to: quoted, renamedTo: "t2")!.contains(#"IN (1, 2)), "uuid""#))
        #expect(IdentityColumns.addingColumns(to: "not sql", renamedTo: "x") == nil)
    }
}

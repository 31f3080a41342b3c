import GRDB

extension AppDatabase {
    /// The value of `PRAGMA application_id` that marks a SQLite file as a Malaka database ("MLKA").
    static let applicationID: Int32 = 0x4D4C_4B41

    /// The schema, one named migration at a time. A migration is never edited
    /// once it has shipped: a change to the schema is a new migration.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/lang_createtable.html>
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()

        migrator.registerMigration("Create the foundation schema") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")

            try db.create(table: "meta") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }

            try db.create(table: "region") { t in
                t.primaryKey("code", .text)
                t.column("country", .text).notNull().check { ["UZ", "KG"].contains($0) }
                t.column("nameEn", .text).notNull()
                t.column("nameRu", .text)
                t.column("nameUzLatn", .text)
                t.column("nameUzCyrl", .text)
                t.column("nameKy", .text)
            }

            try db.create(table: "district") { t in
                t.primaryKey("code", .text)
                t.column("regionCode", .text).notNull().references("region")
                t.column("nameEn", .text).notNull()
                t.column("nameRu", .text)
                t.column("nameUzLatn", .text)
                t.column("nameUzCyrl", .text)
                t.column("nameKy", .text)
            }
            try db.create(index: "district_on_regionCode", on: "district", columns: ["regionCode"])

            try db.create(table: "course") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("code", .text).notNull().unique()
                t.column("kind", .text).notNull()
                    .check(sql: "kind IN ('training', 'seminar', 'study-tour', 'meeting', 'round-table')")
                t.column("plannedHours", .double).notNull().check { $0 > 0 }
                t.column("sessionCount", .integer).notNull().check { $0 > 0 }
                t.column("minimumShare", .double).notNull().check(sql: "minimumShare BETWEEN 0 AND 1")
                t.column("lateCountsAsPresent", .boolean).notNull()
                t.column("excusedCounts", .boolean).notNull()
                t.column("audience", .jsonText).notNull()
                t.column("certificateTemplate", .text)
                t.column("summary", .text)
                t.column("sourceFile", .text)
            }

            try db.create(table: "courseTitle") { t in
                t.column("courseId", .integer).notNull().references("course", onDelete: .cascade)
                t.column("language", .text).notNull()
                    .check(sql: "language IN ('uz-Latn', 'uz-Cyrl', 'ky', 'ru', 'en')")
                t.column("title", .text).notNull().check(sql: "length(trim(title)) > 0")
                t.primaryKey(["courseId", "language"])
            }

            try db.create(table: "trainer") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().check(sql: "length(trim(name)) > 0")
                t.column("nameKey", .text).notNull().unique()
            }

            try db.create(table: "event") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("courseId", .integer).notNull().indexed().references("course", onDelete: .restrict)
                t.column("title", .text)
                t.column("regionCode", .text).notNull().indexed().references("region")
                t.column("districtCode", .text).references("district")
                t.column("locality", .text)
                t.column("venue", .text)
                t.column("organiser", .text)
                t.column("capacity", .integer).check(sql: "capacity IS NULL OR capacity > 0")
                t.column("status", .text).notNull().check(sql: "status IN ('planned', 'held', 'cancelled')")
                t.column("cancelReason", .text)
                t.column("startDate", .text).notNull()
                t.column("endDate", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.check(sql: "endDate >= startDate")
                t.check(sql: "status <> 'cancelled' OR cancelReason IS NOT NULL")
            }
            try db.create(index: "event_on_startDate", on: "event", columns: ["startDate"])

            try db.create(table: "eventTrainer") { t in
                t.column("eventId", .integer).notNull().references("event", onDelete: .cascade)
                t.column("trainerId", .integer).notNull().indexed().references("trainer", onDelete: .restrict)
                t.primaryKey(["eventId", "trainerId"])
            }

            try db.create(table: "session") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("eventId", .integer).notNull().references("event", onDelete: .cascade)
                t.column("date", .text).notNull().indexed()
                t.column("startTime", .text).notNull()
                t.column("endTime", .text).notNull()
                t.column("hours", .double).notNull().check { $0 > 0 }
                t.check(sql: "endTime > startTime")
                t.uniqueKey(["eventId", "date", "startTime"])
            }
            // A session lies within its event's dates.
            for operation in ["INSERT", "UPDATE"] {
                try db.execute(sql: """
                    CREATE TRIGGER session_within_event_\(operation.lowercased())
                    BEFORE \(operation) ON session
                    WHEN NEW.date NOT BETWEEN (SELECT startDate FROM event WHERE id = NEW.eventId)
                                          AND (SELECT endDate FROM event WHERE id = NEW.eventId)
                    BEGIN SELECT RAISE(ABORT, 'session outside its event''s dates'); END
                    """)
            }

            try db.create(table: "participant") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("fullName", .text).notNull().check(sql: "length(trim(fullName)) > 0")
                t.column("alternateName", .text)
                t.column("sex", .text).check(sql: "sex IS NULL OR sex IN ('female', 'male')")
                t.column("birthYear", .integer).check(sql: "birthYear IS NULL OR birthYear BETWEEN 1900 AND 2100")
                t.column("category", .text).notNull()
                    .check(sql: "category IN ('parent', 'ngo-staff', 'civil-servant', 'specialist', 'teacher', 'youth', 'other')")
                t.column("organisation", .text)
                t.column("phone", .text)
                t.column("regionCode", .text).indexed().references("region")
                t.column("districtCode", .text).references("district")
                t.column("locality", .text)
                t.column("language", .text)
                    .check(sql: "language IS NULL OR language IN ('uz-Latn', 'uz-Cyrl', 'ky', 'ru', 'en')")
                t.column("consentDate", .text)
                t.column("consentRecordedBy", .text)
                t.column("searchKey", .text).notNull()
                t.column("createdAt", .datetime).notNull()
            }

            try db.create(table: "enrollment") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("eventId", .integer).notNull().references("event", onDelete: .cascade)
                t.column("participantId", .integer).notNull().indexed().references("participant", onDelete: .restrict)
                t.column("enrolledAt", .datetime).notNull()
                t.uniqueKey(["eventId", "participantId"])
            }

            try db.create(table: "attendance") { t in
                t.column("enrollmentId", .integer).notNull().references("enrollment", onDelete: .cascade)
                t.column("sessionId", .integer).notNull().indexed().references("session", onDelete: .cascade)
                t.column("status", .text).notNull().check(sql: "status IN ('present', 'late', 'excused', 'absent')")
                t.column("markedAt", .datetime).notNull()
                t.primaryKey(["enrollmentId", "sessionId"])
            }
            // Attendance is only for a session of the event the person is enrolled in.
            for operation in ["INSERT", "UPDATE"] {
                try db.execute(sql: """
                    CREATE TRIGGER attendance_same_event_\(operation.lowercased())
                    BEFORE \(operation) ON attendance
                    WHEN (SELECT eventId FROM session WHERE id = NEW.sessionId)
                      IS NOT (SELECT eventId FROM enrollment WHERE id = NEW.enrollmentId)
                    BEGIN SELECT RAISE(ABORT, 'attendance for a session of another event'); END
                    """)
            }
            // A district given for an event or a participant lies in their region.
            for table in ["event", "participant"] {
                for operation in ["INSERT", "UPDATE"] {
                    try db.execute(sql: """
                        CREATE TRIGGER \(table)_district_in_region_\(operation.lowercased())
                        BEFORE \(operation) ON \(table)
                        WHEN NEW.districtCode IS NOT NULL
                         AND (NEW.regionCode IS NULL
                              OR (SELECT regionCode FROM district WHERE code = NEW.districtCode) IS NOT NEW.regionCode)
                        BEGIN SELECT RAISE(ABORT, 'district outside the region'); END
                        """)
                }
            }
        }

        migrator.registerMigration("Add certificates") { db in
            try db.create(table: "organisation") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().check(sql: "length(trim(name)) > 0")
                t.column("nameKey", .text).notNull().unique()
                t.column("serialFormat", .text).notNull()
                t.column("verificationURL", .text)
            }

            try db.create(table: "certificate") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("serial", .text).notNull().unique()
                // Serials are numbered without gaps within a series, e.g. all of "UZ-2019-".
                t.column("series", .text).notNull()
                t.column("sequence", .integer).notNull().check { $0 > 0 }
                t.column("eventId", .integer).notNull().indexed().references("event", onDelete: .restrict)
                t.column("participantId", .integer).notNull().indexed().references("participant", onDelete: .restrict)
                t.column("template", .text).notNull()
                t.column("language", .text).notNull().check(sql: "language IN ('uz-Latn', 'uz-Cyrl', 'ky', 'ru', 'en')")
                t.column("issueDate", .text).notNull()
                t.column("printedName", .text).notNull()
                t.column("sha256", .text).notNull().check(sql: "length(sha256) = 64")
                t.column("status", .text).notNull().check(sql: "status IN ('valid', 'revoked', 'superseded')")
                t.column("replacesSerial", .text).references("certificate", column: "serial")
                t.column("revokedReason", .text)
                t.column("createdAt", .datetime).notNull()
                t.uniqueKey(["series", "sequence"])
                t.check(sql: "status <> 'revoked' OR revokedReason IS NOT NULL")
            }
            // One valid certificate per person and event; re-issues supersede.
            try db.execute(sql: """
                CREATE UNIQUE INDEX certificate_one_valid_per_participation
                ON certificate (eventId, participantId) WHERE status = 'valid'
                """)
        }

        // Region summaries read every enrollment's marks of a period; with the status in the
        // index they never visit the attendance table itself (a fifth less work for a year of
        // a national programme).
        migrator.registerMigration("Add an index for region summaries") { db in
            try db.create(index: "attendance_on_enrollmentId_status", on: "attendance", columns: ["enrollmentId", "status"])
        }

        return migrator
    }
}

import Foundation
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

        migrator.registerMigration("Add signing keys") { db in
            // Public keys only: the private key stays in its owner-only file, named here.
            try db.create(table: "signingKey") { t in
                t.primaryKey("keyID", .text)
                t.column("organisation", .text).notNull()
                t.column("publicKey", .text).notNull().unique()
                t.column("privateKeyPath", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("retiredAt", .datetime)
            }
            // One key in use per organisation; retired keys stay to verify old certificates.
            try db.execute(sql: "CREATE UNIQUE INDEX signingKey_one_current ON signingKey (organisation) WHERE retiredAt IS NULL")
        }

        migrator.registerMigration("Add scheduling: time zones, study tour legs, waitlists and conflict overrides") { db in
            try db.create(table: "studyTour") { t in
                t.primaryKey("eventId", .integer).references("event", onDelete: .cascade)
                t.column("sendingOrganisation", .text)
                t.column("sendingRegionCode", .text).references("region")
                t.column("hostingOrganisation", .text)
                t.column("hostingRegionCode", .text).references("region")
            }

            try db.create(table: "studyTourLeg") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("eventId", .integer).notNull().indexed().references("event", onDelete: .cascade)
                t.column("position", .integer).notNull().check { $0 > 0 }
                t.column("hostOrganisation", .text).notNull().check(sql: "length(trim(hostOrganisation)) > 0")
                t.column("place", .text)
                t.column("regionCode", .text).notNull().references("region")
                t.column("districtCode", .text).references("district")
                t.column("startDate", .text).notNull()
                t.column("endDate", .text).notNull()
                t.column("visited", .text)
                t.check(sql: "endDate >= startDate")
                t.uniqueKey(["eventId", "position"])
            }
            try db.create(index: "studyTourLeg_on_regionCode_startDate", on: "studyTourLeg", columns: ["regionCode", "startDate"])

            // Each session keeps its wall-clock times and the zone of the place it is held in.
            try db.alter(table: "session") { t in
                t.add(column: "timeZone", .text).notNull().defaults(to: "Asia/Tashkent")
                    .check(sql: "timeZone IN ('Asia/Tashkent', 'Asia/Bishkek')")
                t.add(column: "legId", .integer).references("studyTourLeg", onDelete: .setNull)
                // Raised each time the session moves, for calendar programs (iCalendar SEQUENCE).
                t.add(column: "revision", .integer).notNull().defaults(to: 0)
            }
            try db.execute(sql: """
                UPDATE session SET timeZone = 'Asia/Bishkek'
                WHERE eventId IN (SELECT id FROM event WHERE regionCode LIKE 'KG-%')
                """)

            // People waiting for a place, first come first served; promotion moves them to enrollment.
            try db.create(table: "waitlist") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("eventId", .integer).notNull().references("event", onDelete: .cascade)
                t.column("participantId", .integer).notNull().indexed().references("participant", onDelete: .restrict)
                t.column("addedAt", .datetime).notNull()
                t.uniqueKey(["eventId", "participantId"])
            }
            for operation in ["INSERT", "UPDATE"] {
                try db.execute(sql: """
                    CREATE TRIGGER waitlist_not_enrolled_\(operation.lowercased())
                    BEFORE \(operation) ON waitlist
                    WHEN EXISTS (SELECT 1 FROM enrollment WHERE eventId = NEW.eventId AND participantId = NEW.participantId)
                    BEGIN SELECT RAISE(ABORT, 'waitlisted and enrolled at once'); END
                    """)
            }

            // Conflicts a coordinator scheduled anyway, allowing the conflict.
            try db.create(table: "scheduleOverride") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("eventId", .integer).notNull().indexed().references("event", onDelete: .cascade)
                t.column("otherEventId", .integer).indexed().references("event", onDelete: .setNull)
                t.column("kind", .text).notNull().check(sql: "kind IN ('trainer', 'venue', 'participant')")
                t.column("subjectKey", .text).notNull()
                t.column("description", .text).notNull()
                t.column("action", .text).notNull()
                t.column("recordedAt", .datetime).notNull()
            }

            // Sweeps by trainer and by place read these.
            try db.create(index: "event_on_regionCode_startDate", on: "event", columns: ["regionCode", "startDate"])
            try db.execute(sql: """
                INSERT OR IGNORE INTO meta (key, value) VALUES ('calendarId', lower(hex(randomblob(8))))
                """)
        }

        migrator.registerMigration("Add cross-script name keys to participants") { db in
            try db.alter(table: "participant") { t in
                t.add(column: "crossScriptKey", .text).notNull().defaults(to: "")
            }
            // Fill in the people registered before: the key is derived from the names, so it can always be rebuilt.
            let rows = try Row.fetchAll(db, sql: "SELECT id, fullName, alternateName FROM participant")
            let update = try db.makeStatement(sql: "UPDATE participant SET crossScriptKey = ? WHERE id = ?")
            for row in rows {
                let id: Int64 = row["id"]
                let key = Participant.crossScriptKey(fullName: row["fullName"], alternateName: row["alternateName"])
                try update.execute(arguments: [key, id])
            }
        }

        migrator.registerMigration("Add participant merges") { db in
            // One row per merge; no foreign keys, because the merged person is gone
            // and the kept one may later be merged in turn.
            try db.create(table: "participantMerge") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("keptParticipantId", .integer).notNull().indexed()
                t.column("mergedParticipantId", .integer).notNull().indexed()
                // Both records as they were just before the merge, as JSON: nothing typed about a person is lost.
                t.column("mergedRecord", .text).notNull()
                t.column("keptRecordBefore", .text).notNull()
                t.column("movedEnrollments", .integer).notNull()
                t.column("movedMarks", .integer).notNull()
                t.column("movedCertificates", .integer).notNull()
                t.column("mergedAt", .datetime).notNull()
            }
        }

        migrator.registerMigration("Add the pseudonymisation secret") { db in
            // Pseudonymised exports replace names and phones with HMACs under this key; it never leaves the database.
            var generator = SystemRandomNumberGenerator()
            let secret = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
            try db.execute(sql: "INSERT OR IGNORE INTO meta (key, value) VALUES ('pseudonym-secret', ?)", arguments: [secret])
        }

        // A bundle of 1,000 certificates renders in a quarter of a second, but hashing each
        // certificate's own PDF would mean rendering 1,000 single PDFs as well. So every
        // certificate records the SHA-256 of its canonical content (what it prints, cheap to
        // compute), and the SHA-256 of its own PDF once that PDF has been made.
        migrator.registerMigration("Certificates: content hash, and the PDF hash once the PDF is made") { db in
            try db.create(table: "newCertificate") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("serial", .text).notNull().unique()
                t.column("series", .text).notNull()
                t.column("sequence", .integer).notNull().check { $0 > 0 }
                t.column("eventId", .integer).notNull().references("event", onDelete: .restrict)
                t.column("participantId", .integer).notNull().references("participant", onDelete: .restrict)
                t.column("template", .text).notNull()
                t.column("language", .text).notNull().check(sql: "language IN ('uz-Latn', 'uz-Cyrl', 'ky', 'ru', 'en')")
                t.column("issueDate", .text).notNull()
                t.column("printedName", .text).notNull()
                // Null only for certificates recorded before this migration, until they are issued again.
                t.column("contentSHA256", .text).check(sql: "contentSHA256 IS NULL OR length(contentSHA256) = 64")
                // Null until the certificate's own PDF is made (issued or reissued to a folder).
                t.column("pdfSHA256", .text).check(sql: "pdfSHA256 IS NULL OR length(pdfSHA256) = 64")
                t.column("status", .text).notNull().check(sql: "status IN ('valid', 'revoked', 'superseded')")
                t.column("replacesSerial", .text).references("certificate", column: "serial")
                t.column("revokedReason", .text)
                t.column("createdAt", .datetime).notNull()
                t.uniqueKey(["series", "sequence"])
                t.check(sql: "status <> 'revoked' OR revokedReason IS NOT NULL")
            }
            try db.execute(sql: """
                INSERT INTO newCertificate (id, serial, series, sequence, eventId, participantId, template, language,
                  issueDate, printedName, contentSHA256, pdfSHA256, status, replacesSerial, revokedReason, createdAt)
                SELECT id, serial, series, sequence, eventId, participantId, template, language,
                  issueDate, printedName, NULL, sha256, status, replacesSerial, revokedReason, createdAt
                FROM certificate
                """)
            try db.drop(table: "certificate")
            try db.rename(table: "newCertificate", to: "certificate")
            try db.create(index: "certificate_on_eventId", on: "certificate", columns: ["eventId"])
            try db.create(index: "certificate_on_participantId", on: "certificate", columns: ["participantId"])
            try db.create(index: "certificate_on_replacesSerial", on: "certificate", columns: ["replacesSerial"])
            // One valid certificate per person and event; re-issues supersede.
            try db.execute(sql: """
                CREATE UNIQUE INDEX certificate_one_valid_per_participation
                ON certificate (eventId, participantId) WHERE status = 'valid'
                """)
        }

        migrator.registerMigration("Add certificate tokens") { db in
            // The signed token printed in the certificate's QR code, kept so a serial can be checked later.
            try db.alter(table: "certificate") { t in
                t.add(column: "token", .text)
            }
        }

        // Region summaries read every enrollment's marks of a period; with the status in the
        // index they never visit the attendance table itself (a fifth less work for a year of
        // a national programme).
        migrator.registerMigration("Add an index for region summaries") { db in
            try db.create(index: "attendance_on_enrollmentId_status", on: "attendance", columns: ["enrollmentId", "status"])
        }

        // A project or donor label on events (“UNICEF-2019”), for donor reports.
        migrator.registerMigration("Add project labels to events") { db in
            try db.alter(table: "event") { t in
                t.add(column: "project", .text)
            }
        }

        // A manager closes a reported period for a scope; while closed, triggers made for that lock
        // (see `PeriodLockTriggers`) refuse any change to its numbers. `periodLockEvent` records closes,
        // reopens and refused changes: a log shaped to be folded into the audit log later.
        migrator.registerMigration("Add period locks") { db in
            try db.create(table: "periodLock") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("label", .text).notNull()
                t.column("fromDate", .text).notNull()
                t.column("toDate", .text).notNull()
                t.column("scopeKind", .text).notNull().check(sql: "scopeKind IN ('all', 'country', 'region', 'district')")
                t.column("scopeCode", .text)
                t.column("reason", .text).notNull().check(sql: "length(trim(reason)) > 0")
                t.column("closedAt", .datetime).notNull()
                t.column("reopenedAt", .datetime)
                t.column("reopenReason", .text)
                t.check(sql: "toDate >= fromDate")
                t.check(sql: "reopenedAt IS NULL OR length(trim(reopenReason)) > 0")
                t.check(sql: "(scopeKind = 'all') = (scopeCode IS NULL)")
            }
            try db.create(table: "periodLockEvent") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("lockId", .integer).notNull().indexed().references("periodLock", onDelete: .restrict)
                t.column("action", .text).notNull().check(sql: "action IN ('close', 'reopen', 'refused')")
                t.column("at", .datetime).notNull()
                // The reason given for a close or reopen; for a refusal, the change refused (table and operation).
                t.column("detail", .text).notNull()
            }
        }

        registerSiteKeyMigrations(&migrator)
        registerChangeLogMigrations(&migrator)
        registerSyncMigrations(&migrator)
        registerAccountMigrations(&migrator)
        registerSyncMergeMigrations(&migrator)
        registerSyncRequestMigrations(&migrator)
        registerRowVersionMigrations(&migrator)
        registerLatestMergeMigrations(&migrator)
        registerSyncAliasIndexMigrations(&migrator)
        registerSyncRemovalMigrations(&migrator)
        registerReceivedScheduleMigrations(&migrator)
        registerMergeIndexMigrations(&migrator)
        registerChangeTapMigrations(&migrator)
        registerSessionDeletionIndexMigrations(&migrator)
        registerDeferredRowVersionMigrations(&migrator)
        registerCompactRowMigrations(&migrator)
        return migrator
    }
}

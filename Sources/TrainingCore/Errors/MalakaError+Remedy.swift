extension MalakaError {
    /// What the user can do about an error, as a value: each front end words it in its own terms.
    ///
    /// A command line words ``giveReason`` as its reason option, a web page as a hint beside
    /// the form's reason field. New remedies may be added; switch over them with a `default`.
    public enum Remedy: Sendable, Hashable {
        /// Where an action can be forced despite what it would lose or move.
        public enum ForcedAction: Sendable, Hashable {
            case unenroll, moveMarksWithSessions, moveSessionWithMarks, deleteSessionWithMarks
        }

        // MARK: Databases

        /// Create a database at this path, or point at an existing one.
        case createDatabase(path: String)
        /// Give the path of a Malaka database, or a new path to create one at.
        case giveMalakaDatabase
        /// Use a newer Malaka.
        case updateMalaka
        /// Run the same change again later.
        case tryAgain
        /// Bring the database's schema and settings up to date (the one at this path, when given,
        /// by someone who may write it).
        case bringDatabaseUpToDate(path: String?)

        // MARK: Finding what exists

        case listEvents
        case listCertificates
        case listRegions
        /// List the districts of a region, or of any region when nil.
        case showDistricts(ofRegion: String?)
        /// Search participants by name to find a number.
        case searchParticipants
        /// Show who is enrolled in an event.
        case showEnrolled(event: Int64)
        /// Show an event's attendance.
        case showAttendance(event: Int64)
        /// Load the course catalogue.
        case runCourseSync
        /// Give the folder the course catalogue is read from.
        case giveCatalogueDirectory

        // MARK: Missing or wrong inputs

        case giveName
        case giveRegionToo
        case giveConsentDate
        case giveReason
        /// Say what to change about a participant.
        case sayWhatToChange
        /// Say who attended: everyone, or each person's status.
        case sayWhoAttended
        /// Give the event's sessions: a first day and a number of days, or session dates.
        case giveSessions
        /// Give each trainer a name.
        case nameEachTrainer
        /// Give a capacity above 0, or none for no limit.
        case givePositiveCapacityOrNone
        /// Choose one of a day's sessions by its start time.
        case chooseStartTime
        /// Give another date, or new times.
        case giveAnotherDateOrTime
        /// Give the start of a period before its end.
        case giveFromBeforeTo
        /// Give the earlier date as the start of the period.
        case giveFromEarlierDate
        /// Give the region of a district report, or one district.
        case giveRegionOrDistrict
        /// Give the folder certificate templates are read from.
        case giveTemplatesFolder

        // MARK: Scheduling

        /// Go ahead anyway, losing or moving what the refusal names.
        case force(ForcedAction)
        /// Change the time, trainer or venue, or schedule anyway and record the override.
        case resolveConflictOrAllow
        /// Move the session inside the event's dates, or widen the event.
        case moveSessionOrWidenEvent
        /// Widen the event's dates first; or, if `orReschedule`, move the whole event.
        case widenEvent(Int64, orReschedule: Bool)
        /// Cancel the event rather than delete its last session.
        case cancelEventInstead(Int64)
        /// Let the recurrence end sooner (on this day, or after this many sessions), or end the event later.
        case endRecurrenceSooner(until: DayDate, count: Int)
        /// Start the recurrence earlier, or end the event later.
        case startRecurrenceEarlierOrExtendEvent
        /// End the recurrence later.
        case giveLaterUntil
        /// End the recurrence earlier, or give a number of sessions.
        case giveEarlierUntilOrCount

        // MARK: People and attendance

        /// Enroll the person (or, when nil, the registered person chosen) in the event first.
        case enrollFirst(event: Int64, participant: Int64?)
        /// Check the name, or register the person and enroll them in the event.
        case checkNameOrRegisterAndEnroll(event: Int64)
        /// Correct the attendance record that is wrong, then merge again.
        case correctAttendanceAndMergeAgain

        // MARK: Imported files

        /// Correct the rejected rows and import again, or import the other rows; `marks` for a sign-in sheet.
        case correctRowsOrSkipInvalid(count: Int, marks: Bool)
        /// Decide for the probable duplicates: take them as the registered people or as new ones, all or line by line.
        case chooseLinkOrNew
        /// Check the line numbers given for link and new-person decisions.
        case checkLinkLines
        /// Raise the event's capacity, import fewer people, or import without enrolling.
        case raiseCapacityOrImportWithoutEvent
        /// Add a header row, or map the columns (for example `C=name`).
        case addHeaderRowOrMapColumns(example: String)
        /// Map the column that gives this field (for example `B=name`).
        case mapColumn(example: String)
        /// Write a mapping in the form of these examples.
        case mapLike([String])
        /// Correct the header to a session (these, when given) or leave this column out.
        case correctSessionHeaderOrIgnore(sessions: String?, column: String)
        /// Leave one of two columns out.
        case ignoreOneColumn

        // MARK: Certificates

        /// Choose one of these languages, or another template.
        case chooseLanguageOrTemplate([DocumentLanguage])
        /// Choose another template, or add one with this name.
        case chooseTemplateOrAdd(String)
        /// Issue the event's certificates again (this event, when known), to sign and print them with tokens.
        case issueEventAgain(Int64?)
        /// Fix the problems and issue again; `canSkip` when the others could be issued now.
        case fixAndIssueAgain(canSkip: Bool)
        /// Say where certificates go: a folder, a bundle file, or both.
        case giveCertificateDestination
        case giveFolder
        case giveBundleFile
        /// Correct the participant's name.
        case correctName
        /// Correct the participant's name, or install a font with the character(s).
        case correctNameOrInstallFont(characterCount: Int)
        /// Shorten the organisation's verification link.
        case shortenVerificationLink
        /// Restore the private key from a backup, or make a new key for the organisation.
        case restoreOrReplaceKey(organisation: String)
        /// Make a signing key for the organisation.
        case generateKey(organisation: String)
        /// Have the programme's desk certify this site's public key, then trust the programme's keys file here.
        case certifySiteKey(site: String)
        /// Load the programme's public keys file into this database.
        case trustProgrammeKeys
        /// Make this database's key as a site.
        case generateSiteKey
        /// Ask the sending site to write the bundle again and send it by another way.
        case askForBundleAgain
        /// Give this database its site code and programme.
        case joinProgramme
        /// Record the other site, or load the programme's keys file that certifies it.
        case addOrTrustSite(site: String)

        // MARK: Sharing

        /// Pseudonymise the export, replacing names and phones with codes.
        case pseudonymize
    }
}

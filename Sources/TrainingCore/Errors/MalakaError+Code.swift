extension MalakaError {
    /// Which failure an error is, to test against: `error.code == .unknownEvent`.
    ///
    /// New codes may be added; switch over them with a `default`.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String

        private init(_ name: String) {
            self.name = name
        }

        /// An error made from a message alone, with no code of its own yet.
        public static let unspecified = Code("unspecified")
        public static let ambiguousParticipant = Code("ambiguousParticipant")
        /// A place name that fits several places (a district and a city of one name).
        public static let ambiguousPlace = Code("ambiguousPlace")
        public static let ambiguousSession = Code("ambiguousSession")
        public static let cannotMerge = Code("cannotMerge")
        public static let cannotPrint = Code("cannotPrint")
        /// A revoked or replaced certificate asked to be revoked or issued again.
        public static let certificateNotValid = Code("certificateNotValid")
        /// A conflict of the exchange that a person already resolved.
        public static let conflictResolved = Code("conflictResolved")
        public static let contradictoryMapping = Code("contradictoryMapping")
        public static let databaseBusy = Code("databaseBusy")
        public static let databaseOutOfDate = Code("databaseOutOfDate")
        public static let datesOutOfOrder = Code("datesOutOfOrder")
        public static let eventFull = Code("eventFull")
        /// A birth year before 1900 or after this year.
        public static let impossibleBirthYear = Code("impossibleBirthYear")
        public static let languageNotOffered = Code("languageNotOffered")
        public static let lastSession = Code("lastSession")
        public static let lineNotARow = Code("lineNotARow")
        public static let malformedMapping = Code("malformedMapping")
        public static let missingConsentDate = Code("missingConsentDate")
        public static let missingName = Code("missingName")
        public static let missingReason = Code("missingReason")
        public static let missingRegion = Code("missingRegion")
        public static let newerDatabase = Code("newerDatabase")
        public static let noDatabase = Code("noDatabase")
        public static let noDestination = Code("noDestination")
        public static let noHeaderRow = Code("noHeaderRow")
        public static let noNameColumn = Code("noNameColumn")
        /// A sign-in sheet's row whose name is nobody enrolled in the event.
        public static let nobodyByName = Code("nobodyByName")
        public static let noSessions = Code("noSessions")
        public static let noSigningKey = Code("noSigningKey")
        public static let nobodyCompleted = Code("nobodyCompleted")
        public static let notABirthYear = Code("notABirthYear")
        /// A cell that is no way of writing an age, or an age no one can have.
        public static let notAnAge = Code("notAnAge")
        public static let impossibleAge = Code("impossibleAge")
        /// A cell that is no way of writing a phone number.
        public static let notAPhoneNumber = Code("notAPhoneNumber")
        /// A date written with two digits for its year (1925 or 2025?).
        public static let twoDigitYear = Code("twoDigitYear")
        /// Text holding a control or direction-override character, which would print deceptively.
        public static let invisibleCharacter = Code("invisibleCharacter")
        /// Text that is no way of writing a date.
        public static let notADate = Code("notADate")
        /// A date written right of a day that does not exist (31 April).
        public static let noSuchDay = Code("noSuchDay")
        /// Text that is no year a report can cover.
        public static let notAReportYear = Code("notAReportYear")
        /// Text longer than its field allows.
        public static let textTooLong = Code("textTooLong")
        public static let notAFile = Code("notAFile")
        public static let notAFolder = Code("notAFolder")
        public static let notEnrolled = Code("notEnrolled")
        public static let notMalakaDatabase = Code("notMalakaDatabase")
        public static let nothingToDo = Code("nothingToDo")
        public static let outsideEventDates = Code("outsideEventDates")
        /// A change to the numbers of a period that is closed (``PeriodLock``).
        public static let periodClosed = Code("periodClosed")
        public static let recurrencePastEvent = Code("recurrencePastEvent")
        public static let rowsHaveProblems = Code("rowsHaveProblems")
        public static let scheduleConflict = Code("scheduleConflict")
        public static let sessionsOverlap = Code("sessionsOverlap")
        public static let tooManySessions = Code("tooManySessions")
        public static let undecidedDuplicates = Code("undecidedDuplicates")
        public static let unknownCertificate = Code("unknownCertificate")
        public static let unknownColumn = Code("unknownColumn")
        public static let unknownConflict = Code("unknownConflict")
        public static let unknownCourse = Code("unknownCourse")
        public static let unknownDistrict = Code("unknownDistrict")
        public static let unknownEvent = Code("unknownEvent")
        public static let unknownParticipant = Code("unknownParticipant")
        public static let unknownRegion = Code("unknownRegion")
        public static let unknownSession = Code("unknownSession")
        public static let unknownTemplate = Code("unknownTemplate")
        public static let unreadableFile = Code("unreadableFile")
        /// A cell of a sign-in sheet that is no attendance mark.
        public static let unrecognisedMark = Code("unrecognisedMark")
        /// A cell that is no way of writing a sex.
        public static let unrecognisedSex = Code("unrecognisedSex")
        public static let refusedBundle = Code("refusedBundle")
        /// A request of the exchange over HTTP that is unsigned, wrongly signed or too old.
        public static let refusedSyncRequest = Code("refusedSyncRequest")
        /// A request of the exchange over HTTP sent a second time.
        public static let replayedSyncRequest = Code("replayedSyncRequest")
        public static let uncertifiedSiteKey = Code("uncertifiedSiteKey")
        public static let unknownSite = Code("unknownSite")
        public static let unsignedCertificate = Code("unsignedCertificate")
        public static let unusableSigningKey = Code("unusableSigningKey")
        public static let valueOutOfRange = Code("valueOutOfRange")
        public static let wouldLoseMarks = Code("wouldLoseMarks")
        public static let wouldMoveMarks = Code("wouldMoveMarks")

        /// The code's name, such as `unknownEvent`.
        public var description: String { name }
    }
}

/// Every piece of wording a page shows, named once; each language's table words all of them.
///
/// Templates read a phrase as `{{t.name}}`, where `t` is the table of the reader's language.
enum Phrase: String, CaseIterable, Sendable {
    // Layout
    case appName, skipToContent, signedInAs, signOut, language, choose, home, sessionsNav, peopleNav, eventsNav, summaryNav
    case roleTrainer, roleCoordinator, roleManager, roleAdmin
    // Signing in
    case signInTitle, accountName, password, signIn, wrongPassword, tooManyAttempts, formExpired
    // Trainer
    case today, thisWeek, noSessions, sessionOf, markAttendance, openEvent, trainers, place, time
    // Attendance
    case attendanceTitle, present, late, excused, absent, notMarked, saved, saving, notSaved, saveMarks, nobodyEnrolled
    case marksSaved
    // People
    case registerPerson, fullName, alternateName, sex, female, male, unknown, birthYear, phone, category, region, district
    case register, likelyDuplicate, registerAnyway, useExisting, search, searchPeople, noResults, registered, alreadyRegistered
    case enrollIn, enrolled
    case categoryParent, categoryNgoStaff, categoryCivilServant, categorySpecialist, categoryTeacher, categoryYouth, categoryOther
    // Events and certificates
    case events, event, dates, completion, completed, notCompleted, attendanceRate, issueCertificates, downloadBundle
    case certificates, serial, status, revoke, reason, revoked, issuedCount, noCertificates, holder, statusValid
    case statusSuperseded, statusRevoked, revokeConfirm, certificateRevoked, sessionsCount, enrolledCount
    // Region summary
    case regionSummary, year, from, to, show, downloadCSV, total, byRegion, byDistrict, participantsReached
    case participations, sessions, hours, certificatesIssued, eventsHeld, chartTitle, country, allPlaces, grouping
    // Refusals
    case notFoundTitle, notFoundText, forbiddenTitle, forbiddenText, required, readOnly, notANumber, problem, whatToDo
    case scriptMismatch, downloadPDF, completedCount
    // Uploading a participant list or a sign-in sheet
    case importLink, importTitle, importUpload, importKind, importParticipantList, importSignInSheet, importFile, importWorksheet
    case importCheck, importPreviewTitle, importResultTitle, importRefusedTitle, importHeaderLine, importHeaderRow, importLine
    case importRow, importColumns, importColumn, importField, importProblems, importRows, importOutcome, importAdd, importLike
    case importAlready, importSameAs, importLinked, importUndecided, importSomeoneElsewhere, importOtherSpelling, importWouldAdd
    case importAdded, importWouldRecord, importRecorded, importHidden, importDecide, importOnDuplicate, importPolicyAsk
    case importPolicyLink, importPolicyNew, importSkipInvalid, importEmptyIsAbsent, importCheckAgain, importApply, importExpired
    case importChooseFile, importMoreRows, printSignInSheet
    case remedyCorrectRows, remedyChooseLinkOrNew, remedyEnrollFirst, remedyCheckName, remedyCapacity, remedyHeading
    case remedySessionHeading
    // Certificates: one file per person, correcting a name
    case downloadZip, correctName, newName, correctAndReissue, nameCorrected
    // The duplicate and conflict queues
    case duplicatesNav, duplicatesTitle, score, reasons, mergeKeep, merged, noDuplicates, likelyOnePerson
    case conflictsNav, conflictsTitle, keepLocal, keepIncoming, localVersion, incomingVersion, noConflicts, conflictResolved
    case fieldHeading, shownMeanwhile, personGone, conflictNumber
    // The core's errors of these forms, in the reader's language
    case errNobodyCompleted, errNoHeaderRow, errNoNameColumn, errUnknownCertificate, errRevokeReason, errRowsHaveProblems, errUndecided
    case errSex, errMark, errNobodyByName, errNameEmpty, errRegion, errDistrict, errBirthYear, errBirthYearRange
    case errAge, errAgeRange, errPhone, errTwoDigitYear, errInvisible, errUnknownConflict, errConflictResolved
    case errCannotMerge, mergeMarksDiffer, mergeBothAttended, mergeTwoCertificates
    case errBirthYearForm, errInvisibleField, errTooLong, errNotADate, errNoSuchDay, errReportYear, errPeriodOrder, errCannotPrint, errNoSigningKey, remedyCorrectName, remedyCorrectNameOrFont, badRequest, serverProblem, errPeriodClosed, errCertificateNotValid
    case importDecideRow, importByPolicy, signInWorkbook, importElsewhere, tooLarge
}

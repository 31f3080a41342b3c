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
}

import Documents
import Foundation
import TrainingCore

/// The one door between the pages and the database: every list, search, report, change and download a
/// page shows goes through here, with the signed-in person's ``Scope``.
///
/// Something outside the scope is ``Refusal/notFound``; a change by a role that only reads is
/// ``Refusal/forbidden``. Nothing here computes what the core computes: it asks the core and filters.
struct Access: Sendable {
    let database: AppDatabase
    let scope: Scope
    let desk: CertificateDesk
    /// Writes marks with the others tapped at the same moment.
    let marks: MarkCommitter
    /// Region summaries until the database changes.
    let summaries: SummaryCache

    // MARK: Events and sessions

    /// The sessions from one day to another in the scope, cancelled events left out.
    func sessions(from: DayDate, to: DayDate) throws -> [ScheduledSession] {
        try database.sessions(matching: SessionFilter(from: from, to: to, region: scope.region))
            .filter { scope.covers(regionCode: $0.regionCode, districtCode: $0.districtCode) }
    }

    /// The events in the scope, newest first.
    func events() throws -> [EventDetail] {
        try database.events(matching: EventFilter(region: scope.region))
            .filter { scope.covers(regionCode: $0.event.regionCode, districtCode: $0.event.districtCode) }
            .sorted { ($0.event.startDate, $0.id) > ($1.event.startDate, $1.id) }
    }

    func event(id: Int64) throws -> EventDetail {
        let detail: EventDetail
        do {
            detail = try database.eventDetail(id: id)
        } catch let error as MalakaError where error.code == .unknownEvent {
            throw Refusal.notFound
        }
        guard scope.covers(regionCode: detail.event.regionCode, districtCode: detail.event.districtCode) else { throw Refusal.notFound }
        return detail
    }

    func attendanceSheet(eventID: Int64) throws -> AttendanceSheet {
        _ = try event(id: eventID)
        return try database.attendanceSheet(eventID: eventID)
    }

    /// Records one person's mark for one session of an event in the scope, committed with the marks
    /// tapped at the same moment (see ``MarkCommitter``).
    func mark(eventID: Int64, sessionID: Int64, participantID: Int64, status: AttendanceStatus) throws {
        try checkWrites()
        guard let target = try database.markingTarget(eventID: eventID, sessionID: sessionID),
              scope.covers(regionCode: target.regionCode, districtCode: target.districtCode) else { throw Refusal.notFound }
        try marks.commit(AttendanceMarks(eventID: eventID, date: target.date, startTime: target.startTime, marks: [participantID: status]),
                         actor: database.actor, days: target.days)
    }

    // MARK: People

    func participant(id: Int64) throws -> Participant {
        let person: Participant
        do {
            person = try database.participant(id: id)
        } catch let error as MalakaError where error.code == .unknownParticipant {
            throw Refusal.notFound
        }
        guard try sees(person) else { throw Refusal.notFound }
        return person
    }

    /// People whose name has every word of the query, in either script, who live or train in the scope.
    func searchParticipants(_ query: String) throws -> [Participant] {
        try database.searchParticipants(query).filter(sees)
    }

    func sees(_ person: Participant) throws -> Bool {
        if scope.covers(regionCode: person.regionCode, districtCode: person.districtCode) { return true }
        return try database.eventPlaces(ofParticipant: person.id!).contains { scope.covers(regionCode: $0.regionCode, districtCode: $0.districtCode) }
    }

    /// Registers a person in the scope (in the person's own region when given, else the visitor's), and
    /// enrolls them in an event of the scope when one is chosen.
    func register(_ draft: ParticipantDraft, choice: DuplicateChoice, enrollIn eventID: Int64?) throws -> ParticipantRegistration {
        try checkWrites()
        var draft = draft
        if draft.region == nil { draft.region = scope.regionCode }
        if draft.district == nil && scope.role == .trainer { draft.district = scope.districtCode }
        if let region = draft.region, scope.role != .admin {
            let code = try Gazetteer.bundled.region(matching: region).code
            guard code == scope.regionCode else { throw Refusal.forbidden }
        }
        if let eventID { _ = try event(id: eventID) }
        let registration = try database.registerParticipant(draft, ifLikelyDuplicate: choice)
        if let eventID { try database.enroll(eventID: eventID, participantIDs: [registration.participant.id!]) }
        return registration
    }

    /// Enrolls a person the scope sees in an event of the scope.
    func enroll(eventID: Int64, participantID: Int64) throws {
        try checkWrites()
        _ = try event(id: eventID)
        _ = try participant(id: participantID)
        try database.enroll(eventID: eventID, participantIDs: [participantID])
    }

    // MARK: Certificates

    func certificates(eventID: Int64) throws -> [Certificate] {
        _ = try event(id: eventID)
        return try database.certificates(eventID: eventID)
    }

    /// Issues an event's certificates to everyone who completed it and keeps their bundle for download.
    func issueCertificates(eventID: Int64) throws -> IssueReport {
        try checkCertificates()
        _ = try event(id: eventID)
        return try desk.issue(eventID: eventID, database: database)
    }

    /// The bundle PDF last issued for an event of the scope.
    func certificateBundle(eventID: Int64) throws -> Data {
        try checkCertificates()
        _ = try event(id: eventID)
        guard let data = desk.bundle(eventID: eventID) else { throw Refusal.notFound }
        return data
    }

    /// Revokes a certificate of an event of the scope; a serial of another event is not found.
    func revokeCertificate(serial: String, reason: String, eventID: Int64) throws -> Certificate {
        try checkCertificates()
        _ = try certificate(serial: serial, eventID: eventID)
        return try database.revokeCertificate(serial: serial, reason: reason)
    }

    // MARK: Reports

    /// A region summary narrowed to the scope: a place asked for outside it is not found.
    func regionSummary(_ request: RegionSummaryRequest) throws -> RegionSummary {
        guard scope.role.readsSummaries else { throw Refusal.forbidden }
        var request = request
        switch request.scope {
        case .all:
            request.scope = scope.reportScope
        case .country(let code):
            guard scope.role == .admin || (scope.regionCode == nil && scope.country == code) else { throw Refusal.notFound }
        case .region(let code):
            guard scope.covers(regionCode: code, districtCode: nil) else { throw Refusal.notFound }
        case .district(let code):
            guard let district = Gazetteer.bundled.district(code: code),
                  scope.covers(regionCode: district.regionCode, districtCode: code) else { throw Refusal.notFound }
        }
        return try summaries.summary(request)
    }

    // MARK: Roles

    func checkWrites() throws {
        guard scope.role.canWrite else { throw Refusal.forbidden }
    }

    func checkCertificates() throws {
        guard scope.role.handlesCertificates else { throw Refusal.forbidden }
    }
}

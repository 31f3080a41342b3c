import Foundation
import Hummingbird
import TrainingCore

/// The events of a place, an event's completion table and its certificates: issue them, download the
/// bundle, revoke one with a reason.
struct EventRoutes: Sendable {
    let pages: PageRenderer
    let access: @Sendable (WebContext) throws -> Access

    func add(to router: Router<WebContext>) {
        router.page("/events") { _, context in try events(context: context) }
        router.page("/events/:event") { _, context in try event(context: context) }
        router.form("/events/:event/certificates", .report) { _, _, context in try issue(context: context) }
        router.page("/events/:event/certificates.pdf", .report) { _, context in try bundle(context: context) }
        router.form("/events/:event/revoke") { form, _, context in try revoke(form: form, context: context) }
        router.page("/events/:event/certificates.zip", .report) { _, context in try zip(context: context) }
        router.form("/events/:event/correct") { form, _, context in try correct(form: form, context: context) }
    }

    private func events(context: WebContext) throws -> Response {
        let words = context.words
        let events = try access(context).events()
        return pages.page("events", title: words[.events], values: [
            "events": events.prefix(500).map { detail in
                [
                    "id": detail.id, "title": detail.title(in: context.language),
                    "dates": "\(words.date(detail.event.startDate)) – \(words.date(detail.event.endDate))",
                    "place": PlaceNames.place(region: detail.event.regionCode, district: detail.event.districtCode, in: context.language),
                    "enrolled": words.number(detail.enrolledCount), "status": detail.event.status.rawValue,
                ] as [String: Any]
            },
            "none": events.isEmpty,
        ], context: context)
    }

    private func event(context: WebContext, notice: String? = nil, errors: [String: String] = [:],
                       status: HTTPResponse.Status = .ok) throws -> Response {
        let eventID = try context.parameters.require("event", as: Int64.self)
        let access = try access(context)
        let words = context.words
        let sheet = try access.attendanceSheet(eventID: eventID)
        let role = try context.signedIn().account.role
        let certificates = role.handlesCertificates ? try access.certificates(eventID: eventID) : []
        let names = Dictionary(sheet.rows.map { ($0.participant.id!, $0.participant.fullName) }, uniquingKeysWith: { first, _ in first })
        return pages.page("event", title: sheet.event.title(in: context.language), values: [
            "eventID": eventID,
            "dates": "\(words.date(sheet.event.event.startDate)) – \(words.date(sheet.event.event.endDate))",
            "place": PlaceNames.place(region: sheet.event.event.regionCode, district: sheet.event.event.districtCode, in: context.language),
            "sessionCount": words.number(sheet.sessions.count), "enrolled": words.number(sheet.rows.count),
            "completedCount": words.number(sheet.completedCount),
            "rows": sheet.rows.map { row in
                [
                    "name": row.participant.fullName,
                    "credited": "\(row.standing.creditedSessions) / \(row.standing.sessionCount)",
                    "rate": words.number(Int((row.standing.rate * 100).rounded())) + " %",
                    "completion": row.standing.isComplete ? words[.completed] : words[.notCompleted],
                    "complete": row.standing.isComplete,
                ] as [String: Any]
            },
            "canMark": role.canWrite && !sheet.sessions.isEmpty,
            "canImport": role.canWrite,
            "handlesCertificates": role.handlesCertificates,
            "certificates": certificates.map { certificate in
                [
                    "serial": certificate.serial, "holder": names[certificate.participantId] ?? certificate.printedName,
                    "status": certificateStatus(certificate.status, words), "valid": certificate.status == .valid,
                    "reason": certificate.revokedReason ?? "",
                ] as [String: Any]
            },
            "hasCertificates": !certificates.isEmpty,
            "issuedCount": words.format(.issuedCount, words.number(certificates.filter { $0.status == .valid }.count)),
            "notice": notice as Any, "errors": errors,
        ], context: context, status: status)
    }

    private func certificateStatus(_ status: Certificate.Status, _ words: Words) -> String {
        switch status {
        case .valid: words[.statusValid]
        case .revoked: words[.statusRevoked]
        case .superseded: words[.statusSuperseded]
        }
    }

    private func issue(context: WebContext) throws -> Response {
        let eventID = try context.parameters.require("event", as: Int64.self)
        let words = context.words
        do {
            let report = try access(context).issueCertificates(eventID: eventID)
            return try event(context: context, notice: words.format(.issuedCount, words.number(report.certificates.count)))
        } catch let error as MalakaError {
            let worded = ErrorWording(words).word(error)
            return try event(context: context, errors: ["issue": worded.message + (worded.remedy.map { " " + $0 } ?? "")], status: .badRequest)
        } catch let refusal as ScriptMismatchRefusal {
            return try event(context: context, errors: ["issue": ErrorWording(words).scriptMismatch(refusal)], status: .badRequest)
        }
    }

    private func bundle(context: WebContext) throws -> Response {
        let eventID = try context.parameters.require("event", as: Int64.self)
        let data = try access(context).certificateBundle(eventID: eventID)
        return Response(status: .ok, headers: [
            .contentType: "application/pdf", .cacheControl: "no-store",
            .contentDisposition: "attachment; filename=\"event-\(eventID)-certificates.pdf\"",
        ], body: .init(byteBuffer: ByteBuffer(data: data)))
    }

    private func zip(context: WebContext) throws -> Response {
        let eventID = try context.parameters.require("event", as: Int64.self)
        let data = try access(context).certificateZip(eventID: eventID)
        return Response(status: .ok, headers: [
            .contentType: "application/zip", .cacheControl: "no-store",
            .contentDisposition: "attachment; filename=\"event-\(eventID)-certificates.zip\"",
        ], body: .init(byteBuffer: ByteBuffer(data: data)))
    }

    /// Corrects a holder's name and issues their certificate again; a problem is shown beside the certificate.
    private func correct(form: FormData, context: WebContext) throws -> Response {
        let words = context.words
        guard let serial = form["serial"] else { throw Refusal.notFound }
        let eventID = try context.parameters.require("event", as: Int64.self)
        let access = try access(context)
        guard let name = form["fullName"] else {
            try access.checkCertificates()
            _ = try access.certificate(serial: serial, eventID: eventID)
            return try event(context: context, errors: ["correct": "\(serial): \(words[.newName]): \(words[.required])"], status: .badRequest)
        }
        do {
            let (person, issued) = try access.correctName(serial: serial, fullName: name, eventID: eventID)
            return try event(context: context, notice: words.format(.nameCorrected, person.fullName, issued.serial, serial))
        } catch let error as MalakaError {
            let worded = ErrorWording(words).word(error)
            return try event(context: context, errors: ["correct": "\(serial): \(words[.newName]): \(worded.sentence)"], status: .badRequest)
        } catch let refusal as ScriptMismatchRefusal {
            return try event(context: context, errors: ["correct": ErrorWording(words).scriptMismatch(refusal)], status: .badRequest)
        }
    }

    private func revoke(form: FormData, context: WebContext) throws -> Response {
        let words = context.words
        guard let serial = form["serial"] else { throw Refusal.notFound }
        guard let reason = form["reason"] else {
            return try event(context: context, errors: ["revoke": "\(serial): \(words[.reason]): \(words[.required])"], status: .badRequest)
        }
        let eventID = try context.parameters.require("event", as: Int64.self)
        let certificate = try access(context).revokeCertificate(serial: serial, reason: reason, eventID: eventID)
        return try event(context: context, notice: words.format(.certificateRevoked, certificate.serial))
    }
}

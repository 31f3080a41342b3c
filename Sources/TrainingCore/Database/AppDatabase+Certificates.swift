import Crypto
import Foundation
import GRDB

extension AppDatabase {
    /// The verification link used when an organisation has not set its own.
    public static let defaultVerificationURL = "https://example.org/verify/"

    /// Works out who gets a certificate for an event and what each will say, without issuing anything.
    ///
    /// Everyone who met the course's completion rule qualifies; people named in
    /// the request who did not are listed in ``CertificatePlan/problems``.
    /// A person who already holds a valid certificate for the event gets it again,
    /// unchanged. A person whose certificate for the event was revoked is left out
    /// (see ``CertificatePlan/notes``) unless named in the request.
    ///
    /// - Parameter templateLanguages: the languages a template can print, first the default; throws for an unknown template.
    public func planCertificates(_ request: CertificateRequest, templateLanguages: (String) throws -> [DocumentLanguage]) throws -> CertificatePlan {
        try read { db in
            let detail = try eventDetail(db, id: request.eventID)
            guard detail.event.status != .cancelled else {
                throw MalakaError.data("Event \(request.eventID) was cancelled; it has no certificates to issue.")
            }
            let rule = detail.course.course.completionRule
            let named = Set(request.participantIDs)
            // Only the people who will get a certificate are kept, so a plan of 10,000 stays small.
            let standings = try attendanceStandings(db, detail: detail, rule: rule) { id, standing in
                named.isEmpty ? standing.isComplete : named.contains(id)
            }
            let enrolledIDs = Set(standings.map(\.id))
            var otherNames: [Int64: String] = [:]
            for id in request.participantIDs where !enrolledIDs.contains(id) && otherNames[id] == nil {
                otherNames[id] = try participant(db, id: id).fullName
            }
            let issued = try certificatesByParticipant(db, eventID: detail.id)
            let organisation = try organisationSettings(db, for: detail.event.organiser)
            let wording = try certificateWording(db, detail: detail)
            let defaultTemplate = request.template ?? detail.course.course.certificateTemplate ?? "participation"
            let today = request.issueDate ?? DayDate.today
            var languages: [String: [DocumentLanguage]] = [:]
            func languagesOf(_ template: String) throws -> [DocumentLanguage] {
                if let known = languages[template] { return known }
                let found = try templateLanguages(template)
                languages[template] = found
                return found
            }
            if let asked = request.language {
                let offered = try languagesOf(defaultTemplate)
                guard offered.contains(asked) else {
                    throw MalakaError(.data, .languageNotOffered, "The template “\(defaultTemplate)” prints \(offered.map(\.rawValue).joined(separator: ", ")) only, not \(asked.rawValue).",
                                      subject: .template(name: defaultTemplate), remedy: .chooseLanguageOrTemplate(offered))
                }
            }
            let series = organisation.format.series(regionCode: detail.event.regionCode, year: today.year,
                                                    courseCode: detail.course.course.code)
            let selection = CertificateSelection(eventID: detail.id, named: request.participantIDs, standings: standings,
                                                 minimumShare: rule.minimumShare, otherNames: otherNames, issued: issued)
            let decision = try selection.decide(template: defaultTemplate, language: request.language, issueDate: today,
                                                format: organisation.format, series: series,
                                                firstSequence: try nextNumber(db, series: series), languagesOf: languagesOf)
            let (items, problems, notes) = (decision.items, decision.problems, decision.notes)
            if !request.allowOtherScript {
                let mismatches = items.compactMap(ScriptMismatch.of)
                if !mismatches.isEmpty { throw ScriptMismatchRefusal(mismatches: mismatches) }
            }
            var plan = CertificatePlan(event: detail, items: items, problems: problems, notes: notes, wording: wording,
                                       organisation: organisation)
            plan.sexes = try sexes(db, eventID: detail.id)
            return plan
        }
    }

    /// How many certificates ``issueCertificates(_:digest:produce:finish:)`` hands to `produce` at a time.
    public static let certificateChunkSize = 256

    /// Issues the planned certificates in one transaction, in which `produce` makes their PDFs.
    ///
    /// Serials are assigned inside the transaction, so two issuers, even in two
    /// processes, never share one and leave no gap. A person who holds a valid
    /// certificate for the event by then gets that one again, with its serial.
    /// `digest` gives each certificate's content hash. `produce` is called with
    /// consecutive chunks of at most ``certificateChunkSize`` certificates, in order,
    /// as they will be recorded; it makes their PDFs and returns for each the SHA-256
    /// of its own PDF, or nil when it made none. `finish` runs after the last chunk,
    /// still inside the transaction. If either throws, nothing is issued.
    ///
    /// Nothing is kept of a chunk once it is recorded, so that issuing 10,000
    /// certificates needs no more memory than issuing 1,000: `produce` sees every
    /// certificate, and keeps what its caller needs. For the same reason, an issue
    /// of more than one chunk records each chunk as its own change-log entry
    /// (“certificates 257–512 of 1000, issued together”), all in the one transaction.
    ///
    /// For example:
    /// ```swift
    /// let plan = try database.planCertificates(CertificateRequest(eventID: 1)) { _ in [.uzbekLatin] }
    /// let totals = try database.issueCertificates(plan, digest: renderer.contentDigest(of:)) { chunk in
    ///     try chunk.map { try writePDF($0.content) }   // hashes of the PDFs written
    /// }
    /// ```
    @discardableResult
    public func issueCertificates(
        _ plan: CertificatePlan,
        keys: IssuingKeys,
        digest: (CertificateContent) throws -> String,
        produce: ([IssuedCertificate]) throws -> [String?],
        finish: () throws -> Void = {}
    ) throws -> IssueTotals {
        try issueCertificates(plan, keys: keys, checkingEachChunk: { _ in }, digest: digest, produce: produce, finish: finish)
    }

    /// ``issueCertificates(_:keys:digest:produce:finish:)``, calling `check` before each chunk is numbered with the
    /// positions in `plan.items` of its certificates, still inside the transaction: if it throws, nothing is issued.
    /// A caller can check the certificates a chunk at a time just before they are drawn, and keep what the check made.
    @discardableResult
    public func issueCertificates(
        _ plan: CertificatePlan,
        keys: IssuingKeys,
        checkingEachChunk check: (Range<Int>) throws -> Void,
        digest: (CertificateContent) throws -> String,
        produce: ([IssuedCertificate]) throws -> [String?],
        finish: () throws -> Void = {}
    ) throws -> IssueTotals {
        let signer = TokenSigner(detail: plan.event, keys: keys)
        do {
            return try write(.issueCertificate) { db in
                var totals = try issueCertificates(db, plan, signer: signer, check: check, digest: digest, produce: produce)
                try finish()
                totals.createdKey = signer.created
                return totals
            }
        } catch {
            signer.discardCreatedKey()
            throw error
        }
    }

    private func issueCertificates(
        _ db: Database, _ plan: CertificatePlan, signer: TokenSigner,
        check: (Range<Int>) throws -> Void,
        digest: (CertificateContent) throws -> String,
        produce: ([IssuedCertificate]) throws -> [String?]
    ) throws -> IssueTotals {
        let detail = plan.event
        let organisation = try organisationSettings(db, for: detail.event.organiser)
        let wording = plan.wording
        let held = try certificatesByParticipant(db, eventID: detail.id)
        // One prepared statement for the batch: a record insert per certificate costs more than drawing its page.
        let insert = try db.cachedStatement(sql: """
            INSERT INTO certificate (serial, series, sequence, eventId, participantId, template, language, issueDate,
              printedName, contentSHA256, pdfSHA256, status, replacesSerial, revokedReason, createdAt, token)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var nextSequence: [String: Int] = [:]
        // The series depends only on the issue year here (the event and organisation are the batch's): made once a year.
        var seriesOfYear: [Int: String] = [:]
        var totals = IssueTotals(count: 0, new: 0, printedDifferently: 0)
        var start = plan.items.startIndex
        while start < plan.items.endIndex {
            let end = min(plan.items.endIndex, start + Self.certificateChunkSize)
            try check(start..<end)
            var chunk: [IssuedCertificate] = []
            chunk.reserveCapacity(end - start)
            var signedNow = Set<Int64>()
            for item in plan.items[start..<end] {
                if var existing = held[item.participantID]?.first(where: { $0.status == .valid }) {
                    if existing.token == nil {
                        // Issued before tokens existed: it is signed now, once, and printed with that token from now on.
                        existing.token = try signer.token(for: existing, db)
                        signedNow.insert(existing.participantId)
                    }
                    var content = wording.content(for: existing, organisation: organisation)
                    content.participantSex = plan.sexes[existing.participantId]
                    let contentHash = try digest(content)
                    chunk.append(IssuedCertificate(
                        certificate: existing, content: content, isNew: false,
                        printsDifferently: existing.contentSHA256.map { $0 != contentHash } ?? false,
                        contentSHA256: contentHash))
                    continue
                }
                let series = seriesOfYear[item.issueDate.year] ?? organisation.format.series(
                    regionCode: detail.event.regionCode, year: item.issueDate.year, courseCode: detail.course.course.code)
                seriesOfYear[item.issueDate.year] = series
                let sequence = try nextSequence[series] ?? nextNumber(db, series: series)
                nextSequence[series] = sequence + 1
                var content = plan.content(of: item)
                content.serial = organisation.format.serial(series: series, sequence: sequence)
                content.verificationURL = organisation.verificationURL + content.serial
                var certificate = Certificate(
                    id: nil, serial: content.serial, series: series, sequence: sequence, eventId: detail.id,
                    participantId: item.participantID, template: content.template, language: content.language,
                    issueDate: content.issueDate, printedName: content.participantName, contentSHA256: nil,
                    pdfSHA256: nil, status: .valid, replacesSerial: content.replacesSerial, revokedReason: nil,
                    createdAt: .databaseNow)
                certificate.token = try signer.token(for: certificate, db)
                content.token = certificate.token
                // The hash covers the QR code, so it is taken once the token is in the content.
                let contentHash = try digest(content)
                certificate.contentSHA256 = contentHash
                chunk.append(IssuedCertificate(certificate: certificate, content: content, isNew: true,
                                               printsDifferently: false, contentSHA256: contentHash))
            }
            let pdfHashes = try produce(chunk)
            precondition(pdfHashes.count == chunk.count, "produce must return one PDF hash, or nil, per certificate")
            for index in chunk.indices {
                var certificate = chunk[index].certificate
                let before = certificate
                certificate.contentSHA256 = chunk[index].contentSHA256
                if let pdfHash = pdfHashes[index] { certificate.pdfSHA256 = pdfHash }
                if chunk[index].isNew {
                    try insert.execute(arguments: [
                        certificate.serial, certificate.series, certificate.sequence, certificate.eventId,
                        certificate.participantId, certificate.template, certificate.language, certificate.issueDate,
                        certificate.printedName, certificate.contentSHA256, certificate.pdfSHA256, certificate.status,
                        certificate.replacesSerial, certificate.revokedReason, certificate.createdAt, certificate.token,
                    ])
                    certificate.id = db.lastInsertedRowID
                } else if certificate != before || signedNow.contains(certificate.participantId) {
                    // Printed now from a changed template or fonts: the serial stays, the record says what was printed last.
                    try certificate.update(db)
                }
                totals.count += 1
                if chunk[index].isNew { totals.new += 1 }
                if chunk[index].printsDifferently { totals.printedDifferently += 1 }
            }
            if plan.items.count > Self.certificateChunkSize {
                // Each chunk is an entry of its own in the change log, still in this one transaction: an entry
                // holds its rows as one value, so one entry for 10,000 certificates made memory grow with them.
                let first = start - plan.items.startIndex + 1, last = end - plan.items.startIndex
                try ChangeRecorder(actor: actor).recordCaptured(
                    .issueCertificate, detail: "certificates \(first)–\(last) of \(plan.items.count), issued together", in: db)
            }
            start = end
        }
        return totals
    }

    /// Issues a new certificate in place of one whose details were wrong, e.g. a misspelt name.
    ///
    /// The new certificate gets a new serial that records the one it replaces; the
    /// old one is marked superseded. The person's current name is printed. As with
    /// ``issueCertificates(_:digest:produce:)``, `produce` makes the PDF inside the
    /// transaction and returns its hash, or nil; if it throws, nothing changes.
    public func reissueCertificate(
        serial: String, language: DocumentLanguage? = nil, issueDate: DayDate? = nil, keys: IssuingKeys,
        digest: (CertificateContent) throws -> String,
        produce: (IssuedCertificate) throws -> String?
    ) throws -> IssuedCertificate {
        var signer: TokenSigner?
        do {
            return try write(.reissueCertificate) { db in
                try reissueCertificate(db, serial: serial, language: language, issueDate: issueDate, keys: keys,
                                       digest: digest, produce: produce) { signer = $0 }
            }
        } catch {
            signer?.discardCreatedKey()
            throw error
        }
    }

    private func reissueCertificate(
        _ db: Database, serial: String, language: DocumentLanguage?, issueDate: DayDate?, keys: IssuingKeys,
        digest: (CertificateContent) throws -> String,
        produce: (IssuedCertificate) throws -> String?,
        signerMade: (TokenSigner) -> Void
    ) throws -> IssuedCertificate {
        var old = try certificate(db, serial: serial)
        guard old.status == .valid else {
            throw MalakaError(.data, .certificateNotValid, "Certificate \(old.serial) is \(old.status.rawValue); only a valid certificate can be re-issued.",
                              subject: .certificate(serial: old.serial))
        }
        let detail = try eventDetail(db, id: old.eventId)
        let signer = TokenSigner(detail: detail, keys: keys)
        signerMade(signer)
        let person = try participant(db, id: old.participantId)
        let organisation = try organisationSettings(db, for: detail.event.organiser)
        let day = issueDate ?? DayDate.today
        let series = organisation.format.series(regionCode: detail.event.regionCode, year: day.year, courseCode: detail.course.course.code)
        let sequence = try nextNumber(db, series: series)
        let chosenLanguage = language ?? old.language
        var content = try certificateWording(db, detail: detail).content(
            name: printedName(of: person, in: chosenLanguage), language: chosenLanguage, template: old.template,
            serial: organisation.format.serial(series: series, sequence: sequence), issueDate: day,
            organisation: organisation, replaces: old.serial)
        content.participantSex = person.sex
        var certificate = Certificate(
            id: nil, serial: content.serial, series: series, sequence: sequence, eventId: old.eventId,
            participantId: old.participantId, template: old.template, language: chosenLanguage, issueDate: day,
            printedName: content.participantName, contentSHA256: nil, pdfSHA256: nil,
            status: .valid, replacesSerial: old.serial, revokedReason: nil, createdAt: .databaseNow)
        certificate.token = try signer.token(for: certificate, db)
        content.token = certificate.token
        let contentHash = try digest(content)
        certificate.contentSHA256 = contentHash
        var issued = IssuedCertificate(certificate: certificate, content: content, isNew: true, printsDifferently: false,
                                       contentSHA256: contentHash, createdKey: signer.created)
        issued.certificate.pdfSHA256 = try produce(issued)
        old.status = .superseded
        try old.update(db)
        try issued.certificate.insert(db)
        return issued
    }

    /// Withdraws a certificate, keeping it on record with the reason.
    @discardableResult
    public func revokeCertificate(serial: String, reason: String) throws -> Certificate {
        let reason = reason.trimmingSpaces()
        guard !reason.isEmpty else { throw MalakaError(.usage, .missingReason, "Say why the certificate is revoked.", subject: .certificate(serial: serial), remedy: .giveReason) }
        return try write(.revokeCertificate) { db in
            var certificate = try certificate(db, serial: serial)
            guard certificate.status == .valid else {
                throw MalakaError(.data, .certificateNotValid, "Certificate \(certificate.serial) is already \(certificate.status.rawValue).",
                                  subject: .certificate(serial: certificate.serial))
            }
            certificate.status = .revoked
            certificate.revokedReason = reason
            try certificate.update(db)
            // A certificate revoked here only as a second one of the participation (a merge met in an exchange) takes its place.
            try SecondCertificates.settle(db, event: certificate.eventId, participant: certificate.participantId)
            return certificate
        }
    }

    /// Certificates in order of serial, optionally of one event, person or status.
    public func certificates(eventID: Int64? = nil, participantID: Int64? = nil, status: Certificate.Status? = nil) throws -> [Certificate] {
        try read { db in
            var request = Certificate.order(Certificate.Columns.series, Certificate.Columns.sequence)
            if let eventID { request = request.filter(Certificate.Columns.eventId == eventID) }
            if let participantID { request = request.filter(Certificate.Columns.participantId == participantID) }
            if let status { request = request.filter(Certificate.Columns.status == status) }
            return try request.fetchAll(db)
        }
    }

    /// One certificate by serial.
    public func certificate(serial: String) throws -> Certificate {
        try read { db in try certificate(db, serial: serial) }
    }

    /// The certificate re-issued in place of this one, if any.
    public func replacement(ofCertificate serial: String) throws -> Certificate? {
        try read { db in
            try Certificate.filter(Certificate.Columns.replacesSerial == serial.trimmingSpaces()).fetchOne(db)
        }
    }

    /// What a stored certificate prints, for showing or re-rendering it.
    public func certificateContent(serial: String) throws -> CertificateContent {
        try read { db in
            let certificate = try certificate(db, serial: serial)
            let detail = try eventDetail(db, id: certificate.eventId)
            var content = try certificateWording(db, detail: detail)
                .content(for: certificate, organisation: try organisationSettings(db, for: detail.event.organiser))
            content.participantSex = try participant(db, id: certificate.participantId).sex
            return content
        }
    }

    /// The event's certificates' wording, with its place named as the database's copy of the gazetteer names it.
    func certificateWording(_ db: Database, detail: EventDetail) throws -> CertificateWording {
        CertificateWording(detail: detail,
                           region: try placeNames(db, table: .region, code: detail.event.regionCode),
                           district: try detail.event.districtCode.flatMap { try placeNames(db, table: .district, code: $0) })
    }

    private func certificate(_ db: Database, serial: String) throws -> Certificate {
        guard let certificate = try Certificate.filter(Certificate.Columns.serial == serial.trimmingSpaces()).fetchOne(db) else {
            throw MalakaError.unknownCertificate(serial)
        }
        return certificate
    }

    /// Every certificate of an event, by person, in order of creation.
    private func certificatesByParticipant(_ db: Database, eventID: Int64) throws -> [Int64: [Certificate]] {
        let all = try Certificate.filter(Certificate.Columns.eventId == eventID).order(Column("id")).fetchAll(db)
        return Dictionary(grouping: all, by: \.participantId)
    }

    /// The next number in a series: one more than the highest, so numbers run without gaps.
    private func nextNumber(_ db: Database, series: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM certificate WHERE series = ?", arguments: [series]).map { $0 + 1 } ?? 1
    }

    /// The name in the script of the certificate's language, when the person's other spelling is in it.
    private func printedName(of person: Participant, in language: DocumentLanguage) -> String {
        CertificateSelection.printedName(fullName: person.fullName, alternateName: person.alternateName, in: language)
    }
}

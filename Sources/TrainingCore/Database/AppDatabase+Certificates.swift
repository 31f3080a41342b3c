import Crypto
import Dispatch
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
    /// unchanged.
    public func planCertificates(_ request: CertificateRequest, templateLanguages: (String) throws -> [DocumentLanguage]) throws -> CertificatePlan {
        try read { db in
            let sheet = try attendanceSheet(db, eventID: request.eventID)
            let detail = sheet.event
            guard detail.event.status != .cancelled else {
                throw MalakaError.data("Event \(request.eventID) was cancelled; it has no certificates to issue.")
            }
            let rows = Dictionary(uniqueKeysWithValues: sheet.rows.map { ($0.participant.id!, $0) })
            var problems: [String] = []
            var chosen: [AttendanceSheet.Row] = []
            if request.participantIDs.isEmpty {
                chosen = sheet.rows.filter(\.standing.isComplete)
            } else {
                for id in request.participantIDs {
                    guard let row = rows[id] else {
                        let person = try participant(db, id: id)
                        problems.append("\(person.fullName) (\(id)) is not enrolled in event \(request.eventID).")
                        continue
                    }
                    guard row.standing.isComplete else {
                        problems.append("\(row.participant.fullName) (\(id)) attended \(row.standing.creditedSessions) of \(row.standing.sessionCount) sessions, below the \(Int(sheet.rule.minimumShare * 100))% the course requires.")
                        continue
                    }
                    chosen.append(row)
                }
            }
            let organisation = try organisationSettings(db, for: detail.event.organiser)
            let defaultTemplate = request.template ?? detail.course.course.certificateTemplate ?? "participation"
            let today = request.issueDate ?? DayDate.today
            var nextSequence: [String: Int] = [:]
            var items: [CertificatePlan.Item] = []
            for row in chosen {
                let person = row.participant
                if let existing = try Certificate
                    .filter(Certificate.Columns.eventId == detail.id && Certificate.Columns.participantId == person.id!
                            && Certificate.Columns.status == Certificate.Status.valid)
                    .fetchOne(db) {
                    let content = certificateContent(
                        detail: detail, name: existing.printedName, language: existing.language, template: existing.template,
                        serial: existing.serial, issueDate: existing.issueDate, organisation: organisation, replaces: existing.replacesSerial)
                    items.append(.init(participant: person, content: content, existing: existing))
                    continue
                }
                let template = defaultTemplate
                let languages = try templateLanguages(template)
                let language = request.language ?? person.language.flatMap { languages.contains($0) ? $0 : nil } ?? languages.first ?? .english
                let series = organisation.format.series(regionCode: detail.event.regionCode, year: today.year,
                                                        courseCode: detail.course.course.code)
                let sequence = try nextSequence[series] ?? nextNumber(db, series: series)
                nextSequence[series] = sequence + 1
                let content = certificateContent(
                    detail: detail, name: printedName(of: person, in: language), language: language, template: template,
                    serial: organisation.format.serial(series: series, sequence: sequence), issueDate: today,
                    organisation: organisation, replaces: nil)
                items.append(.init(participant: person, content: content, existing: nil))
            }
            return CertificatePlan(event: detail, items: items, problems: problems)
        }
    }

    /// Issues the planned certificates in one transaction, rendering each with `render`.
    ///
    /// Serials are assigned inside the transaction, so two issuers never share one.
    /// `render` runs on several threads at once and returns the certificate's PDF;
    /// its SHA-256 is recorded. If any render fails, nothing is issued.
    public func issueCertificates(
        _ plan: CertificatePlan, render: @Sendable (CertificateContent) throws -> Data
    ) throws -> [IssuedCertificate] {
        try write { db in
            let organisation = try organisationSettings(db, for: plan.event.event.organiser)
            var nextSequence: [String: Int] = [:]
            var contents: [CertificateContent] = []
            var numbers: [(series: String, sequence: Int)?] = []
            for item in plan.items {
                guard item.existing == nil else {
                    contents.append(item.content)
                    numbers.append(nil)
                    continue
                }
                let series = organisation.format.series(regionCode: plan.event.event.regionCode, year: item.content.issueDate.year,
                                                        courseCode: plan.event.course.course.code)
                let sequence = try nextSequence[series] ?? nextNumber(db, series: series)
                nextSequence[series] = sequence + 1
                var content = item.content
                content.serial = organisation.format.serial(series: series, sequence: sequence)
                content.verificationURL = organisation.verificationURL + content.serial
                contents.append(content)
                numbers.append((series, sequence))
            }
            let hashes = try renderAll(contents, render: render)
            let now = Date.databaseNow
            var issued: [IssuedCertificate] = []
            for (index, item) in plan.items.enumerated() {
                let content = contents[index]
                if var existing = item.existing {
                    if existing.sha256 != hashes[index] {
                        // The template or the fonts changed since: keep the serial, record what was printed now.
                        existing.sha256 = hashes[index]
                        try existing.update(db)
                    }
                    issued.append(IssuedCertificate(certificate: existing, content: content, isNew: false))
                    continue
                }
                let (series, sequence) = numbers[index]!
                var certificate = Certificate(
                    id: nil, serial: content.serial, series: series,
                    sequence: sequence, eventId: plan.event.id, participantId: item.participant.id!,
                    template: content.template, language: content.language, issueDate: content.issueDate,
                    printedName: content.participantName, sha256: hashes[index], status: .valid, replacesSerial: nil,
                    revokedReason: nil, createdAt: now)
                try certificate.insert(db)
                issued.append(IssuedCertificate(certificate: certificate, content: content, isNew: true))
            }
            return issued
        }
    }

    /// Renders on every core, keeping only the SHA-256 of each PDF.
    private func renderAll(_ contents: [CertificateContent], render: @Sendable (CertificateContent) throws -> Data) throws -> [String] {
        let results = ResultSlots<String>(count: contents.count)
        DispatchQueue.concurrentPerform(iterations: contents.count) { index in
            results.set(index, Result { SHA256.hash(data: try render(contents[index])).hexString })
        }
        return try results.values()
    }

    /// Issues a new certificate in place of one whose details were wrong, e.g. a misspelt name.
    ///
    /// The new certificate gets a new serial that records the one it replaces; the
    /// old one is marked superseded. The person's current name is printed.
    public func reissueCertificate(
        serial: String, language: DocumentLanguage? = nil, issueDate: DayDate? = nil,
        render: @Sendable (CertificateContent) throws -> Data
    ) throws -> IssuedCertificate {
        try write { db in
            var old = try certificate(db, serial: serial)
            guard old.status == .valid else {
                throw MalakaError.data("Certificate \(serial) is \(old.status.rawValue); only a valid certificate can be re-issued.")
            }
            let detail = try eventDetail(db, id: old.eventId)
            let person = try participant(db, id: old.participantId)
            let organisation = try organisationSettings(db, for: detail.event.organiser)
            let day = issueDate ?? DayDate.today
            let series = organisation.format.series(regionCode: detail.event.regionCode, year: day.year, courseCode: detail.course.course.code)
            let sequence = try nextNumber(db, series: series)
            let chosenLanguage = language ?? old.language
            let content = certificateContent(
                detail: detail, name: printedName(of: person, in: chosenLanguage), language: chosenLanguage,
                template: old.template, serial: organisation.format.serial(series: series, sequence: sequence), issueDate: day,
                organisation: organisation, replaces: old.serial)
            old.status = .superseded
            try old.update(db)
            var certificate = Certificate(
                id: nil, serial: content.serial, series: series, sequence: sequence, eventId: old.eventId,
                participantId: old.participantId, template: old.template, language: chosenLanguage, issueDate: day,
                printedName: content.participantName, sha256: SHA256.hash(data: try render(content)).hexString,
                status: .valid, replacesSerial: old.serial, revokedReason: nil, createdAt: .databaseNow)
            try certificate.insert(db)
            return IssuedCertificate(certificate: certificate, content: content, isNew: true)
        }
    }

    /// Withdraws a certificate, keeping it on record with the reason.
    public func revokeCertificate(serial: String, reason: String) throws -> Certificate {
        let reason = reason.trimmingSpaces()
        guard !reason.isEmpty else { throw MalakaError.usage("Say why the certificate is revoked with --reason.") }
        return try write { db in
            var certificate = try certificate(db, serial: serial)
            guard certificate.status == .valid else {
                throw MalakaError.data("Certificate \(serial) is already \(certificate.status.rawValue).")
            }
            certificate.status = .revoked
            certificate.revokedReason = reason
            try certificate.update(db)
            return certificate
        }
    }

    /// Certificates, newest serials last, optionally of one event, person or status.
    public func certificates(eventID: Int64? = nil, participantID: Int64? = nil, status: Certificate.Status? = nil) throws -> [Certificate] {
        try read { db in
            var request = Certificate.order(Certificate.Columns.series, Column("sequence"))
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

    /// What a stored certificate prints, for showing or re-rendering it.
    public func certificateContent(serial: String) throws -> CertificateContent {
        try read { db in
            let certificate = try certificate(db, serial: serial)
            let detail = try eventDetail(db, id: certificate.eventId)
            return certificateContent(
                detail: detail, name: certificate.printedName, language: certificate.language, template: certificate.template,
                serial: certificate.serial, issueDate: certificate.issueDate,
                organisation: try organisationSettings(db, for: detail.event.organiser), replaces: certificate.replacesSerial)
        }
    }

    private func certificate(_ db: Database, serial: String) throws -> Certificate {
        guard let certificate = try Certificate.filter(Certificate.Columns.serial == serial.trimmingSpaces()).fetchOne(db) else {
            throw MalakaError.data("There is no certificate with serial “\(serial)”. `malaka certificates list` shows the serials.")
        }
        return certificate
    }

    /// The next number in a series: one more than the highest, so numbers run without gaps.
    private func nextNumber(_ db: Database, series: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM certificate WHERE series = ?", arguments: [series]).map { $0 + 1 } ?? 1
    }

    /// The name in the script of the certificate's language, when the person's other spelling is in it.
    private func printedName(of person: Participant, in language: DocumentLanguage) -> String {
        guard let alternate = person.alternateName else { return person.fullName }
        let wantsCyrillic = [DocumentLanguage.uzbekCyrillic, .russian, .kyrgyz].contains(language)
        if person.fullName.isMostlyCyrillic == wantsCyrillic { return person.fullName }
        return alternate.isMostlyCyrillic == wantsCyrillic ? alternate : person.fullName
    }

    private func certificateContent(
        detail: EventDetail, name: String, language: DocumentLanguage, template: String, serial: String,
        issueDate: DayDate, organisation: OrganisationSettings, replaces: String?
    ) -> CertificateContent {
        let region = gazetteer.region(code: detail.event.regionCode)
        let district = detail.event.districtCode.flatMap { gazetteer.district(code: $0) }
        var courseTitle: [DocumentLanguage: String] = [:]
        var eventTitle: [DocumentLanguage: String] = [:]
        var dates: [DocumentLanguage: String] = [:]
        var place: [DocumentLanguage: String] = [:]
        var hours: [DocumentLanguage: String] = [:]
        var issued: [DocumentLanguage: String] = [:]
        for language in DocumentLanguage.allCases {
            courseTitle[language] = detail.course.title(in: language)
            eventTitle[language] = detail.title(in: language)
            dates[language] = DateWording.span(from: detail.event.startDate, to: detail.event.endDate, in: language)
            place[language] = [detail.event.locality, district?.name(in: language), region?.name(in: language)]
                .compactMap { $0 }.joined(separator: ", ")
            hours[language] = DateWording.hours(detail.totalHours, in: language)
            issued[language] = DateWording.day(issueDate, in: language)
        }
        return CertificateContent(
            serial: serial, language: language, template: template, participantName: name, courseTitle: courseTitle,
            eventTitle: eventTitle, dates: dates, place: place, hours: hours, organiser: detail.event.organiser,
            trainers: detail.trainers, issueDate: issueDate, issueDateText: issued,
            verificationURL: organisation.verificationURL + serial, replacesSerial: replaces)
    }
}

/// A serial format and verification link, from the event's organisation or the defaults.
struct OrganisationSettings {
    var format: SerialFormat
    var verificationURL: String
}

extension AppDatabase {
    /// Sets how an organisation numbers its certificates and where they are verified.
    ///
    /// The organisation named `default` applies to events whose organiser has no settings of its own.
    @discardableResult
    public func setOrganisation(name: String, serialFormat: String?, verificationURL: String?) throws -> Organisation {
        let name = name.trimmingSpaces()
        guard !name.isEmpty else { throw MalakaError.usage("Give the organisation's name.") }
        if let serialFormat { _ = try SerialFormat(serialFormat) }
        if let verificationURL {
            guard let url = URL(string: verificationURL), ["https", "http"].contains(url.scheme ?? ""), url.host != nil else {
                throw MalakaError.data("“\(verificationURL)” is not a web address. Give one such as https://example.org/verify/.")
            }
        }
        return try write { db in
            let key = name.searchFolded()
            var organisation = try Organisation.filter(Column("nameKey") == key).fetchOne(db)
                ?? Organisation(id: nil, name: name, nameKey: key, serialFormat: SerialFormat.standard.pattern, verificationURL: nil)
            organisation.name = name
            if let serialFormat { organisation.serialFormat = serialFormat }
            if let verificationURL { organisation.verificationURL = verificationURL }
            try organisation.save(db)
            return organisation
        }
    }

    public func organisations() throws -> [Organisation] {
        try read { db in try Organisation.order(Column("name")).fetchAll(db) }
    }

    func organisationSettings(_ db: Database, for organiser: String?) throws -> OrganisationSettings {
        var found: Organisation?
        if let organiser {
            found = try Organisation.filter(Column("nameKey") == organiser.searchFolded()).fetchOne(db)
        }
        if found == nil {
            found = try Organisation.filter(Column("nameKey") == "default").fetchOne(db)
        }
        return OrganisationSettings(
            format: try found.map { try SerialFormat($0.serialFormat) } ?? .standard,
            verificationURL: found?.verificationURL ?? AppDatabase.defaultVerificationURL)
    }
}

/// Results written by concurrent workers into their own slots.
private final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Result<Value, any Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<Value, any Error>) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func values() throws -> [Value] {
        try slots.map { try $0!.get() }
    }
}

extension Digest {
    var hexString: String { map { String(format: "%02x", $0) }.joined() }
}

extension String {
    var isMostlyCyrillic: Bool {
        var cyrillic = 0
        var latin = 0
        for scalar in unicodeScalars {
            if (0x400...0x4FF).contains(scalar.value) { cyrillic += 1 } else if scalar.properties.isAlphabetic { latin += 1 }
        }
        return cyrillic > latin
    }
}

extension DayDate {
    /// Today on the machine's calendar.
    public static var today: DayDate {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return DayDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}

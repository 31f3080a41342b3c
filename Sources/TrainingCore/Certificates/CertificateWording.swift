import Foundation

/// What an event's certificates say in every language, worked out once and shared by all of them.
///
/// The dictionaries are copied into each ``CertificateContent`` without copying their strings,
/// so that 10,000 certificates of one event cost little more memory than one.
final class CertificateWording: Sendable {
    let detail: EventDetail
    let courseTitle: [DocumentLanguage: String]
    let eventTitle: [DocumentLanguage: String]
    let dates: [DocumentLanguage: String]
    let place: [DocumentLanguage: String]
    let hours: [DocumentLanguage: String]
    private let issueDates = IssueDateWording()

    /// - Parameters:
    ///   - region: the names of the event's region by language, as the gazetteer gives them.
    ///   - district: the same of its district, if it has one.
    init(detail: EventDetail, region: [DocumentLanguage: String]?, district: [DocumentLanguage: String]?) {
        self.detail = detail
        var courseTitle: [DocumentLanguage: String] = [:]
        var eventTitle: [DocumentLanguage: String] = [:]
        var dates: [DocumentLanguage: String] = [:]
        var place: [DocumentLanguage: String] = [:]
        var hours: [DocumentLanguage: String] = [:]
        for language in DocumentLanguage.allCases {
            courseTitle[language] = detail.course.title(in: language)
            eventTitle[language] = detail.title(in: language)
            dates[language] = DateWording.span(from: detail.event.startDate, to: detail.event.endDate, in: language)
            place[language] = [detail.event.locality, district?.localized(language), region?.localized(language)]
                .compactMap { $0 }.joined(separator: ", ")
            hours[language] = DateWording.hours(detail.totalHours, in: language)
        }
        (self.courseTitle, self.eventTitle, self.dates, self.place, self.hours) = (courseTitle, eventTitle, dates, place, hours)
    }

    func content(
        name: String, language: DocumentLanguage, template: String, serial: String,
        issueDate: DayDate, organisation: OrganisationSettings, replaces: String?
    ) -> CertificateContent {
        CertificateContent(
            serial: serial, language: language, template: template, participantName: name, courseTitle: courseTitle,
            eventTitle: eventTitle, dates: dates, place: place, hours: hours, organiser: detail.event.organiser,
            trainers: detail.trainers, issueDate: issueDate, issueDateText: issueDates.wording(of: issueDate),
            verificationURL: organisation.verificationURL + serial, replacesSerial: replaces)
    }

    /// What a recorded certificate prints: its own name, language, template, serial and date.
    func content(for certificate: Certificate, organisation: OrganisationSettings) -> CertificateContent {
        var content = content(name: certificate.printedName, language: certificate.language, template: certificate.template,
                              serial: certificate.serial, issueDate: certificate.issueDate, organisation: organisation,
                              replaces: certificate.replacesSerial)
        content.token = certificate.token
        return content
    }
}

/// Issue dates in every language, each worded once; safe to share between threads.
private final class IssueDateWording: @unchecked Sendable {
    private let lock = NSLock()
    private var cache: [DayDate: [DocumentLanguage: String]] = [:]

    func wording(of date: DayDate) -> [DocumentLanguage: String] {
        if let known = lock.withLock({ cache[date] }) { return known }
        let wording = Dictionary(uniqueKeysWithValues: DocumentLanguage.allCases.map { ($0, DateWording.day(date, in: $0)) })
        lock.withLock { cache[date] = wording }
        return wording
    }
}

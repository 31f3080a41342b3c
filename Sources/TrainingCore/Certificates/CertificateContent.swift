import CertificateVerification

/// Everything printed on one certificate, already written out in every language a template may use.
///
/// The certificate renderer lays this out with a template; the core library
/// never draws anything.
public struct CertificateContent: Hashable, Sendable {
    public var serial: String
    /// The language the certificate is printed in; bilingual templates also print English or the others they name.
    public var language: DocumentLanguage
    public var template: String
    /// The person's name as printed: their spelling in the script of the certificate's language where known.
    public var participantName: String
    public var courseTitle: [DocumentLanguage: String]
    public var eventTitle: [DocumentLanguage: String]
    public var dates: [DocumentLanguage: String]
    public var place: [DocumentLanguage: String]
    public var hours: [DocumentLanguage: String]
    public var organiser: String?
    public var trainers: [String]
    public var issueDate: DayDate
    public var issueDateText: [DocumentLanguage: String]
    /// The link in the QR code: the organisation's verification base URL with the serial.
    public var verificationURL: String
    /// The serial this one replaces after a correction.
    public var replacesSerial: String?
    /// The holder's recorded sex, for languages with grammatical gender (see ``GenderedWording``); nil keeps the neutral form.
    public var participantSex: Sex?
    /// The signed token the QR code carries; nil for a certificate not yet issued, such as a preview.
    public var token: String?

    /// What the QR code carries: the token, or, when the organisation's verification link holds a `#`, the
    /// verification page's address up to that `#` and then the token, so a phone's camera opens the page
    /// and the page checks the token (a browser never sends what follows `#` to a server).
    /// A preview, which has no token, carries the link.
    public var qrPayload: String {
        guard let token else { return verificationURL }
        guard let fragment = verificationURL.firstIndex(of: "#") else { return token }
        return verificationURL[...fragment] + token
    }

    /// The short code printed beside the serial, so a reader without a QR scanner can match the token.
    public var checkCode: String? { token.map(CertificateToken.checkCode(of:)) }

    public init(
        serial: String, language: DocumentLanguage, template: String, participantName: String,
        courseTitle: [DocumentLanguage: String], eventTitle: [DocumentLanguage: String],
        dates: [DocumentLanguage: String], place: [DocumentLanguage: String], hours: [DocumentLanguage: String],
        organiser: String?, trainers: [String], issueDate: DayDate, issueDateText: [DocumentLanguage: String],
        verificationURL: String, replacesSerial: String?, token: String? = nil
    ) {
        self.serial = serial
        self.language = language
        self.template = template
        self.participantName = participantName
        self.courseTitle = courseTitle
        self.eventTitle = eventTitle
        self.dates = dates
        self.place = place
        self.hours = hours
        self.organiser = organiser
        self.trainers = trainers
        self.issueDate = issueDate
        self.issueDateText = issueDateText
        self.verificationURL = verificationURL
        self.replacesSerial = replacesSerial
        self.token = token
    }
}

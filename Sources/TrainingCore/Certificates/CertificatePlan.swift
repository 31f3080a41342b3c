/// Which certificates to issue for an event.
public struct CertificateRequest: Sendable {
    public var eventID: Int64
    /// The people to issue to; empty means everyone who completed.
    public var participantIDs: [Int64]
    /// The language for everyone; nil means each person's own, else the template's first.
    public var language: DocumentLanguage?
    /// The template; nil means the course's.
    public var template: String?
    /// The issue date of new certificates; nil means today.
    public var issueDate: DayDate?
    /// Print names in another script than the certificate's language, instead of refusing (see ``ScriptMismatch``).
    public var allowOtherScript = false

    public init(eventID: Int64, participantIDs: [Int64] = [], language: DocumentLanguage? = nil,
                template: String? = nil, issueDate: DayDate? = nil) {
        self.eventID = eventID
        self.participantIDs = participantIDs
        self.language = language
        self.template = template
        self.issueDate = issueDate
    }
}

/// The certificates an event would get, checked but not yet issued.
///
/// A plan holds one small ``Item`` per certificate; what each certificate prints is worked out
/// when it is asked for, with ``content(of:)``, from wording shared by the whole event. So a plan
/// of 10,000 certificates costs little memory.
public struct CertificatePlan: Sendable {
    /// One person's certificate.
    public struct Item: Sendable {
        public let participantID: Int64
        /// The person's name as registered, for messages; the certificate prints ``printedName``.
        public let participantName: String
        /// The name as printed: in the script of the certificate's language, where the person has both spellings.
        public let printedName: String
        public let language: DocumentLanguage
        public let template: String
        /// The serial; for a new certificate, provisional until it is issued.
        public let serial: String
        public let issueDate: DayDate
        let existingRecord: CertificateBox?

        /// The certificate already issued for this person and event, which issuing again reproduces.
        public var existing: Certificate? { existingRecord?.certificate }
    }

    public var event: EventDetail
    public var items: [Item]
    /// People who were named but cannot have a certificate, each with the reason.
    public var problems: [String]
    /// People left out on purpose, such as those whose certificate was revoked, each with the reason.
    public var notes: [String]
    let wording: CertificateWording
    let organisation: OrganisationSettings
    /// The recorded sex of the people in the plan, for gendered wording.
    var sexes: [Int64: Sex] = [:]

    /// Whether issuing will write anything new.
    public var newCount: Int { items.filter { $0.existing == nil }.count }

    /// Everything the item's certificate prints, in every language.
    public func content(of item: Item) -> CertificateContent {
        var content = if let existing = item.existing {
            wording.content(for: existing, organisation: organisation)
        } else {
            wording.content(name: item.printedName, language: item.language, template: item.template, serial: item.serial,
                            issueDate: item.issueDate, organisation: organisation, replaces: nil)
        }
        content.participantSex = sexes[item.participantID]
        return content
    }
}

/// A certificate record kept by reference, so that the many plan items without one stay small.
final class CertificateBox: Sendable {
    let certificate: Certificate

    init(_ certificate: Certificate) {
        self.certificate = certificate
    }
}

/// One certificate of an issuing run: its record, what it prints, and whether this run created it.
///
/// ``AppDatabase/issueCertificates(_:digest:produce:finish:)`` hands these to its `produce`
/// closure a chunk at a time; ``AppDatabase/reissueCertificate(serial:language:issueDate:digest:produce:)`` returns one.
public struct IssuedCertificate: Sendable {
    public var certificate: Certificate
    public var content: CertificateContent
    /// Whether this run gave it its serial; false when it was issued before and is printed again.
    public var isNew: Bool
    /// Whether a certificate issued before now prints something else than it did, e.g. after a template changed.
    public var printsDifferently: Bool
    /// The SHA-256 of its canonical content as printed by this run.
    public var contentSHA256: String
    /// The organisation's signing key, when this re-issue had to create it; its private key file needs a backup.
    public var createdKey: SigningKeyRecord? = nil
}

/// How many certificates an issuing run recorded.
public struct IssueTotals: Hashable, Sendable {
    /// Every certificate of the run, new and issued before.
    public var count: Int
    /// Those that got their serial in this run.
    public var new: Int
    /// Those issued before that now print something else, e.g. after a template changed.
    public var printedDifferently: Int
    /// The organisation's signing key, when this run had to create it; its private key file needs a backup.
    public var createdKey: SigningKeyRecord? = nil
}

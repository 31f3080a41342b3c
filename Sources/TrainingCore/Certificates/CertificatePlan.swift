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
public struct CertificatePlan: Sendable {
    public struct Item: Sendable {
        public var participant: Participant
        /// What will be printed. For a new certificate the serial is provisional until issued.
        public var content: CertificateContent
        /// The certificate already issued for this person and event, which issuing again reproduces.
        public var existing: Certificate?
    }

    public var event: EventDetail
    public var items: [Item]
    /// People who were named but cannot have a certificate, each with the reason.
    public var problems: [String]
    /// People left out on purpose, such as those whose certificate was revoked, each with the reason.
    public var notes: [String]
    /// Whether issuing will write anything new.
    public var newCount: Int { items.filter { $0.existing == nil }.count }
}

/// One certificate of an issuing run: its record, what it prints, and whether this run created it.
public struct IssuedCertificate: Sendable {
    public var certificate: Certificate
    public var content: CertificateContent
    /// Whether this run gave it its serial; false when it was issued before and is printed again.
    public var isNew: Bool
    /// Whether a certificate issued before now prints something else than it did, e.g. after a template changed.
    public var printsDifferently: Bool
    /// The SHA-256 of its canonical content as printed by this run.
    public var contentSHA256: String
}

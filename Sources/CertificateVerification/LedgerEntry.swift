/// What the programme's ledger says of a serial, when the database is at hand.
public struct LedgerEntry: Sendable {
    public var status: String
    public var printedName: String
    public var courseCode: String
    public var issueDate: TokenDate
    public var reason: String?
    public var replacedBy: String?
    /// What has happened since issuing to the certificate's event or holder. It stays genuine and valid until revoked.
    public var circumstances: [Circumstance] = []

    /// A change to a valid certificate's event or holder after it was issued.
    public enum Circumstance: Sendable, Hashable {
        /// The event was cancelled, with the reason given.
        case eventCancelled(reason: String?)
        /// The holder was taken off the event's list.
        case holderRemoved

        /// One sentence for a checker, saying what happened and that the certificate still stands.
        public var sentence: String {
            switch self {
            case .eventCancelled(let reason):
                "Its event has since been cancelled\(reason.map { " (\($0))" } ?? ""); the certificate is genuine and was not revoked."
            case .holderRemoved:
                "Its holder has since been taken off the event's list; the certificate is genuine and was not revoked."
            }
        }

        /// `event-cancelled`, `holder-removed`: the word for scripts.
        public var code: String {
            switch self {
            case .eventCancelled: "event-cancelled"
            case .holderRemoved: "holder-removed"
            }
        }
    }

    public init(status: String, printedName: String, courseCode: String, issueDate: TokenDate, reason: String?, replacedBy: String?) {
        self.status = status
        self.printedName = printedName
        self.courseCode = courseCode
        self.issueDate = issueDate
        self.reason = reason
        self.replacedBy = replacedBy
    }
}

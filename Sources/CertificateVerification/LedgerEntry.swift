/// What the programme's ledger says of a serial, when the database is at hand.
public struct LedgerEntry: Sendable {
    public var status: String
    public var printedName: String
    public var courseCode: String
    public var issueDate: TokenDate
    public var reason: String?
    public var replacedBy: String?

    public init(status: String, printedName: String, courseCode: String, issueDate: TokenDate, reason: String?, replacedBy: String?) {
        self.status = status
        self.printedName = printedName
        self.courseCode = courseCode
        self.issueDate = issueDate
        self.reason = reason
        self.replacedBy = replacedBy
    }
}

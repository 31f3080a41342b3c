import CertificateVerification

extension DayDate {
    /// The day a token signs.
    public var tokenDate: TokenDate { TokenDate(daysSince2000: dayNumber - DayDate.tokenEpoch) }

    /// The day a token carries, on the calendar of the rest of the programme.
    public init(_ date: TokenDate) {
        self.init(dayNumber: date.daysSince2000 + DayDate.tokenEpoch)
    }

    private static let tokenEpoch = DayDate(year: 2000, month: 1, day: 1)!.dayNumber
}

extension CertificateToken {
    /// A token for a certificate whose dates are the programme's days.
    public init(serial: String, printedName: String, courseCode: String, startDate: DayDate, endDate: DayDate,
                organisation: String, issueDate: DayDate, language: String? = nil) {
        self.init(serial: serial, printedName: printedName, courseCode: courseCode, startDate: startDate.tokenDate,
                  endDate: endDate.tokenDate, organisation: organisation, issueDate: issueDate.tokenDate, language: language)
    }
}

extension MalakaError {
    /// A verification error as the programme's error, its remedy worded in `remedy`.
    public init(_ error: VerificationError, remedy: String = "") {
        let kind: Kind = error.kind == .io ? .io : .data
        self.init(kind, remedy.isEmpty ? error.message : error.message + " " + remedy)
    }
}

/// An error that says what went wrong, where, and what to do about it.
///
/// Every error the library throws at its callers is a `MalakaError`. Its
/// ``kind`` tells a command-line front end which exit status to use: usage
/// errors exit 64, data errors 65 and input/output errors 74 (the BSD
/// `sysexits.h` values). Its ``code`` says which failure it is, its ``subject``
/// which event, person, file or certificate it is about, its ``location`` where
/// in a file or which input was at fault, and its ``remedy`` what to do, as a
/// value: each front end words the remedy in its own terms (a command-line
/// option, a form field), so the library never names one.
///
/// For example:
/// ```swift
/// throw MalakaError(.data, .unknownEvent, "There is no event \(id).",
///                   subject: .event(id), remedy: .listEvents)
/// ```
public struct MalakaError: Error, CustomStringConvertible, Sendable, Equatable {
    public let kind: Kind
    public let code: Code
    /// One or more sentences: what is wrong and where, without the remedy.
    public let message: String
    /// What the error is about: an event, a person, a file, a certificate.
    public let subject: Subject?
    /// Where in a file, or which input, is at fault.
    public let location: Location?
    /// What to do about it, for the front end to word.
    public let remedy: Remedy?
    /// The problems behind a refusal that has several, each with its own subject and remedy.
    public let details: [MalakaError]

    public init(
        _ kind: Kind, _ code: Code, _ message: String,
        subject: Subject? = nil, location: Location? = nil, remedy: Remedy? = nil, details: [MalakaError] = []
    ) {
        self.kind = kind
        self.code = code
        self.message = message
        self.subject = subject
        self.location = location
        self.remedy = remedy
        self.details = details
    }

    /// An error whose message says everything, remedy included; for errors with no code of their own.
    public init(_ kind: Kind, _ message: String) {
        self.init(kind, .unspecified, message)
    }

    public static func usage(_ message: String) -> MalakaError { MalakaError(.usage, message) }
    public static func data(_ message: String) -> MalakaError { MalakaError(.data, message) }
    public static func io(_ message: String) -> MalakaError { MalakaError(.io, message) }

    /// The same error, its message preceded by where it happened (“Entry 2 (Lola): …”).
    public func prefixed(_ context: String) -> MalakaError {
        MalakaError(kind, code, context + message, subject: subject, location: location, remedy: remedy, details: details)
    }

    static func unknownCertificate(_ serial: String) -> MalakaError {
        MalakaError(.data, .unknownCertificate, "There is no certificate with serial “\(serial)”.",
                    subject: .certificate(serial: serial), remedy: .listCertificates)
    }

    /// The refusal of an import whose rows have problems, listed apart.
    static func rowsHaveProblems(_ count: Int, remedy: Remedy) -> MalakaError {
        MalakaError(.data, .rowsHaveProblems, "\(count) \(count == 1 ? "row has" : "rows have") problems (listed below).",
                    remedy: remedy)
    }

    /// The message alone; front ends add the remedy in their own words.
    public var description: String { message }
}

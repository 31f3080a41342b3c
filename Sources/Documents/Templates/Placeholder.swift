import TrainingCore

/// A value that a template's text shows, written in braces: `{participant}`, `{course}`, `{course@en}`, `{signatory-1-title}`.
///
/// Values that are worded per language (the course and event titles, dates, place, hours,
/// issue date and signatories' titles) are given in the certificate's language, or in the
/// language after `@`, which is how a bilingual template prints English under Uzbek.
struct Placeholder: Hashable, Sendable, CustomStringConvertible {
    enum Name: String, CaseIterable, Sendable {
        case participant, course, event, dates, place, hours
        case issueDate = "issue-date"
        case organiser, trainer, trainers, serial
        case verificationURL = "verification-url"
        /// The signed token (`MLK1:…`) that the QR code carries by default.
        case token
        /// The short check code of the token, printed beside the QR code for reading by eye.
        case checkCode = "check-code"
        case replaces
        /// `{signatory-2}`: the name of the template's second signatory.
        case signatoryName = "signatory-N"
        /// `{signatory-2-title}`: their title.
        case signatoryTitle = "signatory-N-title"

        /// Whether the value differs from one certificate of an event to the next (the name, the serial…),
        /// so that text showing it is laid out once and not kept for the next certificate.
        var isPerCertificate: Bool {
            switch self {
            case .participant, .serial, .verificationURL, .token, .checkCode, .replaces: true
            default: false
            }
        }

        /// Whether the value differs with the language, so that `@language` makes sense.
        var isWorded: Bool {
            switch self {
            case .course, .event, .dates, .place, .hours, .issueDate, .signatoryTitle: true
            default: false
            }
        }
    }

    let name: Name
    /// The language asked for with `@`; nil means the certificate's.
    let language: DocumentLanguage?
    /// Which signatory, from 1, for the signatory placeholders.
    let signatory: Int?

    var description: String {
        var text: String
        switch name {
        case .signatoryName: text = "signatory-\(signatory ?? 0)"
        case .signatoryTitle: text = "signatory-\(signatory ?? 0)-title"
        default: text = name.rawValue
        }
        if let language { text += "@" + language.rawValue }
        return "{\(text)}"
    }

    /// What the value is, for messages: `the course title (en)`.
    var label: String {
        let base: String
        switch name {
        case .participant: base = "the name"
        case .course: base = "the course title"
        case .event: base = "the event title"
        case .dates: base = "the dates"
        case .place: base = "the place"
        case .hours: base = "the hours"
        case .issueDate: base = "the issue date"
        case .organiser: base = "the organiser"
        case .trainer: base = "the trainer's name"
        case .trainers: base = "the trainers' names"
        case .serial: base = "the serial"
        case .verificationURL: base = "the verification link"
        case .token: base = "the signed token"
        case .checkCode: base = "the check code"
        case .replaces: base = "the serial it replaces"
        case .signatoryName: base = "signatory \(signatory ?? 0)'s name"
        case .signatoryTitle: base = "signatory \(signatory ?? 0)'s title"
        }
        return language.map { "\(base) (\($0.rawValue))" } ?? base
    }

    /// Reads the text between the braces, e.g. `course@en`; nil with a reason when it is no placeholder.
    static func parse(_ text: String) -> Result<Placeholder, PlaceholderError> {
        let parts = text.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        var language: DocumentLanguage?
        if parts.count == 2 {
            guard let parsed = try? DocumentLanguage(parsing: parts[1]) else {
                return .failure(PlaceholderError("“{\(text)}” names the language “\(parts[1])”; use one of \(DocumentLanguage.allTags)"))
            }
            language = parsed
        }
        let key = parts[0].trimmingCharacters(in: .whitespaces).lowercased()
        var placeholder: Placeholder?
        if let name = Name(rawValue: key), name != .signatoryName, name != .signatoryTitle {
            placeholder = Placeholder(name: name, language: language, signatory: nil)
        } else if let match = key.wholeMatch(of: /signatory-([1-9])(-title)?/) {
            let index = Int(match.output.1)!
            placeholder = Placeholder(name: match.output.2 == nil ? .signatoryName : .signatoryTitle, language: language, signatory: index)
        }
        guard let placeholder else {
            let known = Name.allCases.map { "{\($0.rawValue)}" }.joined(separator: ", ")
            return .failure(PlaceholderError("“{\(text)}” is not a placeholder; use \(known) (N from 1), with @en and the like for worded values"))
        }
        if language != nil && !placeholder.name.isWorded {
            return .failure(PlaceholderError("“{\(text)}” takes no language: \(placeholder.label) is the same in every language"))
        }
        return .success(placeholder)
    }
}

struct PlaceholderError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

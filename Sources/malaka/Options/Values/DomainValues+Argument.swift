import ArgumentParser
import TrainingCore

// The words the core accepts for its kinds, statuses, languages, categories and sexes, taken by the
// argument parser: a bad one is refused naming its option and listing the values (exit 64).

/// `training`, `seminar`, `study-tour` (also `study tour`), `meeting`, `round-table`.
extension EventKind: ParsedValue {}

extension EventStatus: ParsedValue {}

/// A BCP 47 tag in any case; a bare `uz` is Uzbek Latin.
extension DocumentLanguage: ParsedValue {}

/// The code (`ngo-staff`) or a common word in one of the five languages (`ota-ona`, `родитель`).
extension ParticipantCategory: ParsedValue {}

/// `female` or `male`, or the words sign-in sheets use (`f`, `ayol`, `ж`, `erkak`, `м`…).
extension Sex: ParsedValue {}

extension ExportKind: ExpressibleByArgument {}

extension ReportGrouping: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }
}

extension Certificate.Status: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }
}

extension ParticipantImportOptions.DuplicatePolicy: ExpressibleByArgument {}

import ArgumentParser
import TrainingCore

// The words the core accepts for its kinds, statuses, languages, categories and sexes, taken by the
// argument parser: a bad one is refused naming its option and listing the values (exit 64).

extension EventKind: ExpressibleByArgument {
    /// `training`, `seminar`, `study-tour` (also `study tour`), `meeting`, `round-table`.
    public init?(argument: String) {
        guard let kind = try? EventKind(parsing: argument) else { return nil }
        self = kind
    }

    public var defaultValueDescription: String { rawValue }
}

extension EventStatus: ExpressibleByArgument {
    public init?(argument: String) {
        guard let status = try? EventStatus(parsing: argument) else { return nil }
        self = status
    }

    public var defaultValueDescription: String { rawValue }
}

extension DocumentLanguage: ExpressibleByArgument {
    /// A BCP 47 tag in any case; a bare `uz` is Uzbek Latin.
    public init?(argument: String) {
        guard let language = try? DocumentLanguage(parsing: argument) else { return nil }
        self = language
    }

    public var defaultValueDescription: String { rawValue }
}

extension ParticipantCategory: ExpressibleByArgument {
    /// The code (`ngo-staff`) or a common word in one of the five languages (`ota-ona`, `родитель`).
    public init?(argument: String) {
        guard let category = try? ParticipantCategory(parsing: argument) else { return nil }
        self = category
    }

    public var defaultValueDescription: String { rawValue }
}

extension Sex: ExpressibleByArgument {
    /// `female` or `male`, or the words sign-in sheets use (`f`, `ayol`, `ж`, `erkak`, `м`…).
    public init?(argument: String) {
        guard let sex = try? Sex(parsing: argument) else { return nil }
        self = sex
    }

    public var defaultValueDescription: String { rawValue }
}

extension ExportKind: ExpressibleByArgument {
    public var defaultValueDescription: String { rawValue }
}

extension ReportGrouping: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }

    public var defaultValueDescription: String { rawValue }
}

extension Certificate.Status: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }

    public var defaultValueDescription: String { rawValue }
}

extension ParticipantImportOptions.DuplicatePolicy: ExpressibleByArgument {
    public var defaultValueDescription: String { rawValue }
}

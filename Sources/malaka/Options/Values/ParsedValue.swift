import ArgumentParser
import TrainingCore

/// A core value with a parser of its own (`init(parsing:)`), which the command line uses too: a bad value is then
/// refused by the argument parser, naming its option (a usage error, exit 64) before the database is opened.
public protocol ParsedValue: ExpressibleByArgument {
    init(parsing text: String) throws
}

extension ParsedValue {
    public init?(argument: String) {
        guard let value = try? Self(parsing: argument) else { return nil }
        self = value
    }
}

// The same for the core's enumerations, in place of the argument parser's own reading of a raw value, which
// would refuse the other words the core accepts (`study tour`, `ayol`, `UZ`).
extension ParsedValue where Self: RawRepresentable, RawValue == String {
    public init?(argument: String) {
        guard let value = try? Self(parsing: argument) else { return nil }
        self = value
    }
}

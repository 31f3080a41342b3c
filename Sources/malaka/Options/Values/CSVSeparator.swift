import ArgumentParser

/// The field separator of a CSV file as the command line gives it: `,` (comma), `;` (semicolon) or tab.
struct CSVSeparator: ExpressibleByArgument {
    static let help = ArgumentHelp("The CSV separator: , ; or tab (; for Russian-locale Excel).", valueName: "separator")
    static let comma = CSVSeparator(argument: ",")!

    let character: Character

    init?(argument: String) {
        switch argument {
        case ",", "comma": character = ","
        case ";", "semicolon": character = ";"
        case "tab", "\t": character = "\t"
        default: return nil
        }
    }

    var defaultValueDescription: String { character == "\t" ? "tab" : String(character) }
    static var allValueStrings: [String] { [",", ";", "tab"] }
}

import ArgumentParser

/// The field separator of a CSV file as the command line gives it: `,` (comma), `;` (semicolon) or tab.
enum CSVSeparator {
    static let help = ArgumentHelp("The CSV separator: , ; or tab (; for Russian-locale Excel).", valueName: "separator")

    static func character(_ text: String) throws -> Character {
        switch text {
        case ",", "comma": ","
        case ";", "semicolon": ";"
        case "tab", "\t": "\t"
        default: throw ValidationError("--separator takes , ; or tab, not “\(text)”.")
        }
    }
}

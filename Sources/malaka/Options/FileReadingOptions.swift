import ArgumentParser
import TrainingCore

/// How to read an imported spreadsheet, and what its columns hold.
struct FileReadingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The CSV encoding: utf-8, utf-16, utf-16le, utf-16be or windows-1251; detected when left out.",
                               valueName: "encoding"))
    var encoding: String?
    @Option(help: ArgumentHelp("The CSV separator: , ; or tab; detected when left out.", valueName: "separator"))
    var separator: String?
    @Option(help: ArgumentHelp("The worksheet of an .xlsx file; the first visible one when left out.", valueName: "name"))
    var sheet: String?
    @Option(help: ArgumentHelp("What a column holds, when its header is not recognised: COLUMN=FIELD, COLUMN being the header, letter or number. Repeat for several.",
                               valueName: "column=field"))
    var map: [String] = []

    var reading: SpreadsheetReading {
        SpreadsheetReading(encoding: encoding, separator: separator, sheetName: sheet)
    }
}

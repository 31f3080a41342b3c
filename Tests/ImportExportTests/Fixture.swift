import Foundation
import Spreadsheets
import TrainingCore

/// The files in `__Fixtures__`, next to this file.
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Fixtures__")

    static func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    /// Reads a fixture as the importer does.
    static func sheet(_ name: String, encoding: String? = nil, separator: String? = nil, sheetName: String? = nil) throws -> Sheet {
        try SpreadsheetReading(encoding: encoding, separator: separator, sheetName: sheetName).read(path: path(name))
    }

    /// A CSV sheet made from text, for tests that need one row or two.
    static func csv(_ text: String, name: String = "list.csv") throws -> Sheet {
        try Spreadsheet.read(data: Data(text.utf8), fileName: name)
    }
}

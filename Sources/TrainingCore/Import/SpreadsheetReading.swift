import Foundation
import Spreadsheets

/// How to read a `.csv` or `.xlsx` file for import, with the encoding, separator
/// and worksheet as a user names them on the command line; unnamed ones are detected.
///
/// For example:
/// ```swift
/// let sheet = try SpreadsheetReading(encoding: "cp1251", separator: ";").read(path: "royxat.csv")
/// ```
public struct SpreadsheetReading: Sendable {
    /// `utf-8`, `utf-16`, `utf-16le`, `utf-16be` or `windows-1251` (also `cp1251`); nil to detect.
    public var encoding: String?
    /// `,` `;` or `tab` (also `comma`, `semicolon`); nil to detect.
    public var separator: String?
    /// The worksheet of an `.xlsx` file; nil for the first visible one.
    public var sheetName: String?

    public init(encoding: String? = nil, separator: String? = nil, sheetName: String? = nil) {
        self.encoding = encoding
        self.separator = separator
        self.sheetName = sheetName
    }

    /// Reads the file, turning what the reader refuses into a ``MalakaError`` that says where and what to do.
    public func read(path: String) throws -> Sheet {
        let options = try spreadsheetOptions()
        return try Self.refusingAsMalakaError { () throws(SpreadsheetError) in
            try Spreadsheet.read(contentsOf: URL(fileURLWithPath: path), options: options)
        }
    }

    /// Reads the bytes of a file received rather than found on disk (an upload), as ``read(path:)`` reads a file;
    /// `fileName` gives the format its extension and the problems their file name.
    public func read(data: Data, fileName: String) throws -> Sheet {
        let options = try spreadsheetOptions()
        return try Self.refusingAsMalakaError { () throws(SpreadsheetError) in
            try Spreadsheet.read(data: data, fileName: fileName, options: options)
        }
    }

    private func spreadsheetOptions() throws -> SpreadsheetOptions {
        var options = SpreadsheetOptions()
        options.encoding = try encoding.map(Self.encoding(named:))
        options.separator = try separator.map(Self.separator(named:))
        options.sheetName = sheetName
        return options
    }

    private static func refusingAsMalakaError(_ read: () throws(SpreadsheetError) -> Sheet) throws -> Sheet {
        do {
            return try read()
        } catch {
            let kind: MalakaError.Kind = error.code == .unreadableFile ? .io : .data
            throw MalakaError(kind, error.description + (error.description.hasSuffix(".") ? "" : "."))
        }
    }

    static func encoding(named name: String) throws -> TextEncoding {
        switch name.trimmingSpaces().lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": return .utf8
        case "utf-16", "utf16", "unicode": return .utf16
        case "utf-16le", "utf16le": return .utf16LittleEndian
        case "utf-16be", "utf16be": return .utf16BigEndian
        case "windows-1251", "windows1251", "cp1251", "1251", "win-1251", "win1251": return .windows1251
        default:
            throw MalakaError.usage("“\(name)” is not an encoding Malaka reads. Use utf-8, utf-16, utf-16le, utf-16be or windows-1251.")
        }
    }

    static func separator(named name: String) throws -> CSVSeparator {
        switch name.lowercased() {
        case ",", "comma": return .comma
        case ";", "semicolon": return .semicolon
        case "\t", "\\t", "tab": return .tab
        default:
            throw MalakaError.usage("“\(name)” is not a separator Malaka reads. Use , (comma), ; (semicolon) or tab.")
        }
    }
}

extension Sheet {
    /// Whether the rows come from a worksheet, where rows are numbered and columns lettered.
    var isWorksheet: Bool {
        if case .xlsx = source { true } else { false }
    }
}

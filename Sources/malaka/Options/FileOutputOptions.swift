import ArgumentParser
import Foundation

/// `--out FILE`, else standard output: the one way every command that writes a file or prints it says where.
///
/// The file is checked before any work is done (a missing folder is refused at once), and written whole or
/// not at all through ``OutputFile``.
struct FileOutputOptions: ParsableArguments {
    @Option(name: .customLong("out"), help: ArgumentHelp("The file to write; standard output when left out.", valueName: "file"))
    var path: String?

    /// Where the output goes. Files are owner-only unless `permissions` says otherwise (calendars, public keys, pages).
    func destination(permissions: mode_t = 0o600) throws -> OutputDestination {
        guard let path, !path.isEmpty else { return .standardOutput }
        return .file(try OutputFile(path: path, permissions: permissions))
    }
}

/// Standard output, or a checked file.
enum OutputDestination {
    case standardOutput
    case file(OutputFile)

    /// The file's path; nil for standard output.
    var path: String? {
        if case .file(let file) = self { return file.path }
        return nil
    }

    /// Writes `data` whole: printed, or put in place of any older file of the name.
    func write(_ data: Data) throws {
        switch self {
        case .standardOutput: FileHandle.standardOutput.write(data)
        case .file(let file): try file.write(data)
        }
    }
}

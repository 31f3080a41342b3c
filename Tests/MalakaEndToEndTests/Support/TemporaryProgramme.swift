import Foundation
import Testing

/// A programme database in a temporary directory of its own, driven through the `malaka` binary.
///
/// By default the database has been through `malaka init` and
/// `malaka course sync --dir courses`. Both commands run once per test run on a
/// template, which each programme copies, so that a test pays only for the
/// commands it is about. The directory is deleted when the programme goes away.
///
/// For example:
/// ```swift
/// let programme = try TemporaryProgramme()
/// let event = try programme.createEvent(["--course", "PS-PARENTING", "--region", "Xorazm",
///                                        "--start", "25.03.2019", "--days", "4", "--time", "09:00-12:00"])
/// let people = try programme.addParticipants(["Gulnora Karimova", "Lola Ismoilova"])
/// try programme.succeed(["enroll", String(event)] + people.map(String.init))
/// ```
final class TemporaryProgramme {
    /// What the directory holds at the start.
    enum Start {
        /// No database file at all.
        case noDatabase
        /// A database that `malaka init` created, without courses.
        case emptyDatabase
        /// A database with the repository's course catalogue loaded.
        case catalogue
    }

    let directory: URL
    let databasePath: String

    init(_ start: Start = .catalogue) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("malaka-e2e-\(UUID().uuidString)", isDirectory: true)
        databasePath = directory.appendingPathComponent("programme.sqlite").path
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        switch start {
        case .noDatabase: break
        case .emptyDatabase: try Self.copy(Self.emptyTemplate.path(), to: databasePath)
        case .catalogue: try Self.copy(Self.catalogueTemplate.path(), to: databasePath)
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// A path inside the programme's directory.
    func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    // MARK: Running commands

    /// Runs `malaka` on this programme's database (`--db` is added) in its directory.
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> MalakaResult {
        try MalakaProcess.run(arguments + ["--db", databasePath], environment: environment, in: directory)
    }

    /// Runs a command that must succeed, and stops the test if it does not.
    @discardableResult
    func succeed(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> MalakaResult {
        let result = try run(arguments)
        try #require(result.status == 0, "\(result)", sourceLocation: sourceLocation)
        return result
    }

    /// Runs a command with `--json` that must succeed, and decodes what it printed.
    func json<Value: Decodable>(
        _ type: Value.Type, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Value {
        let result = try succeed(arguments + ["--json"], sourceLocation: sourceLocation)
        return try JSONDecoder().decode(Value.self, from: Data(result.stdout.utf8))
    }

    /// Runs a command that must be refused, and checks that it says why and changes nothing.
    ///
    /// The refusal must exit with `status`, print nothing on standard output,
    /// and print on standard error a sentence starting “error:” that contains
    /// every one of `fragments` (the offending values). The database must hold
    /// exactly what it held before.
    @discardableResult
    func expectRefused(
        _ arguments: [String], status: Int32, mentioning fragments: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> MalakaResult {
        let before = try fingerprint()
        let result = try run(arguments)
        expectRefusal(result, status: status, mentioning: fragments, sourceLocation: sourceLocation)
        let changes = try fingerprint().changes(since: before)
        #expect(changes == nil, "the database changed:\n\(changes ?? "")\n\(result)", sourceLocation: sourceLocation)
        return result
    }

    func fingerprint() throws -> DatabaseFingerprint {
        try DatabaseFingerprint(path: databasePath)
    }

    // MARK: Building a programme

    /// Schedules an event with `event create --json` and returns its number.
    func createEvent(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> Int64 {
        try json(EventJSON.self, ["event", "create"] + arguments, sourceLocation: sourceLocation).id
    }

    /// The parenting-skills training in Urganch: four mornings from 25 March 2019.
    func parentingEvent(capacity: Int? = nil, trainer: String = "Dilnoza Yusupova",
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> Int64 {
        try createEvent(
            ["--course", "PS-PARENTING", "--region", "Xorazm", "--district", "Urganch tumani",
             "--start", "25.03.2019", "--days", "4", "--time", "09:00-12:00", "--trainer", trainer]
                + (capacity.map { ["--capacity", String($0)] } ?? []),
            sourceLocation: sourceLocation)
    }

    /// Registers a person with `participant add --json` and returns their number.
    @discardableResult
    func addParticipant(
        _ name: String, _ arguments: [String] = [], sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Int64 {
        try json(ParticipantJSON.self, ["participant", "add", "--name", name] + arguments, sourceLocation: sourceLocation).id
    }

    func addParticipants(_ names: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [Int64] {
        try names.map { try addParticipant($0, sourceLocation: sourceLocation) }
    }

    func enroll(_ event: Int64, _ people: [Int64], sourceLocation: SourceLocation = #_sourceLocation) throws {
        try succeed(["enroll", String(event)] + people.map(String.init), sourceLocation: sourceLocation)
    }

    // MARK: Templates

    /// The repository's root, three folders above this file.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let coursesDirectory = repositoryRoot.appendingPathComponent("courses", isDirectory: true)

    private static let templateDirectory = FileManager.default.temporaryDirectory
        .appendingPathComponent("malaka-e2e-templates-\(ProcessInfo.processInfo.processIdentifier)", isDirectory: true)

    private static let emptyTemplate = Template(named: "empty", commands: [["init"]])
    private static let catalogueTemplate = Template(
        named: "catalogue", commands: [["init"], ["course", "sync", "--dir", coursesDirectory.path]])

    /// A database built once per test run by running commands on it.
    private struct Template: Sendable {
        private let result: Result<String, Failure>

        struct Failure: Error, CustomStringConvertible {
            var description: String
        }

        init(named name: String, commands: [[String]]) {
            let path = TemporaryProgramme.templateDirectory.appendingPathComponent("\(name).sqlite").path
            do {
                try FileManager.default.createDirectory(
                    at: TemporaryProgramme.templateDirectory, withIntermediateDirectories: true)
                atexit { try? FileManager.default.removeItem(at: TemporaryProgramme.templateDirectory) }
                for command in commands {
                    let run = try MalakaProcess.run(command + ["--db", path])
                    guard run.status == 0 else { throw Failure(description: "Building the \(name) template failed: \(run)") }
                }
                guard FileManager.default.fileExists(atPath: path) else {
                    throw Failure(description: "Building the \(name) template left no database at \(path).")
                }
                result = .success(path)
            } catch let failure as Failure {
                result = .failure(failure)
            } catch {
                result = .failure(Failure(description: "Building the \(name) template failed: \(error)"))
            }
        }

        func path() throws -> String {
            try result.get()
        }
    }

    /// Copies a database file with its write-ahead log, if one was left.
    private static func copy(_ source: String, to destination: String) throws {
        let fileManager = FileManager.default
        try fileManager.copyItem(atPath: source, toPath: destination)
        if fileManager.fileExists(atPath: source + "-wal") {
            try fileManager.copyItem(atPath: source + "-wal", toPath: destination + "-wal")
        }
    }
}

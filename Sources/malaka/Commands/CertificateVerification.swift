import ArgumentParser
import Foundation
import TrainingCore

/// `malaka certificates verify`: valid, revoked, superseded, unknown or forged, and why.
struct VerifyCertificate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a certificate from its QR token, its serial or its PDF file.",
        discussion: """
            Offline, with only the issuer's public keys (--keys, from `malaka keys export-public`), \
            it checks the signature and what the certificate says; add --revocations (from \
            `malaka certificates revocations export`) to know about revoked and superseded ones. \
            With the programme's database (--db or MALAKA_DB) it also checks the ledger.
            Exit status: 0 valid; 65 revoked, superseded, unknown or forged.
            Examples:
              malaka certificates verify certificate.pdf --keys malaka-public-keys.json --revocations revoked.json
              malaka certificates verify "MLK1:…" --keys malaka-public-keys.json --name "Gʻulomjon Oʻrinboyev"
              malaka certificates verify UZ-2019-000001 --db programme.sqlite
            """)

    @Argument(help: "A token (MLK1:…), a serial, or a certificate's PDF file.") var certificate: String
    @Option(help: "The issuers' public keys file.") var keys: String?
    @Option(help: "A signed revocation list.") var revocations: String?
    @Option(help: "The name as printed, to check against the token.") var name: String?
    @Option(name: .customLong("db"), help: ArgumentHelp("The programme's database, if at hand.", valueName: "path")) var databasePath: String?
    @OptionGroup var output: OutputOptions

    func run() throws {
        let database = try openDatabaseIfGiven()
        var publicKeys = try keys.map(Self.loadKeys) ?? []
        if let database { publicKeys += try database.publicSigningKeys() }
        guard !publicKeys.isEmpty else {
            throw MalakaError.usage("Give the issuers' public keys with --keys FILE (from `malaka keys export-public`), or the programme's database with --db.")
        }
        var printedNames = name.map { [$0] }
        let token: String
        if FileManager.default.fileExists(atPath: certificate) {
            let reading = try CertificatePDF.read(certificate)
            token = reading.token
            printedNames = printedNames ?? reading.lines
        } else if certificate.hasPrefix(CertificateToken.prefix) {
            token = certificate
        } else {
            guard let database else {
                throw MalakaError.usage("“\(certificate)” is not a token or a file; to check a serial, give the programme's database with --db.")
            }
            token = try database.token(serial: certificate)
        }
        var ledger: (@Sendable (String) throws -> CertificateVerifier.LedgerEntry?)?
        if let database {
            ledger = { serial in try database.ledgerEntry(serial: serial) }
        }
        let revocationList = try revocations.map(Self.loadRevocations)
        let verifier = CertificateVerifier(publicKeys: publicKeys, revocations: revocationList, ledger: ledger)
        let verdict = try verifier.verify(token: token, printedNames: printedNames)
        if output.json {
            var view = VerdictView(verdict)
            view.checkCode = verdict.token.map { _ in CertificateToken.checkCode(of: token) }
            try Printer.json(view)
        } else {
            print("\(verdict.status.rawValue.uppercased()): \(verdict.token?.serial ?? "no readable serial")")
            for reason in verdict.reasons { print("  \(reason)") }
            // A token read apart from its paper (a phone, a photo) is tied back to it by the code printed beside the QR code.
            if verdict.token != nil {
                print("  Check code \(CertificateToken.checkCode(of: token)): the one printed beside the QR code must be the same.")
            }
        }
        if verdict.status != .valid { throw ExitCode(65) }
    }

    private func openDatabaseIfGiven() throws -> AppDatabase? {
        let path = databasePath ?? ProcessInfo.processInfo.environment["MALAKA_DB"]
        guard let path, !path.isEmpty else { return nil }
        return try AppDatabase.open(at: path)
    }

    static func loadKeys(_ path: String) throws -> [PublicSigningKey] {
        let data = try readSmallFile(path, what: "the public keys file")
        // `keys export-public` writes dates as ISO 8601; reading them as numbers refused every file it wrote.
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let file: PublicKeyFile
        do {
            file = try decoder.decode(PublicKeyFile.self, from: data)
        } catch {
            throw MalakaError.data("\(path) is not a Malaka public keys file (\(Self.where(error))); write one with `malaka keys export-public --out FILE`.")
        }
        guard file.format == "malaka-public-keys-1" else {
            throw MalakaError.data("\(path), field format: “\(file.format.prefix(40))” is not a format this malaka knows; write the file with `malaka keys export-public --out FILE`.")
        }
        return try file.keys.enumerated().map { index, entry in
            do {
                return try PublicSigningKey(base64: entry.publicKey)
            } catch let error as MalakaError {
                throw MalakaError.data("\(path), field keys[\(index + 1)].publicKey: \(error.message)")
            }
        }
    }

    /// A keys file or revocation list: a few kilobytes, so anything far larger (or a device such as /dev/zero) is refused before it is read.
    static func readSmallFile(_ path: String, what: String, limit: Int = 16 << 20) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let attributes = try? FileManager.default.attributesOfItem(atPath: URL(fileURLWithPath: path).resolvingSymlinksInPath().path),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let handle = FileHandle(forReadingAtPath: path)
        else {
            throw MalakaError.io("Cannot read \(what) \(path): it does not exist, is not a regular file, or is not readable.")
        }
        defer { try? handle.close() }
        let tooLarge = MalakaError.data("\(path) is larger than \(limit >> 20) MB, far larger than \(what) can be; check that it is the right file.")
        // The size first, so that a huge file is refused without reading it; then a bounded read for a file that grows.
        if let size = (attributes[.size] as? NSNumber)?.intValue, size > limit { throw tooLarge }
        guard let data = try? handle.read(upToCount: limit + 1) ?? Data() else {
            throw MalakaError.io("Cannot read \(what) \(path).")
        }
        guard data.count <= limit else { throw tooLarge }
        return data
    }

    /// Where a JSON file went wrong, as a field path such as `keys[1].createdAt`, counting items from 1 as template messages do.
    static func `where`(_ error: any Error) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            let text = keys.map { $0.intValue.map { "[\($0 + 1)]" } ?? ".\($0.stringValue)" }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : text
        }
        switch error as? DecodingError {
        case let .keyNotFound(key, context)?:
            return "field \(path(context.codingPath + [key])) is missing"
        case let .typeMismatch(_, context)?, let .valueNotFound(_, context)?:
            return "field \(path(context.codingPath)) has the wrong kind of value"
        case let .dataCorrupted(context)?:
            return context.codingPath.isEmpty ? "it is not valid JSON" : "field \(path(context.codingPath)) is not readable"
        default:
            return "it is not valid JSON"
        }
    }

    static func loadRevocations(_ path: String) throws -> RevocationList {
        let data = try readSmallFile(path, what: "the revocation list")
        do {
            return try JSONDecoder().decode(RevocationList.self, from: data)
        } catch {
            throw MalakaError.data("\(path) is not a Malaka revocation list (\(Self.where(error))); write one with `malaka certificates revocations export`.")
        }
    }
}

/// `malaka certificates revocations export`: the signed list offline checkers load.
struct RevocationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revocations",
        abstract: "Publish the certificates that no longer stand.",
        subcommands: [Export.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a signed list of revoked and superseded serials.",
            discussion: "Example: malaka certificates revocations export --out revoked.json")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "The file to write.") var out: String
        @Option(help: "Sign with this organisation's key (else the default key).") var organisation: String?

        func run() throws {
            let database = try database.openForReading()
            guard let record = try database.currentSigningKey(for: organisation) else {
                throw MalakaError.data("There is no signing key to sign the list with. Create one with `malaka keys generate --out FILE`.")
            }
            let list = try RevocationList(entries: database.revocationEntries(), generated: .today,
                                          key: SigningKey(contentsOf: record.privateKeyPath))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            // Published beside the public keys for anyone who checks certificates.
            try OutputFile(path: out, permissions: 0o644).write(try encoder.encode(list))
            print("Wrote \(list.entries.count) revoked or superseded serial(s) to \(out), signed with key \(list.keyID).")
        }
    }
}

struct VerdictView: Encodable {
    var status: String
    var serial: String?
    var course: String?
    var organisation: String?
    var issueDate: String?
    var signingKey: String?
    var checkCode: String?
    var reasons: [String]

    init(_ verdict: CertificateVerifier.Verdict) {
        status = verdict.status.rawValue
        serial = verdict.token?.serial
        course = verdict.token?.courseCode
        organisation = verdict.token?.organisation
        issueDate = verdict.token?.issueDate.iso
        signingKey = verdict.signingKeyID
        reasons = verdict.reasons
    }
}

/// Reads what a checker needs from a certificate's PDF: the token in its metadata and its lines of text.
enum CertificatePDF {
    static func read(_ path: String) throws -> (token: String, lines: [String]) {
        // A certificate is a few hundred kilobytes and a bundle of thousands some tens of megabytes;
        // anything larger is read no further than the limit.
        let data = try VerifyCertificate.readSmallFile(path, what: "the certificate file", limit: 256 << 20)
        guard data.starts(with: Data("%PDF".utf8)) else {
            throw MalakaError.data("\(path) is not a PDF file.")
        }
        // The token is in the document's keywords as plain ASCII (Base45), so a byte search finds it.
        guard let start = data.range(of: Data(CertificateToken.prefix.utf8)) else {
            throw MalakaError.data("\(path) carries no Malaka certificate token. A bundle of many certificates carries none: check the person's own PDF, or scan the QR code on the page. Certificates issued before tokens existed have none until they are issued again.")
        }
        let alphabet = Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)
        let tokenBytes = data[start.lowerBound...].prefix { alphabet.contains($0) }
        let token = String(decoding: tokenBytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        return (token, try textLines(of: path))
    }

    /// The page text through poppler's pdftotext, one trimmed line each.
    private static func textLines(of path: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // An absolute path, so that a file named like an option (`-v`) is read as a file.
        process.arguments = ["pdftotext", "-enc", "UTF-8", URL(fileURLWithPath: path).path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw MalakaError.io("Cannot run pdftotext to read the names on \(path); install poppler-utils.")
        }
        // A PDF made to send pdftotext into a loop must not hang `verify`: it gets a minute.
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
        let text = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        if process.terminationReason == .uncaughtSignal {
            throw MalakaError.data("\(path) could not be read: pdftotext did not finish within a minute. The file may be damaged; ask the holder for another copy.")
        }
        return String(decoding: text, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

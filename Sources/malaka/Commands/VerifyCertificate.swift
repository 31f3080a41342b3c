import ArgumentParser
import CertificateVerification
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
        var evidence = name.map(NameEvidence.typed) ?? .notGiven
        let token: String
        if FileManager.default.fileExists(atPath: certificate) {
            let reading = try CertificatePDF.read(certificate)
            token = reading.token
            if name == nil { evidence = reading.name }
        } else if certificate.hasPrefix(CertificateToken.prefix) {
            token = certificate
        } else {
            guard let database else {
                throw MalakaError.usage("“\(certificate)” is not a token or a file; to check a serial, give the programme's database with --db.")
            }
            token = try database.token(serial: certificate)
        }
        var ledger: (@Sendable (String) throws -> LedgerEntry?)?
        if let database {
            ledger = { serial in try database.ledgerEntry(serial: serial) }
        }
        let revocationList = try revocations.map(Self.loadRevocations)
        let verifier = CertificateVerifier(publicKeys: publicKeys, revocations: revocationList, ledger: ledger)
        let verdict: Verdict
        do {
            verdict = try verifier.verify(token: token, name: evidence)
        } catch let error as VerificationError {
            throw MalakaError(error, remedy: error.remedy?.wording ?? "")
        }
        if output.json {
            var view = VerdictView(verdict)
            view.checkCode = verdict.token.map { _ in CertificateToken.checkCode(of: token) }
            try Printer.json(view)
        } else {
            VerdictText.print(verdict, token: token)
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
        return try PublicKeysFile.decode(data, source: path).trustedKeys(source: path)
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

    static func loadRevocations(_ path: String) throws -> RevocationList {
        try RevocationList.decode(readSmallFile(path, what: "the revocation list"), source: path)
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
            commandName: "export",
            abstract: "Write a signed list of revoked and superseded serials.",
            discussion: "Example: malaka certificates revocations export --out revoked.json")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: FileOutputOptions
        @Option(help: "Sign with this organisation's key (else the default key).") var organisation: String?

        func run() throws {
            // Published beside the public keys for anyone who checks certificates.
            let destination = try output.destination(permissions: 0o644)
            let database = try database.openForReading()
            guard let record = try database.currentSigningKey(for: organisation) else {
                throw MalakaError.data("There is no signing key to sign the list with. Create one with `malaka keys generate --out FILE`.")
            }
            let list = try RevocationList(entries: database.revocationEntries(), generated: DayDate.today.tokenDate,
                                          key: SigningKey(contentsOf: record.privateKeyPath))
            try destination.write(try list.encoded())
            if let path = destination.path {
                print("Wrote \(list.entries.count) revoked or superseded serial(s) to \(path), signed with key \(list.keyID).")
            }
        }
    }
}

import ArgumentParser
import CertificateVerification
import Foundation
import TrainingCore

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Manage the keys that sign certificates so anyone can check them offline.",
        subcommands: [Generate.self, List.self, ExportPublic.self, ExportVerifier.self,
                      GenerateSite.self, CertifySite.self, RevokeSite.self, Trust.self])
}

extension KeysCommand {
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract: "Create an organisation's signing key; an older key is retired but still verifies.",
            discussion: """
                The private key goes to a new file readable only by you (mode 600); keep it \
                safe and never share it. The public key is kept in the database.
                Example: malaka keys generate --organisation "UNICEF Uzbekistan" --out keys/unicef-2019.key
                """)

        @OptionGroup var database: DatabaseOptions
        @Option(help: "The organisation, as written on its events, or `default`.") var organisation = "default"
        @Option(help: "The new private key file.") var out: String

        func run() throws {
            let record = try database.open().generateSigningKey(organisation: organisation, privateKeyPath: out)
            print("Created signing key \(record.keyID) for \(record.organisation).")
            print("Private key: \(record.privateKeyPath) (readable only by you; never share it).")
            print("Share the public key with `malaka keys export-public`.")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the signing keys, current and retired.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let keys = try database.openForReading().signingKeys()
            if output.json { return try Printer.json(keys.map(\.publicKeysFileEntry)) }
            Printer.table(["Key", "Organisation", "Created", "Status"], keys.map { key in
                [key.keyID, key.organisation, ISO8601DateFormatter().string(from: key.createdAt).prefix(10).description,
                 key.retiredAt == nil ? "current" : "retired"]
            })
        }
    }

    struct ExportPublic: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export-public",
            abstract: "Write the public keys, current and retired, for checkers to load.",
            discussion: "Example: malaka keys export-public --out malaka-public-keys.json")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: FileOutputOptions

        func run() throws {
            // Public keys are meant to be handed out.
            let destination = try output.destination(permissions: 0o644)
            let file = try database.openForReading().publicKeysFile()
            guard !file.keys.isEmpty else {
                throw MalakaError.data("There are no signing keys yet. Create one with `malaka keys generate --out FILE`.")
            }
            let data = try file.encoded()
            if let path = destination.path {
                try destination.write(data)
                let sites = file.sites.isEmpty ? "" : ", \(file.sites.count) certified site key(s) and \(file.siteRevocations.count) site key revocation(s)"
                print("Wrote \(file.keys.count) public key(s)\(sites) to \(path).")
            } else {
                try destination.write(data + Data("\n".utf8))
            }
        }
    }
}

import ArgumentParser
import CertificateVerification
import Foundation
import TrainingCore

/// Site keys: each site signs with its own key, which the programme's key certifies, so that a checker
/// trusts the programme's public keys file alone.
extension KeysCommand {
    struct GenerateSite: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate-site",
            abstract: "Make this site's signing key; its public key goes to the programme's desk to be certified.",
            discussion: """
                The private key goes to a new file readable only by you (mode 600); the public key is written \
                beside it as FILE.pem, to send to the programme's desk. Certificates issued here carry the site \
                code in their serials and are signed with this key once the programme has certified it.
                Example: malaka keys generate-site XO-URG1 --out keys/xo-urg1.key
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: ArgumentHelp("The site's code, such as XO-URG1.", valueName: "code")) var code: String
        @Option(help: "The new private key file.") var out: String

        func run() throws {
            let pemPath = out + ".pem"
            // The public key is meant to be sent; refuse an existing file before making the key.
            let pemFile = try OutputFile(path: pemPath, permissions: 0o644)
            let record = try database.open().generateSiteKey(siteCode: code, privateKeyPath: out)
            try pemFile.write(Data(try PublicSigningKey(base64: record.publicKey).pem.utf8))
            print("Created site key \(record.keyID) for site \(record.siteCode).")
            print("Private key: \(record.privateKeyPath) (readable only by you; never share it).")
            print("Public key: \(pemPath). Send it to the programme's desk, which certifies it with `malaka keys certify-site \(record.siteCode) --key \(URL(fileURLWithPath: pemPath).lastPathComponent)`.")
        }
    }

    struct CertifySite: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "certify-site",
            abstract: "At the programme's desk: certify a site's public key with the programme's key.",
            discussion: """
                Then share the public keys file again (`malaka keys export-public`): it carries the site's \
                certificate, so a checker who trusts the programme's keys trusts what the site signs.
                Example: malaka keys certify-site XO-URG1 --key xo-urg1.key.pem
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: ArgumentHelp("The site's code, such as XO-URG1.", valueName: "code")) var code: String
        @Option(help: "The site's public key (PEM), from `malaka keys generate-site`.") var key: String
        @Option(help: "Certify with this organisation's key (else the default key).") var organisation: String?
        @Option(help: "The first day the site's key signs (25.03.2026 or 2026-03-25); today if not given.") var from: String?

        func run() throws {
            let notBefore = try from.map(DayDate.init(parsing:)) ?? .today
            let data = try VerifyCertificate.readSmallFile(key, what: "the site's public key", limit: 64 << 10)
            let publicKey: PublicSigningKey
            do {
                publicKey = try PublicSigningKey(pem: String(decoding: data, as: UTF8.self))
            } catch let error as VerificationError {
                throw MalakaError.data("\(key): \(error.message) Give the .pem file `malaka keys generate-site` wrote.")
            }
            let certificate = try database.open().certifySite(code, publicKey: publicKey, notBefore: notBefore, organisation: organisation)
            print("Certified site \(certificate.siteCode)'s key \(publicKey.idHex) with the programme key \(certificate.programmeKeyID) of \(certificate.programme), from \(certificate.notBefore).")
            print("Share it: `malaka keys export-public --out programme-keys.json`, then `malaka keys trust programme-keys.json` at the site.")
        }
    }

    struct RevokeSite: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke-site",
            abstract: "At the programme's desk: revoke a site's keys from a day on (a lost laptop).",
            discussion: """
                Certificates the site signed before that day stay valid; a token it dates on that day or later is \
                refused. Share the public keys file again so checkers know.
                Example: malaka keys revoke-site XO-URG1 --from 01.06.2026
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: ArgumentHelp("The site's code, such as XO-URG1.", valueName: "code")) var code: String
        @Option(help: "The first day the site's keys no longer sign (25.03.2026 or 2026-03-25).") var from: String
        @Option(help: "Sign with this organisation's key (else the default key).") var organisation: String?

        func run() throws {
            let day = try DayDate(parsing: from)
            let revocations = try database.open().revokeSiteKeys(code, from: day, organisation: organisation)
            if revocations.isEmpty {
                print("Site \(code)'s keys were already revoked from \(day.dotted) or earlier; nothing changed.")
            }
            for revocation in revocations {
                print("Revoked site \(revocation.siteCode)'s key \(revocation.keyID) from \(day.dotted); what it signed before stays valid.")
            }
            if !revocations.isEmpty {
                print("Share it: `malaka keys export-public --out programme-keys.json`, and write the verification page again.")
            }
        }
    }

    struct Trust: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "trust",
            abstract: "At a site: load the programme's public keys file, with the site keys it certified and revoked.",
            discussion: "Example: malaka keys trust programme-keys.json")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: ArgumentHelp("The programme's public keys file, from `malaka keys export-public`.", valueName: "file"))
        var file: String

        func run() throws {
            let data = try VerifyCertificate.readSmallFile(file, what: "the public keys file")
            let keys = try PublicKeysFile.decode(data, source: file)
            let database = try database.open()
            let added = try database.trustProgrammeKeys(keys, source: file)
            print("Loaded \(file): \(added.keys) new programme key(s), \(added.sites) new site certificate(s), \(added.revocations) new site key revocation(s).")
            if let site = try database.siteSigningKey(),
               !(try database.publicSigningKeys()).contains(where: { $0.idHex == site.keyID }) {
                print("This site's key \(site.keyID) is not certified in it yet: certificates cannot be issued here until it is.")
            }
        }
    }
}

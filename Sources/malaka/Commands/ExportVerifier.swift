import ArgumentParser
import CertificateVerification
import Foundation
import TrainingCore

extension KeysCommand {
    /// `malaka keys export-verifier`: the page that checks certificates on a phone with nothing installed.
    struct ExportVerifier: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export-verifier",
            abstract: "Write the verification page: one HTML file that checks certificates offline in any browser.",
            discussion: """
                The page holds the public keys, current and retired, the latest signed revocation list \
                and the course titles; it loads nothing from the network, so it works opened from a file, \
                from a phone's storage or from any static web host. Publish it, then set its address with \
                `malaka organisation set NAME --verification-url "https://HOST/verify.html#"`: certificates \
                issued afterwards carry the address and their token in the QR code, so a phone's camera \
                opens the page and the check runs in the phone.
                Write it again after revoking or reissuing a certificate, so its revocation list is current.
                Example: malaka keys export-verifier --out verify.html
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: FileOutputOptions
        @Option(help: "Sign the revocation list with this organisation's key (else the default key).") var organisation: String?

        func run() throws {
            let destination = try output.destination(permissions: 0o644) // published for anyone to open
            let database = try database.openForReading()
            let keys = try database.signingKeys()
            guard !keys.isEmpty else {
                throw MalakaError.data("There are no signing keys yet, so there is nothing a page could check. Create one with `malaka keys generate --out FILE`, or issue certificates first.")
            }
            var revocations: RevocationList?
            if let record = try database.currentSigningKey(for: organisation) {
                revocations = try RevocationList(entries: database.revocationEntries(), generated: DayDate.today.tokenDate,
                                                 key: SigningKey(contentsOf: record.privateKeyPath))
            }
            var titles: [String: [String: String]] = [:]
            for course in try database.courses() {
                titles[course.course.code] = Dictionary(uniqueKeysWithValues: course.titles.map { ($0.key.rawValue, $0.value) })
            }
            // The programme's keys and the site keys it certified, so that a site's certificates check on the page too.
            let page = VerifierPage(keys: try database.publicKeysFile().pageEntries(), revocations: revocations, courseTitles: titles)
            let html = Data(try page.html().utf8)
            // The shared safe writer: a temporary file, fsync, rename, the folder fsynced; never half-written.
            try destination.write(html)
            guard let path = destination.path else { return }
            print("Wrote the verification page \(path) (\(html.count / 1024) KB): \(keys.count) public key(s), " +
                  (revocations.map { "revocation list of \($0.generated) with \($0.entries.count) serial(s)." }
                      ?? "no revocation list (no current signing key to sign one)."))
        }
    }
}

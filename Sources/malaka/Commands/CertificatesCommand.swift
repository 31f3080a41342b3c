import ArgumentParser
import CertificateVerification
import Documents
import Foundation
import MalakaSupport
import TrainingCore

struct CertificatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certificates",
        abstract: "Issue, re-issue, revoke and look up participation certificates.",
        discussion: """
            Certificates are PDFs drawn from the templates in certificate-templates/ (or --templates, or \
            MALAKA_TEMPLATES), in the holder's language, each with a serial number and a QR code that \
            links to its verification page. `malaka organisation set` chooses the serial format and the link.
            """,
        subcommands: [Issue.self, Reissue.self, Revoke.self, List.self, Show.self, VerifyCertificate.self, RevocationsCommand.self])
}

extension CertificatesCommand {
    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "issue",
            abstract: "Issue an event's certificates to everyone who completed it, or to the people named.",
            discussion: """
                The whole batch is checked first: who qualifies, and every letter of every certificate \
                against the fonts and the template. If any certificate cannot be printed, nothing is \
                issued and every problem is listed, unless --skip-invalid. Issuing again gives the same \
                serials and the same PDFs; a person who completes later gets the next number.

                Examples:
                  malaka certificates issue 1 --out certificates/khorezm
                  malaka certificates issue 1 --bundle khorezm.pdf --issue-date 01.04.2019
                  malaka certificates issue 1 12 Karimova --language ru --out certificates
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The event number.") var event: Int64
        @Argument(help: "Only these people, by number or by a part of their name; by default everyone who completed.")
        var participants: [String] = []
        @Option(help: "Print every new certificate in this language; by default each person's own.")
        var language: DocumentLanguage?
        @Option(help: "The template; by default the course's.") var template: String?
        @Option(help: ArgumentHelp("The date printed on new certificates (2019-03-25 or 25.03.2019); by default today.", valueName: "date")) var issueDate: DayDate?
        @OptionGroup var output: CertificateOutputOptions
        @Flag(help: "Issue the certificates that can be printed and list the others, instead of issuing none.")
        var skipInvalid = false
        @Flag(help: "Print names as registered even where their script is not the certificate's language's.")
        var allowOtherScript = false
        @Flag(help: "Print the certificates as JSON.") var json = false

        func run() throws {
            do {
                try issue()
            } catch let refusal as ScriptMismatchRefusal {
                throw ScriptMismatchWording.error(refusal)
            }
        }

        func issue() throws {
            let database = try database.open()
            var ids: [Int64] = []
            var unknown: [String] = []
            for reference in participants {
                do {
                    ids.append(try database.enrolledParticipant(eventID: event, matching: reference))
                } catch let error as MalakaError {
                    unknown.append(error.cliText)
                }
            }
            if !unknown.isEmpty {
                throw MalakaError.data((["Some people named could not be found, so nothing was issued."] + unknown.map { "  - " + $0 })
                    .joined(separator: "\n"))
            }
            var request = CertificateRequest(
                eventID: event, participantIDs: ids, language: language,
                template: template, issueDate: issueDate)
            request.allowOtherScript = allowOtherScript
            let issuer = CertificateIssuer(database: database, renderer: output.renderer(),
                                           keys: .besideDatabase(at: self.database.resolvedPath))
            let bar = ProgressBar(label: "certificates")
            defer { bar?.finish() }
            var progress: IssueProgress?
            if let bar { progress = { done, total in bar.update(done, of: total) } }
            let report = try issuer.issue(request, to: output.destination, skipInvalid: skipInvalid, keepHashes: json,
                                          progress: progress)
            bar?.finish()
            if ProcessInfo.processInfo.environment["MALAKA_TIMINGS"] != nil {
                let steps = report.timings.map { step, value in
                    step.hasSuffix(" MB") ? String(format: "%@ %.1f", step, value) : String(format: "%@ %.3f s", step, value)
                }.joined(separator: ", ")
                FileHandle.standardError.write(Data("timings: \(steps)\n".utf8))
            }
            for problem in report.skipped {
                let whom = problem.holders.isEmpty ? "" : " [\(problem.holders.joined(separator: "; "))]"
                FileHandle.standardError.write(Data("warning: skipped: \(problem.message)\(problem.remedy.map { " " + $0.cliText } ?? "")\(whom)\n".utf8))
            }
            if json {
                try Printer.json(report.certificates.map { IssuedView($0, directory: report.directory) })
                return SigningKeyNotice.print(report.createdKey, toStandardError: true)
            }
            CertificateReport.print(report, event: event)
            SigningKeyNotice.print(report.createdKey, toStandardError: false)
        }
    }

    struct Reissue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reissue",
            abstract: "Issue a new certificate in place of one with a mistake, e.g. after correcting the name.",
            discussion: """
                Correct the person first (`malaka participant edit`); the new certificate prints their \
                current name, gets the next serial, and records the one it replaces, which becomes superseded.

                Example: malaka certificates reissue UZ-2019-000003 --out certificates
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The serial of the certificate to replace.") var serial: String
        @Option(help: "Print it in another language.") var language: DocumentLanguage?
        @Option(help: ArgumentHelp("The date printed on it (2019-03-25 or 25.03.2019); by default today.", valueName: "date")) var issueDate: DayDate?
        @OptionGroup var output: CertificateOutputOptions
        @Flag(help: "Print the new certificate as JSON.") var json = false

        func run() throws {
            let database = try database.open()
            let issuer = CertificateIssuer(database: database, renderer: output.renderer(),
                                           keys: .besideDatabase(at: self.database.resolvedPath))
            let report = try issuer.reissue(
                serial: serial, language: language,
                issueDate: issueDate, to: output.destination)
            let issued = report.certificates[0]
            if json {
                try Printer.json(IssuedView(issued, directory: report.directory))
                return SigningKeyNotice.print(report.createdKey, toStandardError: true)
            }
            defer { SigningKeyNotice.print(report.createdKey, toStandardError: false) }
            print("Issued \(issued.serial) to \(issued.name) in place of \(issued.replaces ?? serial), which is now superseded.")
            if let directory = report.directory, let file = issued.file { print("File: \(directory.appendingPathComponent(file).path)") }
            if let bundle = report.bundle { print("Bundle: \(bundle.path)") }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke",
            abstract: "Withdraw a certificate; it stays on record as revoked, with the reason.",
            discussion: "Example: malaka certificates revoke UZ-2019-000007 --reason \"Issued to the wrong person\"")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The serial.") var serial: String
        @Option(help: "Why it is withdrawn.") var reason: String

        func run() throws {
            let certificate = try database.open().revokeCertificate(serial: serial, reason: reason)
            print("Revoked \(certificate.serial) (\(certificate.printedName)): \(certificate.revokedReason ?? reason).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List certificates by serial.",
            discussion: "Example: malaka certificates list --event 1 --status valid")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var outputOptions: OutputOptions
        @Option(help: "Only this event's.") var event: Int64?
        @Option(help: "Only this person's, by number.") var participant: Int64?
        @Option(help: "Only certificates with this status.") var status: Certificate.Status?

        func run() throws {
            let database = try database.openForReading()
            let certificates = try database.certificates(eventID: event, participantID: participant, status: status)
            let circumstances = try database.circumstances(ofCertificates: certificates.map(\.serial))
            let views = certificates.map { CertificateView($0, circumstances: circumstances[$0.serial] ?? []) }
            if outputOptions.json { return try Printer.json(views) }
            Printer.table(["Serial", "Event", "Participant", "Name", "Language", "Issued", "Status"], views.map {
                [$0.serial, String($0.event), String($0.participant), $0.name, $0.language, $0.issued, $0.statusText]
            })
            print("\(certificates.count) certificate\(certificates.count == 1 ? "" : "s").")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one certificate: what it says, its status and its hashes.",
            discussion: "Example: malaka certificates show UZ-2019-000001")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var outputOptions: OutputOptions
        @Argument(help: "The serial.") var serial: String

        func run() throws {
            let database = try database.openForReading()
            let certificate = try database.certificate(serial: serial)
            let content = try database.certificateContent(serial: certificate.serial)
            let replacement = try database.replacement(ofCertificate: certificate.serial)
            let circumstances = try database.circumstances(ofCertificates: [certificate.serial])[certificate.serial] ?? []
            var view = CertificateView(certificate, circumstances: circumstances)
            view.verificationURL = content.verificationURL
            view.replacedBy = replacement?.serial
            view.course = content.courseTitle[certificate.language]
            view.dates = content.dates[certificate.language]
            view.place = content.place[certificate.language]
            if outputOptions.json { return try Printer.json(view) }
            var status = certificate.status.rawValue
            if let reason = certificate.revokedReason { status += ": \(reason)" }
            if let replacement { status += " by \(replacement.serial)" }
            Printer.fields([
                ("Certificate", certificate.serial), ("Status", status),
                ("Since issued", circumstances.map(\.sentence).joined(separator: " ")), ("Name", certificate.printedName),
                ("Participant", String(certificate.participantId)), ("Event", String(certificate.eventId)),
                ("Course", view.course), ("Dates", view.dates), ("Place", view.place),
                ("Language", certificate.language.rawValue), ("Template", certificate.template),
                ("Issued", certificate.issueDate.dotted), ("Replaces", certificate.replacesSerial),
                ("Verification", content.verificationURL),
                ("Check code", view.checkCode ?? "none (issued before tokens; issue it again to sign it)"),
                ("Token", view.token),
                ("Content SHA-256", certificate.contentSHA256),
                ("PDF SHA-256", certificate.pdfSHA256 ?? "not recorded (issued in a bundle only; `issue --out` records it)"),
            ])
        }
    }
}

/// What `certificates issue` prints for people: a line per certificate, written as it goes, so that
/// a run of 10,000 prints without building its whole table in memory.
enum CertificateReport {
    static func print(_ report: IssueReport, event: Int64) {
        let lines = report.certificates
        let new = lines.reduce(0) { $0 + ($1.isNew ? 1 : 0) }
        let changed = lines.reduce(0) { $0 + ($1.printsDifferently ? 1 : 0) }
        var output = BufferedOutput()
        output.write("Issued \(lines.count) certificate\(lines.count == 1 ? "" : "s") for event \(event): \(new) new, \(lines.count - new) issued before.\n")
        let header = ["Serial", "Name", "Language", "This run"]
        func status(_ line: IssuedLine) -> String {
            line.isNew ? "new" : line.printsDifferently ? "again, printed differently" : "again"
        }
        // Up to 10,000 lines: widened first, then written one at a time rather than kept.
        var table = PlainTextTable(header: header)
        for line in lines { table.widen([line.serial, line.name, line.language.rawValue]) }
        output.write(table.line(header))
        output.write(table.rule)
        for line in lines {
            output.write(table.line([line.serial, line.name, line.language.rawValue, status(line)]))
        }
        if changed > 0 {
            output.write("\(changed) certificate\(changed == 1 ? "" : "s") issued before now print\(changed == 1 ? "s" : "") differently (the template, fonts or organisation changed); the ledger records what was printed now.\n")
        }
        for note in report.notes { output.write(note + "\n") }
        if let directory = report.directory {
            let files = lines.reduce(0) { $0 + ($1.file == nil ? 0 : 1) }
            output.write("Files: \(files) PDF\(files == 1 ? "" : "s") in \(directory.path)/\n")
        }
        if let bundle = report.bundle { output.write("Bundle: \(bundle.path)\n") }
        output.flush()
    }
}

/// Standard output written in blocks of 64 KB.
struct BufferedOutput {
    private var buffer: [UInt8] = []

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 65_536 { flush() }
    }

    mutating func flush() {
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}

/// A certificate as `list --json` and `show --json` print it.

/// A certificate as `issue --json` and `reissue --json` print it.
struct IssuedView: Encodable {
    var serial: String
    var participant: Int64
    var name: String
    var language: String
    var new: Bool
    var printsDifferently: Bool
    var replaces: String?
    var file: String?
    var contentSHA256: String?
    var pdfSHA256: String?

    init(_ line: IssuedLine, directory: URL?) {
        serial = line.serial
        participant = line.participantID
        name = line.name
        language = line.language.rawValue
        new = line.isNew
        printsDifferently = line.printsDifferently
        replaces = line.replaces
        file = directory.flatMap { directory in line.file.map { directory.appendingPathComponent($0).path } }
        contentSHA256 = line.contentSHA256
        pdfSHA256 = line.pdfSHA256
    }
}


/// What to tell the user when issuing had to create the organisation's signing key.
enum SigningKeyNotice {
    static func print(_ record: SigningKeyRecord?, toStandardError: Bool) {
        guard let record else { return }
        let text = """
            Created the signing key \(record.keyID) for `\(record.organisation)`, since no key could sign these certificates: every certificate carries a signature anyone can check offline. It signs for every organiser without a key of its own.
              Private key: \(record.privateKeyPath) (readable only by you). Back it up somewhere safe and never share it; if it is lost, make a new key with `malaka keys generate`.
              Share the public key with whoever checks certificates: malaka keys export-public --out malaka-public-keys.json

            """
        if toStandardError {
            FileHandle.standardError.write(Data(text.utf8))
        } else {
            Swift.print(text, terminator: "")
        }
    }
}

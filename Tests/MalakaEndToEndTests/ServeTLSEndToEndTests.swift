import Foundation
import PDFTestSupport
import Testing

/// `malaka serve --tls-cert FILE --tls-key FILE` refuses a missing, wrong or half-given certificate before it listens,
/// naming the file, with the usual exit statuses: 74 a file not there, 65 a file that is no certificate or key, or a
/// key of another certificate, 64 one option without the other.
@Suite struct ServeTLSEndToEndTests {
    /// A self-signed certificate and its key, made by openssl in the programme's folder.
    private func certificate(_ programme: TemporaryProgramme, _ name: String) throws -> (certificate: String, key: String) {
        let files = (programme.path("\(name)-cert.pem"), programme.path("\(name)-key.pem"))
        try PDFTools.run("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                                     "-keyout", files.1, "-out", files.0, "-days", "2", "-subj", "/CN=127.0.0.1"])
        return files
    }

    @Test func aWrongCertificateOrKeyIsRefusedByNameBeforeListening() throws {
        let programme = try TemporaryProgramme()
        let one = try certificate(programme, "one")
        let two = try certificate(programme, "two")
        let notes = programme.path("notes.txt")
        try Data("not a certificate\n".utf8).write(to: URL(fileURLWithPath: notes))
        let missing = programme.path("missing.pem")
        // Port 9 (discard) is never reached: every refusal comes before listening.
        let serve = ["serve", "--port", "9"]
        expectRefusal(try programme.run(serve + ["--tls-cert", missing, "--tls-key", one.key]), status: 74, mentioning: [missing])
        expectRefusal(try programme.run(serve + ["--tls-cert", notes, "--tls-key", one.key]), status: 65, mentioning: [notes])
        expectRefusal(try programme.run(serve + ["--tls-cert", one.certificate, "--tls-key", two.key]), status: 65, mentioning: [two.key])
        expectRefusal(try programme.run(serve + ["--tls-cert", one.certificate]), status: 64, mentioning: ["--tls-key"])
    }
}

import ArgumentParser
import Documents
import Foundation

/// Where certificates are written, and which templates draw them: shared by `certificates issue` and `reissue`.
struct CertificateOutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Write one PDF per person into this folder.", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("Write every certificate as a page of this one PDF.", valueName: "file"))
    var bundle: String?

    @Option(help: ArgumentHelp(
        "The templates folder; else MALAKA_TEMPLATES, else ./certificate-templates.", valueName: "dir"))
    var templates: String?

    func validate() throws {
        if (out ?? "").isEmpty && (bundle ?? "").isEmpty {
            throw ValidationError("Say where the certificates go: --out DIR for one PDF per person, --bundle FILE for all in one PDF, or both.")
        }
    }

    var destination: CertificateDestination {
        CertificateDestination(
            directory: out.flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true) },
            bundle: bundle.flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) })
    }

    var templatesFolder: String {
        if let templates, !templates.isEmpty { return templates }
        if let folder = ProcessInfo.processInfo.environment["MALAKA_TEMPLATES"], !folder.isEmpty { return folder }
        return "certificate-templates"
    }

    func renderer() -> CertificateRenderer {
        CertificateRenderer(templates: CertificateTemplateLibrary(folder: templatesFolder))
    }
}

import Foundation
import TrainingCore
import Typesetting

/// The templates folder: finds templates by name, loads and checks each once, and keeps it.
///
/// For example:
/// ```swift
/// let templates = CertificateTemplateLibrary(folder: "certificate-templates")
/// let participation = try templates.template(named: "participation")
/// participation.languages   // [uz-Latn, uz-Cyrl, ky, ru, en]
/// ```
///
/// Safe to share between threads.
public final class CertificateTemplateLibrary: @unchecked Sendable {
    /// The folder as given, for messages.
    public let folder: String
    let folderURL: URL
    private let lock = NSLock()
    private var loaded: [String: Result<CertificateTemplate, MalakaError>] = [:]

    public init(folder: String) {
        self.folder = folder
        folderURL = URL(fileURLWithPath: folder, isDirectory: true)
    }

    /// The names of the templates in the folder, sorted.
    public func names() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folderURL.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The template `name`, loaded and checked the first time it is asked for.
    ///
    /// - Throws: ``MalakaError`` naming the file, line and field of every problem the template has,
    ///   or saying which templates there are when there is none of that name.
    public func template(named name: String) throws -> CertificateTemplate {
        if let known = lock.withLock({ loaded[name] }) { return try known.get() }
        let result = Result { () throws(MalakaError) -> CertificateTemplate in try load(name) }
        lock.withLock { loaded[name] = result }
        return try result.get()
    }

    private func load(_ name: String) throws(MalakaError) -> CertificateTemplate {
        guard name.range(of: "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", options: .regularExpression) != nil, !name.contains("..") else {
            throw MalakaError.usage("“\(name)” is not a template name: use letters, digits, dots, dashes and underscores, such as participation.")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folderURL.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw MalakaError(.io, .unreadableFile, "There is no templates folder \(folder).", subject: .file(folder), remedy: .giveTemplatesFolder)
        }
        let file = (folder.hasSuffix("/") ? folder : folder + "/") + name + ".yaml"
        guard FileManager.default.fileExists(atPath: file) else {
            let known = names()
            throw MalakaError(.data, .unknownTemplate, "There is no certificate template “\(name)” in \(folder)\(known.isEmpty ? "" : "; the templates are \(known.joined(separator: ", "))").",
                              subject: .template(name: name), remedy: .chooseTemplateOrAdd(name))
        }
        do {
            return try CertificateTemplate.load(name: name, file: file, folder: folderURL, fonts: FontLibrary())
        } catch let problems as TemplateProblems {
            let intro = problems.messages.count == 1 ? "" : "The template \(file) has \(problems.messages.count) problems; fix them first.\n"
            throw MalakaError(problems.isReadFailure ? .io : .data, intro + problems.messages.joined(separator: "\n"))
        } catch {
            throw MalakaError.data("\(file): \(error).")
        }
    }
}

import Crypto
import Foundation
import TrainingCore
import Typesetting

extension CertificateTemplate {
    /// Points per millimetre: templates are measured in millimetres, PDF pages in points.
    static let pointsPerMillimetre = 72 / 25.4

    /// The largest template file read: the shipped ones are under 10 KiB.
    static let maximumFileBytes = 1 << 20

    /// Reads and checks a template file, collecting every problem it has.
    ///
    /// - Parameters:
    ///   - file: the template file, named in messages as given.
    ///   - folder: the templates folder; images must lie inside it.
    ///   - fonts: used to check that the families exist and that the fixed text can be printed.
    /// - Throws: ``TemplateProblems`` listing each problem with its file, line and field.
    static func load(name: String, file: String, folder: URL, fonts: FontLibrary) throws -> CertificateTemplate {
        let url = URL(fileURLWithPath: file)
        let data: Data
        // A template is a few kilobytes; a link to /dev/zero or a huge file is refused before it is read into memory.
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path)
        if attributes?[.type] as? FileAttributeType != .typeRegular {
            throw TemplateProblems([TemplateError("\(file) is not a regular file; a template is a YAML file in the templates folder.")], io: true)
        }
        if let size = (attributes?[.size] as? NSNumber)?.intValue, size > maximumFileBytes {
            throw TemplateProblems([TemplateError("\(file) is \(size / 1024) KiB, far larger than a template can be (\(maximumFileBytes / 1024) KiB at most); check that it is the right file.")])
        }
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw TemplateProblems([TemplateError("\(file) could not be read (\((error as NSError).localizedDescription)).")], io: true)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TemplateProblems([TemplateError("\(file): the file is not UTF-8 text. Save it as UTF-8.")])
        }
        var loader = TemplateLoader(file: file, folder: folder, fonts: fonts)
        let template = loader.read(text: text, name: name, data: data)
        guard loader.problems.isEmpty, let template else {
            throw TemplateProblems(loader.problems)
        }
        return template
    }
}

extension CertificateTemplate {
    /// Reads template text as ``load(name:file:folder:fonts:)`` does after reading the file: a template, or its problems.
    ///
    /// For the fuzzer (`make fuzz`), which feeds it arbitrary bytes: whatever the
    /// text, the answer must be one of the two, never a crash or a hang.
    public static func parse(data: Data, file: String, folder: URL, fonts: FontLibrary) -> Result<CertificateTemplate, TemplateProblems> {
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(TemplateProblems([TemplateError("\(file): the file is not UTF-8 text. Save it as UTF-8.")]))
        }
        var loader = TemplateLoader(file: file, folder: folder, fonts: fonts)
        let template = loader.read(text: text, name: "fuzz", data: data)
        guard loader.problems.isEmpty, let template else { return .failure(TemplateProblems(loader.problems)) }
        return .success(template)
    }
}

/// Every problem found in a template, each naming the file, line and field.
public struct TemplateProblems: Error, Sendable, CustomStringConvertible {
    public let messages: [String]
    /// Whether the file could not be read at all, rather than being wrong.
    public let isReadFailure: Bool

    init(_ errors: [TemplateError], io: Bool = false) {
        messages = errors.map(\.message)
        isReadFailure = io
    }

    public var description: String { messages.joined(separator: "\n") }
}

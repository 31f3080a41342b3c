import Crypto
import Dispatch
import Foundation
import MalakaSupport
import TrainingCore
import Typesetting

/// Lays out certificates with their templates, checks them, hashes them and draws them as PDF.
///
/// For example:
/// ```swift
/// let renderer = CertificateRenderer(templates: CertificateTemplateLibrary(folder: "certificate-templates"))
/// let report = renderer.preflight([(content, "Gʻulomjon Oʻrinboyev (3)")])
/// guard report.problems.isEmpty else { … }
/// let pdf = try renderer.pdf(of: content)
/// ```
///
/// A renderer is safe to use from several threads at once: each thread borrows a font library
/// and decoded images of its own from a pool, so fonts are loaded once per thread, not per
/// certificate.
public final class CertificateRenderer: Sendable {
    public let templates: CertificateTemplateLibrary
    private let workers = WorkerPool()

    public init(templates: CertificateTemplateLibrary) {
        self.templates = templates
    }

    /// The languages the template `name` prints, the default first.
    public func languages(ofTemplate name: String) throws -> [DocumentLanguage] {
        try templates.template(named: name).languages
    }

    func page(for content: CertificateContent) throws -> CertificatePage {
        try CertificatePage(template: templates.template(named: content.template), content: content)
    }

    // MARK: Content hash

    /// The SHA-256 of the certificate's canonical content, in hex: the template's digest, the
    /// language and page, and every text, QR code and metadata field as printed.
    ///
    /// Two certificates with the same hash print the same page. Computing it costs a few
    /// microseconds, which is why the ledger records it for every certificate, while the hash
    /// of a certificate's own PDF is recorded only when that PDF is made.
    public func contentDigest(of content: CertificateContent) throws -> String {
        Self.contentDigest(of: try page(for: content))
    }

    /// The content hash of a page laid out already, so that issuing lays out each page once for the hash and the drawing.
    static func contentDigest(of page: CertificatePage) -> String {
        // Every field followed by U+001F, gathered and hashed at once: hashing field by field cost more than the fields.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(2048)
        func add(_ text: String) {
            bytes.append(contentsOf: text.utf8)
            bytes.append(0x1F)
        }
        add("malaka-certificate-content/1")
        add(page.template.name)
        add(page.template.digest)
        add(page.language.rawValue)
        add("\(page.template.page.width)x\(page.template.page.height)")
        for text in page.texts {
            add(text.field)
            add(text.text)
        }
        add(page.qrContent ?? "")
        let metadata = page.metadata
        for field in [metadata.title, metadata.author, metadata.subject, metadata.creator] { add(field ?? "") }
        add(metadata.keywords.joined(separator: ","))
        add(metadata.creationDate.map { "\($0.timeIntervalSince1970)" } ?? "")
        return SHA256.hash(data: bytes).hexString
    }

    // MARK: Preflight

    /// Checks that every certificate can be printed: its template, and every string on it against
    /// the fonts (and installed fallbacks) and its box, without drawing anything.
    ///
    /// Runs on every core. Each problem is reported once, with every certificate it affects.
    ///
    /// - Parameter certificates: the contents, each with how to name its holder in messages.
    public func preflight(_ certificates: [(content: CertificateContent, holder: String)]) -> PreflightReport {
        preflight(certificates, keepingLayouts: false).report
    }

    /// The preflight, and with `keepingLayouts` the layouts it made of each certificate's own texts (its name, its
    /// serial…), for drawing the certificate without laying them out again; nil for a certificate with problems.
    func preflight(_ certificates: [(content: CertificateContent, holder: String)], keepingLayouts: Bool)
        -> (report: PreflightReport, layouts: [PreflightLayouts?]) {
        let chunk = 32
        let chunks = (certificates.count + chunk - 1) / chunk
        let slots = Slots<(found: [(index: Int, problems: [CertificateProblem])], layouts: [(index: Int, layouts: PreflightLayouts)])>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { part in
            workers.withWorker { worker in
                var found: [(index: Int, problems: [CertificateProblem])] = []
                var kept: [(index: Int, layouts: PreflightLayouts)] = []
                for index in part * chunk..<min(certificates.count, (part + 1) * chunk) {
                    let (problems, layouts) = check(certificates[index].content, worker: worker, keepingLayouts: keepingLayouts)
                    if !problems.isEmpty {
                        found.append((index, problems))
                    } else if let layouts {
                        kept.append((index, layouts))
                    }
                }
                slots.set(part, (found, kept))
            }
        }
        var report = PreflightReport()
        var positions: [CertificateProblem: Int] = [:]
        var layouts = [PreflightLayouts?](repeating: nil, count: keepingLayouts ? certificates.count : 0)
        let parts = slots.values()
        for part in parts {
            for (index, kept) in part.layouts { layouts[index] = kept }
        }
        for found in parts.map(\.found) {
            for (index, problems) in found {
                report.failing.insert(index)
                for problem in problems {
                    if let position = positions[problem] {
                        report.problems[position].holders.append(certificates[index].holder)
                    } else {
                        positions[problem] = report.problems.count
                        var problem = problem
                        problem.holders = [certificates[index].holder]
                        report.problems.append(problem)
                    }
                }
            }
        }
        return (report, layouts)
    }

    /// What stops one certificate from being printed, each problem without holders; with `keepingLayouts`, the
    /// layouts of its own texts when there is no problem.
    private func check(_ content: CertificateContent, worker: RenderingWorker, keepingLayouts: Bool)
        -> (problems: [CertificateProblem], layouts: PreflightLayouts?) {
        let page: CertificatePage
        do {
            page = try self.page(for: content)
        } catch let error as MalakaError {
            return ([CertificateProblem(message: error.message, remedy: error.remedy)], nil)
        } catch {
            return ([CertificateProblem(message: "\(error)")], nil)
        }
        var messages: [CertificateProblem] = []
        var kept: [PreflightLayouts.Entry] = []
        for text in page.texts {
            let unprintable = Self.controls(in: text)
            guard unprintable.isEmpty else {
                messages.append(contentsOf: unprintable)
                continue
            }
            do {
                let layout = try worker.fonts.layout(text.text, style: text.style, in: text.box.size, remember: text.repeats)
                if !layout.fits {
                    messages.append(CertificateProblem(message: Self.doesNotFit(text, template: page.template)))
                } else if keepingLayouts && !text.repeats {
                    kept.append(PreflightLayouts.Entry(text: text, layout: layout))
                }
            } catch let TypesettingError.missingGlyphs(characters, _) {
                messages.append(contentsOf: Self.missing(characters, in: text, template: page.template))
            } catch {
                messages.append(CertificateProblem(message: "\(page.template.file), field \(text.field): \(error)"))
            }
        }
        if let qr = page.qrContent {
            if qr.isEmpty {
                messages.append(CertificateProblem(message: "The QR code of \(page.template.file) has nothing to encode; give qr.content a value."))
            } else if qr.utf8.count > 1_000 {
                messages.append(CertificateProblem(message: "The QR code's content (\(qr.utf8.count) bytes) is too long to scan from paper;",
                                                   remedy: .shortenVerificationLink))
            }
        }
        return (messages, messages.isEmpty && keepingLayouts ? PreflightLayouts(kept) : nil)
    }

    private static func missing(_ characters: [Unicode.Scalar], in text: CertificatePage.Text, template: CertificateTemplate) -> [CertificateProblem] {
        let absent = Set(characters)
        let culprits = text.values.filter { $0.value.unicodeScalars.contains(where: absent.contains) }
        guard !culprits.isEmpty else {
            let list = characters.map(CharacterLabel.label(of:)).joined(separator: ", ")
            return [CertificateProblem(message: "The text of \(template.file), field \(text.field), “\(text.text)”, has \(list), which no installed font has; correct the template or install a font that has \(characters.count == 1 ? "it" : "them").")]
        }
        return culprits.map { label, value in
            let own = value.unicodeScalars.filter(absent.contains)
            var seen = Set<Unicode.Scalar>()
            let list = own.filter { seen.insert($0).inserted }.map(CharacterLabel.label(of:)).joined(separator: ", ")
            let subject = "\(label.prefix(1).uppercased() + label.dropFirst()) “\(value)” has \(list), which no installed font has;"
            guard label == nameLabel else {
                return CertificateProblem(message: subject + " correct it or install a font that has \(seen.count == 1 ? "it" : "them").")
            }
            return CertificateProblem(message: subject, remedy: .correctNameOrInstallFont(characterCount: seen.count))
        }
    }

    private static let nameLabel = Placeholder(name: .participant, language: nil, signatory: nil).label

    /// Control characters and direction overrides in the values: invisible, and never meant to be printed.
    private static func controls(in text: CertificatePage.Text) -> [CertificateProblem] {
        text.values.compactMap { label, value in
            var seen = Set<Unicode.Scalar>()
            // C0 and C1 controls (general category Cc), and the bidirectional embeddings, overrides and isolates.
            let found = value.unicodeScalars.filter { scalar in
                let code = scalar.value
                let unprintable = code < 0x20 || (0x7F...0x9F).contains(code) || (0x202A...0x202E).contains(code)
                    || (0x2066...0x2069).contains(code)
                return unprintable && seen.insert(scalar).inserted
            }
            guard !found.isEmpty else { return nil }
            let list = found.map(CharacterLabel.label(of:)).joined(separator: ", ")
            let shown = String(String.UnicodeScalarView(value.unicodeScalars.map { seen.contains($0) ? "\u{FFFD}" : $0 }))
            let subject = "\(label.prefix(1).uppercased() + label.dropFirst()) “\(shown)” contains the control character\(found.count == 1 ? "" : "s") \(list), which cannot be printed;"
            guard label == nameLabel else { return CertificateProblem(message: subject + " correct it.") }
            return CertificateProblem(message: subject, remedy: .correctName)
        }
    }

    private static func doesNotFit(_ text: CertificatePage.Text, template: CertificateTemplate) -> String {
        let style = text.style
        let smallest = YAMLNode.format(((style.minimumSize ?? style.size) * 10).rounded() / 10)
        let what = text.values.count == 1 ? "\(text.values[0].label.prefix(1).uppercased() + text.values[0].label.dropFirst()) “\(text.values[0].value)”" : "“\(text.text)”"
        let lines = style.maximumLines.map { " in \($0) line\($0 == 1 ? "" : "s")" } ?? ""
        return "\(what) does not fit its box (\(template.file), field \(text.field))\(lines), even at \(smallest) pt; shorten it, or give the block a bigger box or a smaller min-size."
    }

    // MARK: Drawing

    /// The layout of `text`, a text of a certificate's own, with `worker`'s fonts: the preflight's when it kept one of
    /// the same text, style and box, else laid out now. Names and serials are set once: laid out without filling the
    /// cache that keeps the fixed texts.
    func ownLayout(of text: CertificatePage.Text, page: CertificatePage, worker: RenderingWorker) throws -> TextLayout {
        if let kept = page.preflightLayouts?.layout(of: text) { return try worker.fonts.adopting(kept) }
        return try worker.fonts.layout(text.text, style: text.style, in: text.box.size, remember: false)
    }

    /// A page laid out and its QR code encoded: everything that needs no font library, so any thread can prepare it.
    struct PreparedPage: Sendable {
        let page: CertificatePage
        let qrCode: QRCode?
    }

    func prepare(_ content: CertificateContent) throws -> PreparedPage {
        try prepare(page(for: content))
    }

    func prepare(_ page: CertificatePage) throws -> PreparedPage {
        let qrCode = try page.template.qrCode.flatMap { settings in
            try page.qrContent.map { try QRCode($0, errorCorrection: settings.errorCorrection) }
        }
        return PreparedPage(page: page, qrCode: qrCode)
    }

    /// The certificate as a PDF of its own, in memory. The same content always gives the same bytes.
    public func pdf(of content: CertificateContent) throws -> Data {
        let prepared = try prepare(content)
        return try workers.withWorker { worker in
            // A PDF of its own compresses its fonts and emblem again: at level 1, a fifth less CPU (PDFCompression).
            try PDFCompression.fastest {
                let document = try PDFDocument.inMemory(fonts: worker.fonts, metadata: prepared.page.metadata)
                try draw(prepared, on: document.beginPage(size: prepared.page.template.page), worker: worker)
                return try document.finish() ?? Data()
            }
        }
    }

    /// Writes the certificate's own PDF into a temporary file that the caller seals and puts in
    /// place: the same bytes as ``pdf(of:)``, written in blocks rather than gathered in memory.
    public func writePDF(of content: CertificateContent, into file: AtomicFile) throws {
        try writePDF(of: page(for: content), into: file)
    }

    /// Writes the PDF of a page laid out already, as the public `writePDF(of:into:)` does for a content.
    func writePDF(of page: CertificatePage, into file: AtomicFile) throws {
        let prepared = try prepare(page)
        try workers.withWorker { worker in
            // Compressed as pdf(of:) compresses it, so the bytes are the same.
            try PDFCompression.fastest {
                let document = try PDFDocument(file: file, fonts: worker.fonts, metadata: prepared.page.metadata)
                try draw(prepared, on: document.beginPage(size: prepared.page.template.page), worker: worker)
                try document.finish()
            }
        }
    }

    /// Writes the certificate's own PDF to `url`, whole or not at all.
    public func writePDF(of content: CertificateContent, to url: URL) throws {
        try AtomicFile.write(to: url) { try writePDF(of: content, into: $0) }
    }

    /// Writes every certificate as a page of one PDF file at `url`, in order, whole or not at all.
    ///
    /// - Parameter pageDone: called after each page, for a progress bar.
    public func writeBundle(_ contents: [CertificateContent], to url: URL, metadata: PDFMetadata, pageDone: () -> Void = {}) throws {
        try AtomicFile.write(to: url) { file in
            let bundle = try bundle(into: file, metadata: metadata)
            try bundle.append(contents, pageDone: pageDone)
            try bundle.finish()
        }
    }

    /// A PDF of many certificates, written a batch of pages at a time into `file`; see ``CertificateBundle``.
    public func bundle(into file: AtomicFile, metadata: PDFMetadata) throws -> CertificateBundle {
        try CertificateBundle(renderer: self, workers: workers, file: file, metadata: metadata)
    }
}

/// What the preflight found: each problem once, and which certificates cannot be printed.
public struct PreflightReport: Sendable {
    public var problems: [CertificateProblem] = []
    /// The positions, in the list checked, of the certificates with at least one problem.
    public var failing: Set<Int> = []

    /// Adds the report on the certificates from position `offset` of the same list.
    mutating func merge(_ other: PreflightReport, offset: Int) {
        for index in other.failing { failing.insert(index + offset) }
        for problem in other.problems {
            if let position = problems.firstIndex(where: { $0.message == problem.message && $0.remedy == problem.remedy }) {
                problems[position].holders.append(contentsOf: problem.holders)
            } else {
                problems.append(problem)
            }
        }
    }
}

/// A reason a certificate cannot be printed, with everyone whose certificate it affects.
public struct CertificateProblem: Sendable, Hashable {
    /// One sentence: what is wrong and where, and what to do when that needs no front end's words.
    public let message: String
    /// What to do, for the front end to word after the message.
    public let remedy: MalakaError.Remedy?
    public var holders: [String]

    public init(message: String, remedy: MalakaError.Remedy? = nil, holders: [String] = []) {
        self.message = message
        self.remedy = remedy
        self.holders = holders
    }

    /// The problem as one of the details of a refusal.
    var detail: MalakaError {
        MalakaError(.data, .cannotPrint, message, subject: holders.isEmpty ? nil : .people(holders), remedy: remedy)
    }
}

/// Results of concurrent work, one slot per task.
final class Slots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: Value) {
        lock.withLock { slots[index] = value }
    }

    func values() -> [Value] {
        lock.withLock { slots.compactMap { $0 } }
    }
}

/// SHA-256 in hex, as the ledger records it.
enum SHA256Hex {
    static func of(_ data: Data) -> String {
        SHA256.hash(data: data).hexString
    }
}

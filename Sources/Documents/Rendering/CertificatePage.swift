import Foundation
import TrainingCore
import Typesetting

/// One certificate laid out from its template: every piece of text with its box and style, the
/// QR code's content and the PDF's metadata. Nothing is drawn yet; nothing depends on fonts.
///
/// The same page is checked by the preflight, hashed for the ledger and drawn, so that what
/// is checked and recorded is exactly what is printed.
struct CertificatePage: Sendable {
    /// A piece of text on the page and where its values came from, for messages.
    struct Text: Sendable {
        let text: String
        let style: TextStyle
        let box: Rect
        /// The template field, such as `blocks[4].text`.
        let field: String
        /// The values the text shows, such as (`the name`, `Gʻulomjon Oʻrinboyev`).
        let values: [(label: String, value: String)]
        /// Whether every certificate of the event prints this text the same, so that its layout is worth keeping.
        var repeats = true
    }

    let template: CertificateTemplate
    let language: DocumentLanguage
    let texts: [Text]
    /// The signature lines, one along the top of each signatory's box.
    let signatureLines: [(from: Point, to: Point)]
    let qrContent: String?
    let metadata: PDFMetadata
    /// The layouts the preflight made of this certificate's own texts, when it kept them for the drawing; never hashed.
    var preflightLayouts: PreflightLayouts?
    /// Names the name block's rectangle (x y width height, in points from the top left) in the PDF's keywords.
    static let nameBoxKeyword = "name-box:"

    /// What the part every certificate of the event prints alike depends on: the template, the language
    /// and each text without a per-certificate value. Pages with the same key share one drawing of it.
    ///
    /// The fields' UTF-8 bytes, each followed by U+001F: a bundle looks its layer up at every page, and a
    /// string key of Cyrillic text was normalised to NFC to be hashed each time.
    var sharedKey: [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(1024)
        func add(_ field: String) {
            key.append(contentsOf: field.utf8)
            key.append(0x1F)
        }
        add(template.name)
        add(template.digest)
        add(language.rawValue)
        for text in texts where text.repeats {
            add(text.field)
            add(text.text)
        }
        return key
    }

    /// Lays out `content` with `template`.
    ///
    /// - Throws: ``MalakaError`` when the template cannot print the content's language.
    init(template: CertificateTemplate, content: CertificateContent) throws {
        guard template.languages.contains(content.language) else {
            throw MalakaError.data("The template “\(template.name)” prints \(template.languages.map(\.rawValue).joined(separator: ", ")), not \(content.language.rawValue). Re-issue the certificate in one of those languages, or use another template.")
        }
        self.template = template
        language = content.language
        let values = Values(content: content, template: template)
        var texts: [Text] = []
        var lines: [(from: Point, to: Point)] = []
        for block in template.blocks {
            let (text, used) = values.resolve(block.text)
            if block.optional && used.contains(where: { $0.value.isEmpty }) { continue }
            texts.append(Text(text: text, style: block.style, box: block.box, field: block.text.field,
                              values: used.filter { !$0.value.isEmpty },
                              repeats: !block.text.showsPerCertificateValue(in: content.language)))
        }
        if let style = template.signatoryStyle {
            for (index, signatory) in template.signatories.enumerated() {
                let box = signatory.box
                lines.append((Point(x: box.x, y: box.y), Point(x: box.maxX, y: box.y)))
                let name = values.signatoryNames[index]
                var top = box.y + 1.2 * CertificateTemplate.pointsPerMillimetre
                if !name.text.isEmpty {
                    let height = style.name.size * 1.45
                    texts.append(Text(text: name.text, style: style.name, box: Rect(x: box.x, y: top, width: box.width, height: height),
                                      field: signatory.name.field, values: name.used,
                                      repeats: !signatory.name.showsPerCertificateValue(in: content.language)))
                    top += height
                }
                let title = values.signatoryTitle(index, in: content.language)
                if !title.text.isEmpty {
                    texts.append(Text(text: title.text, style: style.title,
                                      box: Rect(x: box.x, y: top, width: box.width, height: box.maxY - top),
                                      field: signatory.title.field, values: title.used,
                                      repeats: !signatory.title.showsPerCertificateValue(in: content.language)))
                }
            }
        }
        self.texts = texts
        signatureLines = lines
        // Where the name is printed, for `certificates verify FILE.pdf`: text elsewhere on the page never counts as the name.
        let nameLabel = Placeholder(name: .participant, language: nil, signatory: nil).label
        let nameBoxes = texts.filter { $0.values.contains { $0.label == nameLabel } }.map(\.box)
        let nameKeywords = nameBoxes.map(Self.nameBoxKeywords.keyword(for:))
        qrContent = template.qrCode.map { values.resolve($0.content).text }
        metadata = PDFMetadata(
            title: "\(content.participantName) — \(content.serial)",
            author: content.organiser,
            subject: content.courseTitle[content.language] ?? content.courseTitle.values.sorted().first,
            // The token goes last: `certificates verify FILE.pdf` reads it from here, up to the closing parenthesis.
            keywords: [content.serial, template.name, content.language.rawValue] + nameKeywords + (content.token.map { [$0] } ?? []),
            creator: "Malaka",
            creationDate: content.issueDate.startOfDayUTC)
    }
}

/// The layouts a preflight made of one certificate's own texts (its name, its serial…), handed to the thread that
/// draws the certificate so that each is shaped once; that thread's library adopts them (``FontLibrary/adopting(_:)``).
///
/// `@unchecked Sendable`: made whole on the preflight's thread and never changed after; a layout's paragraphs are
/// immutable, and adopting one reads only which font file each run uses.
final class PreflightLayouts: @unchecked Sendable {
    struct Entry {
        let field: String
        let text: String
        let style: TextStyle
        let box: Rect
        let layout: TextLayout

        init(text: CertificatePage.Text, layout: TextLayout) {
            field = text.field
            self.text = text.text
            style = text.style
            box = text.box
            self.layout = layout
        }
    }

    private let entries: [Entry]

    init(_ entries: [Entry]) {
        self.entries = entries
    }

    /// The layout kept of a text with the same field, bytes, style and box as `text`, if any: a serial numbered since
    /// the preflight, or a check code it could not know, is laid out again.
    func layout(of text: CertificatePage.Text) -> TextLayout? {
        entries.first { entry in
            entry.field == text.field && entry.box == text.box && entry.style == text.style
                && entry.text.utf8.elementsEqual(text.text.utf8)
        }?.layout
    }
}

extension CertificatePage {
    /// The name box's keyword of each box met, formatted once: `vsnprintf` through `withVaList` cost more than the rest of a page.
    private static let nameBoxKeywords = NameBoxKeywords()

    private final class NameBoxKeywords: @unchecked Sendable {
        private let lock = NSLock()
        private var keywords: [Rect: String] = [:]

        func keyword(for box: Rect) -> String {
            if let known = lock.withLock({ keywords[box] }) { return known }
            let keyword = "\(CertificatePage.nameBoxKeyword)\([box.x, box.y, box.width, box.height].map(CertificatePage.oneDecimal).joined(separator: " "))"
            lock.withLock {
                if keywords.count >= 256 { keywords.removeAll() }
                keywords[box] = keyword
            }
            return keyword
        }
    }

    /// `value` as `%.1f` prints it, without Foundation's `String(format:)`, which costs more than the rest of the page's layout.
    static func oneDecimal(_ value: Double) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
            let count = withVaList([value]) { vsnprintf(buffer.baseAddress!, 64, "%.1f", $0) }
            return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress!, count: Int(max(0, min(count, 63)))), as: UTF8.self)
        }
    }
}

/// The values of one certificate's placeholders.
private struct Values {
    let content: CertificateContent
    let signatoryNames: [(text: String, used: [(label: String, value: String)])]
    /// The signatories' titles as the template words them, resolved in a language when asked for: a page prints them in
    /// its own language, and resolving them in all five cost a fifth of laying out the page.
    private let signatoryTitleTexts: [TemplateText]

    init(content: CertificateContent, template: CertificateTemplate) {
        self.content = content
        let partial = Values(content: content)
        signatoryNames = template.signatories.map { partial.resolve($0.name) }
        signatoryTitleTexts = template.signatories.map(\.title)
    }

    /// Values without signatories, to resolve the signatories' own names and titles.
    private init(content: CertificateContent) {
        self.content = content
        signatoryNames = []
        signatoryTitleTexts = []
    }

    /// The title of signatory `index` (from 0) in `language`, resolved without the signatories' values, as their names are.
    func signatoryTitle(_ index: Int, in language: DocumentLanguage) -> (text: String, used: [(label: String, value: String)]) {
        Values(content: content).resolve(signatoryTitleTexts[index], in: language)
    }

    var signatoryCount: Int { signatoryTitleTexts.count }

    /// The text in the certificate's language (or `language`), and each value it used with its label.
    func resolve(_ text: TemplateText, in language: DocumentLanguage? = nil) -> (text: String, used: [(label: String, value: String)]) {
        var result = ""
        var used: [(label: String, value: String)] = []
        let language = language ?? content.language
        for piece in text.pieces(in: language) {
            switch piece {
            case .literal(let literal):
                result += GenderedWording.fit(literal, sex: content.participantSex, language: language)
            case .value(let placeholder):
                let value = self.value(placeholder, language: placeholder.language ?? language)
                result += value
                used.append((placeholder.label, value))
            }
        }
        return (result, used)
    }

    private func value(_ placeholder: Placeholder, language: DocumentLanguage) -> String {
        func worded(_ values: [DocumentLanguage: String]) -> String {
            values[language] ?? ""
        }
        switch placeholder.name {
        case .participant: return content.participantName
        case .course: return worded(content.courseTitle)
        case .event: return worded(content.eventTitle)
        case .dates: return worded(content.dates)
        case .place: return worded(content.place)
        case .hours: return worded(content.hours)
        case .issueDate: return worded(content.issueDateText)
        case .organiser: return content.organiser ?? ""
        case .trainer: return content.trainers.first ?? ""
        case .trainers: return content.trainers.joined(separator: ", ")
        case .serial: return content.serial
        case .verificationURL: return content.verificationURL
        // Only an issued certificate has a token; a preview that has none points its QR code at the link instead.
        case .token: return content.qrPayload
        case .checkCode: return content.checkCode ?? ""
        case .replaces: return content.replacesSerial ?? ""
        case .signatoryName:
            let index = (placeholder.signatory ?? 0) - 1
            return signatoryNames.indices.contains(index) ? signatoryNames[index].text : ""
        case .signatoryTitle:
            let index = (placeholder.signatory ?? 0) - 1
            guard (0..<signatoryCount).contains(index) else { return "" }
            return signatoryTitle(index, in: language).text
        }
    }
}

extension DayDate {
    /// Midnight UTC at the start of the day: the creation date of a certificate's PDF, so that printing it again gives the same bytes.
    var startOfDayUTC: Date {
        // A whole number of days after 1970 on the Gregorian calendar, which Foundation's follows from 1582 on; making
        // a calendar and a time zone for every page cost more than the page's metadata.
        if year >= 1600 { return Date(timeIntervalSince1970: Double(dayNumber) * 86_400) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }
}

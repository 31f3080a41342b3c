import Foundation
import MalakaSupport

/// Why text or a PDF could not be typeset, with the offending value and what to do about it.
public enum TypesettingError: Error, Equatable, Sendable {
    /// No installed font has these characters of `text`; drawing them would print boxes.
    case missingGlyphs(characters: [Unicode.Scalar], text: String)
    /// fontconfig knows no installed font of this family.
    case fontNotFound(family: String)
    /// A font file fontconfig pointed to could not be loaded.
    case fontUnreadable(path: String, reason: String)
    /// The text does not fit its box, even at the smallest size allowed.
    case textDoesNotFit(text: String, size: Double, width: Double, height: Double, maximumLines: Int?)
    /// A PNG image could not be read.
    case imageUnreadable(path: String, reason: String)
    /// The text cannot be made into a QR code: it is empty, or too long at this error-correction level.
    case qrCodeNotEncodable(text: String, errorCorrection: QRErrorCorrection)
    /// A PDF file could not be created or written.
    case pdfNotWritable(path: String, reason: String)
    /// cairo reported an error while doing `operation`.
    case cairo(operation: String, message: String)
}

extension TypesettingError: CustomStringConvertible, LocalizedError {
    public var description: String {
        switch self {
        case let .missingGlyphs(characters, text):
            let list = characters.map(CharacterLabel.label(of:)).joined(separator: ", ")
            return "No installed font has \(list), used in “\(text)”. "
                + "Correct the text, or install a font that has \(characters.count == 1 ? "this character" : "these characters") "
                + "(`fc-list ':charset=\(String(characters[0].value, radix: 16))'` lists fonts that do)."
        case let .fontNotFound(family):
            return "No installed font has the family “\(family)”. "
                + "Install it, or choose a family that `fc-list : family` lists."
        case let .fontUnreadable(path, reason):
            return "The font file \(path) could not be loaded: \(reason). Reinstall its package or choose another family."
        case let .textDoesNotFit(text, size, width, height, maximumLines):
            let box = height.isFinite ? "\(Self.points(width)) × \(Self.points(height)) pt" : "\(Self.points(width)) pt wide"
            let lines = maximumLines.map { " in at most \($0) line\($0 == 1 ? "" : "s")" } ?? ""
            return "“\(text)” does not fit \(box)\(lines), even at \(Self.points(size)) pt. "
                + "Shorten the text, enlarge the box, or allow a smaller minimum size."
        case let .imageUnreadable(path, reason):
            return "The image \(path) could not be read: \(reason). Check that the file exists and is a PNG."
        case let .qrCodeNotEncodable(text, level):
            if text.isEmpty { return "A QR code needs some text to encode, but the text is empty." }
            return "“\(text)” (\(text.utf8.count) bytes) is too long for a QR code at error correction \(level). "
                + "Shorten it or choose a lower error-correction level."
        case let .pdfNotWritable(path, reason):
            return "The PDF \(path) could not be written: \(reason). Check that its folder exists and is writable."
        case let .cairo(operation, message):
            return "cairo could not \(operation): \(message)."
        }
    }

    public var errorDescription: String? { description }

    private static func points(_ value: Double) -> String {
        String(format: "%g", (value * 100).rounded() / 100)
    }
}

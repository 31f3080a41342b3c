import Foundation
import TrainingCore
import Typesetting

/// A certificate layout read from a file in `certificate-templates/`: page, fonts, decoration,
/// text blocks with placeholders, images, signatories and a QR code.
///
/// Geometry is given in millimetres from the top-left corner of the page and kept here in
/// points; font sizes are in points. See `certificate-templates/README.md` for the format.
///
/// A template is checked completely when it is loaded (fields, images, fonts, and the fixed
/// text against the fonts), so that rendering can only fail on the values of one certificate.
public struct CertificateTemplate: Sendable {
    /// The file name without `.yaml`, as courses and the template option name it.
    public let name: String
    /// The file, as it is named in messages.
    public let file: String
    public let page: PageSize
    /// The languages the template prints; the first is the default.
    public let languages: [DocumentLanguage]
    /// SHA-256 of the template file and of every image it shows, in hex: part of each certificate's content hash.
    public let digest: String

    let background: Color?
    let frames: [Frame]
    let rectangles: [Rectangle]
    let lines: [Line]
    let images: [Image]
    let blocks: [Block]
    let signatories: [Signatory]
    let signatoryStyle: SignatoryStyle?
    let qrCode: QRCode?

    struct Frame: Sendable, Hashable {
        let inset: Double
        let colour: Color
        let width: Double
        let radius: Double
    }

    struct Rectangle: Sendable, Hashable {
        let box: Rect
        let fill: Color?
        let stroke: Color?
        let width: Double
        let radius: Double
    }

    struct Line: Sendable, Hashable {
        let from: Point
        let to: Point
        let colour: Color
        let width: Double
        let dash: [Double]
    }

    struct Image: Sendable, Hashable {
        /// Inside the templates folder, checked when the template was loaded.
        let url: URL
        let box: Rect
        /// Clockwise, in degrees: 0, 90, 180 or 270.
        let rotation: Int
    }

    struct Block: Sendable, Hashable {
        let text: TemplateText
        let style: TextStyle
        let box: Rect
        /// Left out when a value it shows is empty, such as `Replaces {replaces}` on a first issue.
        let optional: Bool
    }

    struct Signatory: Sendable, Hashable {
        let name: TemplateText
        let title: TemplateText
        /// The signature line runs along the top of the box; the name and title sit under it.
        let box: Rect
    }

    struct SignatoryStyle: Sendable, Hashable {
        let name: TextStyle
        let title: TextStyle
        let lineColour: Color
        let lineWidth: Double
    }

    struct QRCode: Sendable, Hashable {
        let content: TemplateText
        let box: Rect
        let colour: Color
        let errorCorrection: QRErrorCorrection
        let quietZone: Int
    }
}

import Typesetting
import TrainingCore

/// The look of a region summary: A4 portrait, Noto Sans, a restrained palette.
enum ReportStyle {
    static let page = PageSize.a4
    static let margin = 40.0
    static let top = 40.0
    /// The footer sits below this line.
    static let footerTop = page.height - 44
    static var contentWidth: Double { page.width - 2 * margin }

    static let regular = FontDescriptor(family: "Noto Sans")
    static let bold = FontDescriptor(family: "Noto Sans", weight: .bold)

    static let ink = Color(hex: "#1B2631")!
    static let muted = Color(hex: "#5D6D7E")!
    static let rule = Color(hex: "#AEB6BF")!
    static let grid = Color(hex: "#D5D8DC")!
    static let band = Color(hex: "#EEF2F6")!
    static let accent = Color(hex: "#1F4E79")!

    static func kindColor(_ kind: EventKind) -> Color {
        switch kind {
        case .training: Color(hex: "#1F4E79")!
        case .seminar: Color(hex: "#3A8DC5")!
        case .studyTour: Color(hex: "#45B39D")!
        case .meeting: Color(hex: "#F0B041")!
        case .roundTable: Color(hex: "#A569BD")!
        }
    }

    static func sexColor(_ sex: SexGroup) -> Color {
        switch sex {
        case .female: Color(hex: "#C8553D")!
        case .male: Color(hex: "#2874A6")!
        case .unknown: Color(hex: "#A6ACAF")!
        }
    }

    /// A style that shrinks down to `minimum` points and wraps to at most `lines` lines before giving up.
    static func text(
        _ size: Double, bold isBold: Bool = false, color: Color = ink, alignment: TextAlignment = .left,
        vertical: VerticalAlignment = .top, lines: Int? = nil, minimum: Double? = nil
    ) -> TextStyle {
        TextStyle(font: isBold ? bold : regular, size: size, color: color, alignment: alignment, verticalAlignment: vertical,
                  maximumLines: lines, minimumSize: minimum ?? size * 0.7)
    }
}

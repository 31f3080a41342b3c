/// A QR code encoded ahead of drawing: its modules, made on any thread and drawn on any page.
///
/// Encoding is the costly part of a QR code (libqrencode tries eight masks), so a renderer
/// that draws pages on one thread can encode the next pages' codes on another.
///
/// For example:
/// ```swift
/// let code = try QRCode("https://malaka.example/verify/UZ-2019-000001")
/// try page.drawQRCode(code, in: Rect(x: 380, y: 440, width: 70, height: 70))
/// ```
public struct QRCode: Sendable, Hashable {
    /// The text the code holds.
    public let text: String
    public let errorCorrection: QRErrorCorrection
    /// Modules along one side, without a quiet zone.
    public let width: Int
    /// One byte per module, row by row: 0xFF dark, 0 light.
    let modules: [UInt8]

    /// Encodes `text` as UTF-8 in the smallest QR version that holds it.
    ///
    /// - Throws: ``TypesettingError/qrCodeNotEncodable(text:errorCorrection:)`` for empty or too long text.
    public init(_ text: String, errorCorrection: QRErrorCorrection = .medium) throws {
        let (width, modules) = try Self.symbol(text, errorCorrection: errorCorrection)
        self.text = text
        self.errorCorrection = errorCorrection
        self.width = width
        self.modules = modules
    }

    /// The modules of the symbol with the mask of fewest penalty points: libqrencode encodes it with mask 0,
    /// and ``QRMaskChoice`` scores the eight masks and applies the best to that symbol — what libqrencode
    /// would encode with it. Where libqrencode cannot take a mask, or the symbol is very large, libqrencode chooses.
    private static func symbol(_ text: String, errorCorrection: QRErrorCorrection) throws -> (width: Int, modules: [UInt8]) {
        let canChoose = QRCodeSymbol.canChooseMask
        let first = try QRCodeSymbol(text, errorCorrection: errorCorrection, mask: canChoose ? 0 : nil)
        let width = first.width
        if canChoose && width <= QRMaskChoice.maximumWidth {
            return (width, first.withModuleBytes { QRMaskChoice.bestModules(maskZeroModules: $0, width: width, errorCorrection: errorCorrection) })
        }
        let symbol = canChoose ? try QRCodeSymbol(text, errorCorrection: errorCorrection) : first
        var modules = [UInt8](repeating: 0, count: width * width)
        for row in 0..<width {
            for column in 0..<width where symbol.isDark(column: column, row: row) { modules[row * width + column] = 0xFF }
        }
        return (width, modules)
    }

    /// Whether the module in `column` and `row` is dark.
    public func isDark(column: Int, row: Int) -> Bool {
        modules[row * width + column] != 0
    }
}

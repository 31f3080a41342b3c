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
        let symbol = try Self.symbol(text, errorCorrection: errorCorrection)
        let width = symbol.width
        var modules = [UInt8](repeating: 0, count: width * width)
        for row in 0..<width {
            for column in 0..<width where symbol.isDark(column: column, row: row) {
                modules[row * width + column] = 0xFF
            }
        }
        self.text = text
        self.errorCorrection = errorCorrection
        self.width = width
        self.modules = modules
    }

    /// The symbol with the mask of fewest penalty points: libqrencode encodes it with mask 0, the mask is
    /// chosen from that by ``QRMaskChoice``, then libqrencode encodes it again with the mask chosen.
    /// Where libqrencode cannot take a mask, or the symbol is very large, libqrencode chooses.
    private static func symbol(_ text: String, errorCorrection: QRErrorCorrection) throws -> QRCodeSymbol {
        guard QRCodeSymbol.canChooseMask else { return try QRCodeSymbol(text, errorCorrection: errorCorrection) }
        let maskZero = try QRCodeSymbol(text, errorCorrection: errorCorrection, mask: 0)
        guard maskZero.width <= QRMaskChoice.maximumWidth else { return try QRCodeSymbol(text, errorCorrection: errorCorrection) }
        let mask = maskZero.withModuleBytes {
            QRMaskChoice.best(maskZeroModules: $0, width: maskZero.width, errorCorrection: errorCorrection)
        }
        return mask == 0 ? maskZero : try QRCodeSymbol(text, errorCorrection: errorCorrection, mask: mask)
    }

    /// Whether the module in `column` and `row` is dark.
    public func isDark(column: Int, row: Int) -> Bool {
        modules[row * width + column] != 0
    }
}

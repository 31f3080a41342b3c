import Foundation
internal import CQRencode

/// Owns one QR code that libqrencode made: a square of dark and light modules.
final class QRCodeSymbol {
    private let pointer: UnsafeMutablePointer<QRcode>

    /// Encodes `text` as UTF-8 bytes, choosing the smallest version that holds it.
    init(_ text: String, errorCorrection: QRErrorCorrection) throws {
        let level: QRecLevel = switch errorCorrection {
        case .low: QR_ECLEVEL_L
        case .medium: QR_ECLEVEL_M
        case .quartile: QR_ECLEVEL_Q
        case .high: QR_ECLEVEL_H
        }
        guard !text.isEmpty, let code = QRcode_encodeString(text, 0, level, QR_MODE_8, 1) else {
            throw TypesettingError.qrCodeNotEncodable(text: text, errorCorrection: errorCorrection)
        }
        pointer = code
    }

    deinit {
        QRcode_free(pointer)
    }

    /// Modules along one side, without a quiet zone.
    var width: Int { Int(pointer.pointee.width) }

    /// Whether the module in `column` and `row` is dark.
    func isDark(column: Int, row: Int) -> Bool {
        pointer.pointee.data[row * width + column] & 1 != 0
    }
}

import Foundation
internal import CQRencode

/// Owns one QR code that libqrencode made: a square of dark and light modules.
final class QRCodeSymbol {
    private let pointer: UnsafeMutablePointer<QRcode>

    /// Whether this libqrencode lets the caller choose the mask; see ``init(_:errorCorrection:mask:)``.
    static let canChooseMask = CQRencode_canChooseMask() != 0

    /// Encodes `text` as UTF-8 bytes, choosing the smallest version that holds it.
    ///
    /// - Parameter mask: the mask pattern, 0 to 7, or nil to let libqrencode try all eight and keep
    ///   the best. Only when ``canChooseMask``.
    init(_ text: String, errorCorrection: QRErrorCorrection, mask: Int? = nil) throws {
        let level: QRecLevel = switch errorCorrection {
        case .low: QR_ECLEVEL_L
        case .medium: QR_ECLEVEL_M
        case .quartile: QR_ECLEVEL_Q
        case .high: QR_ECLEVEL_H
        }
        guard !text.isEmpty, let code = Self.encode(text, level: level, mask: mask) else {
            throw TypesettingError.qrCodeNotEncodable(text: text, errorCorrection: errorCorrection)
        }
        pointer = code
    }

    /// What QRcode_encodeString does, with the mask given: the same modes, the same symbol for the same mask.
    private static func encode(_ text: String, level: QRecLevel, mask: Int?) -> UnsafeMutablePointer<QRcode>? {
        guard let mask else { return QRcode_encodeString(text, 0, level, QR_MODE_8, 1) }
        precondition(canChooseMask && (0..<8).contains(mask), "mask \(mask) cannot be chosen")
        guard let input = QRinput_new2(0, level) else { return nil }
        defer { QRinput_free(input) }
        guard Split_splitStringToQRinput(text, input, QR_MODE_8, 1) == 0 else { return nil }
        return QRcode_encodeMask(input, Int32(mask))
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

    /// libqrencode's bytes, one a module row by row: bit 0 dark, bit 7 set on every module that is not data.
    func withModuleBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        body(UnsafeBufferPointer(start: pointer.pointee.data, count: width * width))
    }
}

import Foundation

/// Base45 (RFC 9285): bytes as text in the QR code's alphanumeric alphabet, which
/// packs 5.5 bits a module where plain bytes pack 8 bits into 8 modules' worth of
/// byte mode, so a signed token fits a smaller, easier-to-scan code.
public enum Base45 {
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)
    private static let values: [UInt8: Int] = Dictionary(uniqueKeysWithValues: alphabet.enumerated().map { ($1, $0) })

    public static func encode(_ data: Data) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(data.count / 2 * 3 + 2)
        let bytes = [UInt8](data)
        var index = 0
        while index + 1 < bytes.count {
            var value = Int(bytes[index]) * 256 + Int(bytes[index + 1])
            for _ in 0..<3 {
                output.append(alphabet[value % 45])
                value /= 45
            }
            index += 2
        }
        if index < bytes.count {
            let value = Int(bytes[index])
            output.append(alphabet[value % 45])
            output.append(alphabet[value / 45])
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The bytes, or nil when the text is not Base45.
    public static func decode(_ text: String) -> Data? {
        let characters = Array(text.utf8)
        guard characters.count % 3 != 1 else { return nil }
        var output = Data()
        var index = 0
        while index < characters.count {
            let chunk = characters[index..<min(index + 3, characters.count)]
            var value = 0
            var multiplier = 1
            for character in chunk {
                guard let digit = values[character] else { return nil }
                value += digit * multiplier
                multiplier *= 45
            }
            if chunk.count == 3 {
                guard value <= 0xFFFF else { return nil }
                output.append(UInt8(value >> 8))
                output.append(UInt8(value & 0xFF))
            } else {
                guard value <= 0xFF else { return nil }
                output.append(UInt8(value))
            }
            index += 3
        }
        return output
    }
}

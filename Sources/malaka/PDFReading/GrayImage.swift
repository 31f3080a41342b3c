import Foundation

/// A page rendered in shades of grey at one pixel a point, read from a binary PGM (P5) file.
struct GrayImage {
    let width: Int
    let height: Int
    let pixels: [UInt8]

    /// Reads the `P5` output of `pdftoppm -gray` and of Ghostscript's `pgmraw` device; nil for anything else.
    init?(pgm data: Data) {
        let bytes = [UInt8](data)
        var fields: [Int] = []
        var index = 0
        while fields.count < 4 && index < bytes.count {
            while index < bytes.count, bytes[index] == 0x23 { // a comment runs to the end of its line
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                index += 1
            }
            var token = ""
            while index < bytes.count, !(bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09) {
                token.append(Character(UnicodeScalar(bytes[index])))
                index += 1
            }
            index += 1
            if fields.isEmpty && token != "P5" { return nil }
            if token == "P5" { fields.append(5) } else if let number = Int(token) { fields.append(number) }
        }
        guard fields.count == 4, fields[3] == 255, bytes.count - index >= fields[1] * fields[2] else { return nil }
        width = fields[1]
        height = fields[2]
        pixels = Array(bytes[index..<index + width * height])
    }

    /// How many pixels inside the rectangle differ clearly between two renderings of one page.
    func differingPixels(from other: GrayImage, xMin: Double, yMin: Double, xMax: Double, yMax: Double) -> Int {
        guard width == other.width, height == other.height else { return 0 }
        let x0 = max(0, Int(xMin.rounded(.down))), x1 = min(width, Int(xMax.rounded(.up)))
        let y0 = max(0, Int(yMin.rounded(.down))), y1 = min(height, Int(yMax.rounded(.up)))
        guard x0 < x1, y0 < y1 else { return 0 }
        var count = 0
        for y in y0..<y1 {
            for x in x0..<x1 where abs(Int(pixels[y * width + x]) - Int(other.pixels[y * width + x])) > 64 {
                count += 1
            }
        }
        return count
    }
}

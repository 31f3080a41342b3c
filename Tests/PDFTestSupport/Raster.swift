import Foundation

/// A page rendered in grey, one byte a pixel, to look at where ink fell.
public struct Raster: Sendable {
    public let width: Int
    public let height: Int
    public let pixels: [UInt8]
    public let dpi: Double

    /// Reads a binary PGM: "P5", width, height, maximum value, one whitespace, then a byte per pixel.
    init(pgm data: Data, dpi: Double) throws {
        var fields: [String] = []
        var index = data.startIndex
        while fields.count < 4 {
            while index < data.endIndex, data[index] == 0x20 || data[index] == 0x0A { index += 1 }
            var field = ""
            while index < data.endIndex, data[index] != 0x20 && data[index] != 0x0A {
                field.append(Character(Unicode.Scalar(data[index])))
                index += 1
            }
            fields.append(field)
        }
        guard fields[0] == "P5", let width = Int(fields[1]), let height = Int(fields[2]), index < data.endIndex else {
            throw PDFTools.CommandFailed(command: "pdftoppm -gray", output: "not a binary PGM: \(fields)")
        }
        self.width = width
        self.height = height
        pixels = Array(data[(index + 1)...])
        self.dpi = dpi
    }

    /// Where ink fell, in points from the page's top-left corner.
    public struct Ink: Sendable, CustomStringConvertible {
        public let x: Double, y: Double, maxX: Double, maxY: Double
        public var width: Double { maxX - x }
        public var height: Double { maxY - y }
        public var description: String { "ink from (\(x), \(y)) to (\(maxX), \(maxY))" }
    }

    /// The box around every pixel darker than `threshold`; nil for a blank page.
    public func ink(darkerThan threshold: UInt8 = 128) -> Ink? {
        var minX = Int.max, minY = Int.max, maxX = -1, maxY = -1
        for y in 0..<height {
            for x in 0..<width where pixels[y * width + x] < threshold {
                minX = min(minX, x); maxX = max(maxX, x)
                minY = min(minY, y); maxY = max(maxY, y)
            }
        }
        guard maxX >= 0 else { return nil }
        let scale = 72 / dpi
        return Ink(x: Double(minX) * scale, y: Double(minY) * scale, maxX: Double(maxX + 1) * scale, maxY: Double(maxY + 1) * scale)
    }

    /// The page's size in points.
    public var pageWidth: Double { Double(width) * 72 / dpi }
    public var pageHeight: Double { Double(height) * 72 / dpi }

    /// How many pixels are darker than mid-grey.
    public var inkPixels: Int { pixels.filter { $0 < 128 }.count }
}

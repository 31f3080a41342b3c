import Crypto
import Foundation
import TrainingCore
import Typesetting

extension TemplateLoader {
    mutating func list<T>(_ node: YAMLNode, _ read: (inout TemplateLoader, YAMLNode) throws -> T) throws -> [T] {
        var values: [T] = []
        for item in try node.items() {
            if let value = attempt({ try read(&$0, item) }) { values.append(value) }
        }
        return values
    }

    func fontReference(_ node: YAMLNode) throws -> FontDescriptor {
        let name = try node.string()
        if fontNames[name] == nil && brokenNames.contains(name) { throw AlreadyReported() }
        guard let font = fontNames[name] else {
            throw node.problem("“\(name)” is not one of the fonts: \(fontNames.keys.sorted().joined(separator: ", "))")
        }
        return font
    }

    func colour(_ node: YAMLNode) throws -> Color {
        let text = try node.string().trimmingCharacters(in: .whitespaces)
        if let named = colours[text] { return named }
        if brokenNames.contains(text) { throw AlreadyReported() }
        if text.hasPrefix("#"), let colour = Color(hex: text) { return colour }
        throw node.problem("“\(text)” is neither one of the colours (\(colours.keys.sorted().joined(separator: ", "))) nor #RRGGBB")
    }

    func millimetres(_ node: YAMLNode, in range: ClosedRange<Double>) throws -> Double {
        try node.number(in: range, unit: "mm") * CertificateTemplate.pointsPerMillimetre
    }

    func point(_ node: YAMLNode) throws -> Point {
        let values = try node.numbers(count: 2, meaning: "a point [x, y] in mm")
        let point = Point(x: values[0] * CertificateTemplate.pointsPerMillimetre, y: values[1] * CertificateTemplate.pointsPerMillimetre)
        guard (0...page.width + 0.01).contains(point.x), (0...page.height + 0.01).contains(point.y) else {
            throw node.problem("the point lies outside the \(pageDescription) page")
        }
        return point
    }

    /// A box `[x, y, width, height]` in millimetres, which must lie on the page.
    func box(_ node: YAMLNode) throws -> Rect {
        let values = try node.numbers(count: 4, meaning: "a box [x, y, width, height] in mm")
        guard values[2] > 0, values[3] > 0 else { throw node.problem("the box needs a width and a height above 0") }
        let scale = CertificateTemplate.pointsPerMillimetre
        let rect = Rect(x: values[0] * scale, y: values[1] * scale, width: values[2] * scale, height: values[3] * scale)
        guard rect.x >= 0, rect.y >= 0, rect.maxX <= page.width + 0.01, rect.maxY <= page.height + 0.01 else {
            throw node.problem("the box reaches \(YAMLNode.format(values[0] + values[2])) × \(YAMLNode.format(values[1] + values[3])) mm, outside the \(pageDescription) page")
        }
        return rect
    }

    var pageDescription: String {
        let scale = CertificateTemplate.pointsPerMillimetre
        return "\(YAMLNode.format((page.width / scale).rounded())) × \(YAMLNode.format((page.height / scale).rounded())) mm"
    }
}

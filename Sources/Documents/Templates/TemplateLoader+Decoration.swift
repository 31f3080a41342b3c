import Crypto
import Foundation
import TrainingCore
import Typesetting

extension TemplateLoader {
    func frame(_ node: YAMLNode) throws -> CertificateTemplate.Frame {
        try node.refuseUnknownFields(["inset", "colour", "width", "radius"])
        let limit = min(page.width, page.height) / 2 / CertificateTemplate.pointsPerMillimetre - 1
        return CertificateTemplate.Frame(
            inset: try millimetres(node.required("inset"), in: 0...limit),
            colour: try colour(node.required("colour")),
            width: try millimetres(node.required("width"), in: 0.05...20),
            radius: try node.optional("radius").map { try millimetres($0, in: 0...50) } ?? 0)
    }

    func rectangle(_ node: YAMLNode) throws -> CertificateTemplate.Rectangle {
        try node.refuseUnknownFields(["box", "fill", "stroke", "width", "radius"])
        let fill = try node.optional("fill").map { try colour($0) }
        let stroke = try node.optional("stroke").map { try colour($0) }
        guard fill != nil || stroke != nil else { throw node.problem("give the rectangle a fill:, a stroke: or both") }
        return CertificateTemplate.Rectangle(
            box: try box(node.required("box")), fill: fill, stroke: stroke,
            width: try node.optional("width").map { try millimetres($0, in: 0.05...20) } ?? 0.3 * CertificateTemplate.pointsPerMillimetre,
            radius: try node.optional("radius").map { try millimetres($0, in: 0...50) } ?? 0)
    }

    func line(_ node: YAMLNode) throws -> CertificateTemplate.Line {
        try node.refuseUnknownFields(["from", "to", "colour", "width", "dash"])
        return CertificateTemplate.Line(
            from: try point(node.required("from")), to: try point(node.required("to")),
            colour: try colour(node.required("colour")),
            width: try millimetres(node.required("width"), in: 0.05...20),
            dash: try node.optional("dash").map { try $0.items().map { try millimetres($0, in: 0.1...50) } } ?? [])
    }

    mutating func image(_ node: YAMLNode) throws -> CertificateTemplate.Image {
        try node.refuseUnknownFields(["file", "box", "rotate"])
        let fileNode = try node.required("file")
        let url = try imageURL(fileNode)
        let rotation = try node.optional("rotate").map { try $0.word(["0", "90", "180", "270"]) }.map { Int($0)! } ?? 0
        return CertificateTemplate.Image(url: url, box: try box(node.required("box")), rotation: rotation)
    }

    /// The image's file inside the templates folder; absolute paths, `..` and links leading out are refused.
    mutating func imageURL(_ node: YAMLNode) throws -> URL {
        let path = try node.string()
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("~"), !path.contains("\\"),
              !parts.contains(where: { $0 == ".." || $0.isEmpty }), path.unicodeScalars.allSatisfy({ $0.value >= 0x20 }) else {
            throw node.problem("“\(path)” must be a path inside the templates folder, such as images/emblem.png, without .. or a leading /")
        }
        guard path.lowercased().hasSuffix(".png") else { throw node.problem("“\(path)” is not a PNG file; images must be PNG") }
        let url = folder.appendingPathComponent(path)
        let root = folder.resolvingSymlinksInPath().standardizedFileURL.path
        let resolved = url.resolvingSymlinksInPath().standardizedFileURL.path
        guard resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            throw node.problem("“\(path)” leads outside the templates folder; keep images inside it")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw node.problem("there is no image \(path) in \(folder.path); add it or correct the path")
        }
        do {
            _ = try PNGImage(contentsOf: url)
        } catch let error as TypesettingError {
            throw node.problem("the image \(path) cannot be used: \(error.description.dropLast(error.description.hasSuffix(".") ? 1 : 0))")
        }
        imageData.append(data)
        return url
    }
}

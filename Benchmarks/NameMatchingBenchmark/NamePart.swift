/// One given name or surname as it is written in Latin and in Cyrillic.
///
/// For example `NamePart("Gʻulomjon", "Ғуломжон")`.
struct NamePart: Sendable {
    var latin: String
    var cyrillic: String

    init(_ latin: String, _ cyrillic: String) {
        self.latin = latin
        self.cyrillic = cyrillic
    }

    /// Parses "Latin/Cyrillic Latin/Cyrillic …".
    static func list(_ text: String) -> [NamePart] {
        text.split(whereSeparator: \.isWhitespace).map { pair in
            let parts = pair.split(separator: "/")
            return NamePart(String(parts[0]), String(parts[1]))
        }
    }
}

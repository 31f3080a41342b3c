/// A first-level division of Uzbekistan or Kyrgyzstan (viloyat, oblast, republic, city), by ISO 3166-2 code.
public struct Region: Hashable, Sendable, Identifiable {
    /// The ISO 3166-2 code, e.g. `UZ-XO` for Khorezm.
    public let code: String
    /// `UZ` or `KG`.
    public let country: String
    public let names: [DocumentLanguage: String]
    public let aliases: [String]
    public let districts: [District]

    public var id: String { code }

    /// The name in a language, falling back to another language the gazetteer has.
    public func name(in language: DocumentLanguage) -> String {
        names.localized(language) ?? code
    }
}

/// A district (tuman, raion) or a city of regional standing, within a ``Region``.
public struct District: Hashable, Sendable, Identifiable {
    /// A code made of the region's code and a short suffix, e.g. `UZ-XO-URG`.
    public let code: String
    public let regionCode: String
    public let names: [DocumentLanguage: String]
    public let aliases: [String]

    public var id: String { code }

    public func name(in language: DocumentLanguage) -> String {
        names.localized(language) ?? code
    }
}

extension Dictionary where Key == DocumentLanguage, Value == String {
    /// The value for a language, else the first of the display preference that is present.
    func localized(_ language: DocumentLanguage) -> String? {
        self[language] ?? DocumentLanguage.displayPreference.lazy.compactMap { self[$0] }.first
    }
}

import TrainingCore

/// Region and district names in the page's language, from the bundled gazetteer.
enum PlaceNames {
    static func region(_ code: String?, in language: DocumentLanguage) -> String {
        guard let code else { return "" }
        return Gazetteer.bundled.region(code: code)?.name(in: language) ?? code
    }

    static func district(_ code: String?, in language: DocumentLanguage) -> String {
        guard let code else { return "" }
        return Gazetteer.bundled.district(code: code)?.name(in: language) ?? code
    }

    /// District, region: where an event was held.
    static func place(region: String?, district: String?, in language: DocumentLanguage) -> String {
        [self.district(district, in: language), self.region(region, in: language)].filter { !$0.isEmpty }.joined(separator: ", ")
    }
}

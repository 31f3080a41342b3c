import GRDB

extension AppDatabase {
    /// A region's or district's names by language, from the copy of the gazetteer the database keeps (see
    /// `syncGazetteer`); nil for a code it does not have.
    ///
    /// Issuing certificates reads the event's two place names here: parsing `regions.yaml` for them cost 2 % of
    /// the CPU of issuing 1,000.
    func placeNames(_ db: Database, table: PlaceTable, code: String) throws -> [DocumentLanguage: String]? {
        guard let row = try Row.fetchOneCached(db, sql: """
            SELECT nameEn, nameRu, nameUzLatn, nameUzCyrl, nameKy FROM \(table.rawValue) WHERE code = ?
            """, arguments: [code]) else { return nil }
        var names: [DocumentLanguage: String] = [:]
        for (index, language) in Self.placeNameLanguages.enumerated() {
            if let name: String = row[index] { names[language] = name }
        }
        return names
    }

    /// The languages of the name columns of `region` and `district`, in their order: `nameEn`, `nameRu`, `nameUzLatn`,
    /// `nameUzCyrl`, `nameKy`.
    static let placeNameLanguages: [DocumentLanguage] = [.english, .russian, .uzbekLatin, .uzbekCyrillic, .kyrgyz]

    enum PlaceTable: String {
        case region, district
    }
}

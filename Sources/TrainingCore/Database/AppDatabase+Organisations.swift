import Foundation
import GRDB

/// A serial format and verification link, from the event's organisation or the defaults.
struct OrganisationSettings: Sendable {
    var format: SerialFormat
    var verificationURL: String
}

extension AppDatabase {
    /// Sets how an organisation numbers its certificates and where they are verified.
    ///
    /// The organisation named `default` applies to events whose organiser has no settings of its own.
    /// The verification link is the organisation's base URL with the serial appended; it is kept on
    /// record and printed where a template asks for it, while the QR code carries the signed token.
    @discardableResult
    public func setOrganisation(name: String, serialFormat: String?, verificationURL: String?) throws -> Organisation {
        let name = name.trimmingSpaces()
        guard !name.isEmpty else { throw MalakaError.usage("Give the organisation's name.") }
        if let serialFormat { _ = try SerialFormat(serialFormat) }
        if let verificationURL {
            guard let url = URL(string: verificationURL), ["https", "http"].contains(url.scheme?.lowercased() ?? ""),
                  url.host != nil, verificationURL.utf8.count <= 200,
                  verificationURL.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value < 0x7F }) else {
                throw MalakaError.data("“\(verificationURL)” is not a web address a QR code can carry. Give one such as https://example.org/verify/ (ASCII, at most 200 characters).")
            }
        }
        return try write(.setOrganisation) { db in
            let key = name.searchFolded()
            var organisation = try Organisation.filter(Column("nameKey") == key).fetchOne(db)
                ?? Organisation(id: nil, name: name, nameKey: key, serialFormat: SerialFormat.standard.pattern, verificationURL: nil)
            organisation.name = name
            if let serialFormat { organisation.serialFormat = serialFormat }
            if let verificationURL { organisation.verificationURL = verificationURL }
            try organisation.save(db)
            return organisation
        }
    }

    public func organisations() throws -> [Organisation] {
        try read { db in try Organisation.order(Column("name")).fetchAll(db) }
    }

    func organisationSettings(_ db: Database, for organiser: String?) throws -> OrganisationSettings {
        var found: Organisation?
        if let organiser {
            found = try Organisation.filter(Column("nameKey") == organiser.searchFolded()).fetchOne(db)
        }
        if found == nil {
            found = try Organisation.filter(Column("nameKey") == "default").fetchOne(db)
        }
        var format = try found.map { try SerialFormat($0.serialFormat) } ?? .standard
        format.site = try Self.issuingSiteKey(db)?.siteCode
        return OrganisationSettings(
            format: format,
            verificationURL: found?.verificationURL ?? AppDatabase.defaultVerificationURL)
    }
}

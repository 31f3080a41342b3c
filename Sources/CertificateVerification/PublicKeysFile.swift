import Foundation

/// The public keys file checkers load: every key an organisation has signed with, current and retired,
/// and never a private key or its path.
///
/// For example:
/// ```swift
/// let keys = try PublicKeysFile.decode(data, source: "malaka-public-keys.json").publicKeys()
/// ```
public struct PublicKeysFile: Codable, Sendable {
    public static let currentFormat = "malaka-public-keys-1"

    public struct Entry: Codable, Sendable {
        public var keyID: String
        public var organisation: String
        public var publicKey: String
        public var createdAt: Date
        /// When a newer key took over; the key still verifies what it signed before.
        public var retiredAt: Date?

        public init(keyID: String, organisation: String, publicKey: String, createdAt: Date, retiredAt: Date?) {
            self.keyID = keyID
            self.organisation = organisation
            self.publicKey = publicKey
            self.createdAt = createdAt
            self.retiredAt = retiredAt
        }
    }

    public var format = PublicKeysFile.currentFormat
    public var keys: [Entry]
    /// Site keys the programme certified, so that what sites sign verifies with the programme's keys alone.
    public var sites: [SiteCertificate] = []
    /// Site keys the programme revoked, each from a day on.
    public var siteRevocations: [SiteKeyRevocation] = []

    public init(keys: [Entry], sites: [SiteCertificate] = [], siteRevocations: [SiteKeyRevocation] = []) {
        self.keys = keys
        self.sites = sites
        self.siteRevocations = siteRevocations
    }

    private enum CodingKeys: String, CodingKey {
        case format, keys, sites, siteRevocations
    }

    /// Files written before sites existed have neither list.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(String.self, forKey: .format)
        keys = try container.decode([Entry].self, forKey: .keys)
        sites = try container.decodeIfPresent([SiteCertificate].self, forKey: .sites) ?? []
        siteRevocations = try container.decodeIfPresent([SiteKeyRevocation].self, forKey: .siteRevocations) ?? []
    }

    /// Reads a file written by ``encoded()``, saying which field is wrong; `source` names the file in errors.
    public static func decode(_ data: Data, source: String) throws -> PublicKeysFile {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let file: PublicKeysFile
        do {
            file = try decoder.decode(PublicKeysFile.self, from: data)
        } catch {
            throw VerificationError.data("\(source) is not a Malaka public keys file (\(JSONFieldPath.describe(error))).",
                                         remedy: .exportPublicKeys)
        }
        guard file.format == currentFormat else {
            throw VerificationError.data("\(source), field format: “\(file.format.prefix(40))” is not a format this program knows.",
                                         remedy: .exportPublicKeys)
        }
        return file
    }

    /// The keys, each with the day it was retired, or an error naming the entry that is not a key.
    public func publicKeys(source: String = "the public keys file") throws -> [PublicSigningKey] {
        try keys.enumerated().map { index, entry in
            do {
                return try entry.publicSigningKey()
            } catch let error as VerificationError {
                throw VerificationError.data("\(source), field keys[\(index + 1)].publicKey: \(error.message)",
                                             remedy: .exportPublicKeys)
            }
        }
    }

    /// The file as JSON, dates in ISO 8601.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }
}

extension PublicKeysFile.Entry {
    /// The key, knowing the day it was retired.
    public func publicSigningKey() throws -> PublicSigningKey {
        try PublicSigningKey(base64: publicKey, retiredOn: retiredAt.map(TokenDate.init(utcDayOf:)))
    }
}

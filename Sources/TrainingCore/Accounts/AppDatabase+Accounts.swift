import Foundation
import GRDB

extension AppDatabase {
    /// Adds a person who may sign in to `malaka serve`, with the place their role works in.
    ///
    /// A trainer or coordinator needs a region (a trainer may be narrowed to a district), a manager a
    /// country or a region; an administrator has no place. The password arrives already hashed.
    @discardableResult
    public func addAccount(_ draft: AccountDraft) throws -> WebAccount {
        let name = draft.name.trimmingSpaces()
        guard !name.isEmpty, name.count <= 64, !name.contains(where: { $0.isWhitespace || $0.isNewline }) else {
            throw MalakaError(.usage, .missingName, "An account name is one word of 1 to 64 letters, digits or signs, without spaces; “\(draft.name)” is not.")
        }
        var country = draft.country?.trimmingSpaces().uppercased()
        var regionCode: String?
        var districtCode: String?
        if let text = draft.region, !text.trimmingSpaces().isEmpty {
            let region = try gazetteer.region(matching: text)
            regionCode = region.code
            country = region.country
            if let district = draft.district, !district.trimmingSpaces().isEmpty {
                districtCode = try gazetteer.district(matching: district, in: region).code
            }
        } else if draft.district.map({ !$0.trimmingSpaces().isEmpty }) == true {
            throw MalakaError(.usage, .missingRegion, "A district is chosen within a region; give the region too.", remedy: .listRegions)
        }
        if let country, !gazetteer.regions.contains(where: { $0.country == country }) {
            throw MalakaError(.data, .unknownRegion, "“\(country)” is not a country Malaka knows (UZ or KG).", remedy: .listRegions)
        }
        switch draft.role {
        case .admin:
            country = nil
            regionCode = nil
            districtCode = nil
        case .trainer, .coordinator:
            guard regionCode != nil else {
                throw MalakaError(.usage, .missingRegion, "A \(draft.role.rawValue) works in one region; give it.", remedy: .listRegions)
            }
        case .manager:
            guard country != nil else {
                throw MalakaError(.usage, .missingRegion, "A manager reads one country or one region; give it.", remedy: .listRegions)
            }
        }
        var account = WebAccount(name: name, role: draft.role, country: country, regionCode: regionCode,
                                 districtCode: draft.role == .coordinator ? nil : districtCode,
                                 passwordHash: draft.passwordHash)
        return try write(.addAccount, detail: "\(draft.role.rawValue) \(name)") { db in
            if try WebAccount.filter(sql: "name = ? COLLATE NOCASE", arguments: [name]).fetchOne(db) != nil {
                throw MalakaError(.data, .valueOutOfRange, "There is already an account named “\(name)”. Nothing was changed.")
            }
            try account.insert(db)
            return account
        }
    }

    /// The account with this name (any letter case), or nil.
    public func account(named name: String) throws -> WebAccount? {
        try read { db in try WebAccount.filter(sql: "name = ? COLLATE NOCASE", arguments: [name.trimmingSpaces()]).fetchOne(db) }
    }

    /// Every account, by name.
    public func accounts() throws -> [WebAccount] {
        try read { db in try WebAccount.order(WebAccount.Columns.name).fetchAll(db) }
    }

    /// Remembers the language a person chose for the pages.
    public func setAccountLanguage(id: Int64, language: DocumentLanguage) throws {
        try write(.chooseAccountLanguage, detail: language.rawValue) { db in
            try db.execute(sql: "UPDATE webAccount SET language = ? WHERE id = ?", arguments: [language.rawValue, id])
        }
    }

    /// Records a signed-in browser.
    public func openWebSession(_ session: WebSessionRecord) throws {
        try write(.signIn) { db in
            try db.execute(sql: "DELETE FROM webSession WHERE expiresAt < ?", arguments: [Date()])
            try session.insert(db)
        }
    }

    /// The account and session of a browser's token hash, if the session has not expired.
    public func webSession(tokenHash: String, now: Date = Date()) throws -> (session: WebSessionRecord, account: WebAccount)? {
        try readStatement { db in
            // One statement, prepared once per connection and read column by column: every request of a signed-in browser asks.
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT s.tokenHash, s.accountId, s.csrfToken, s.createdAt, s.expiresAt,
                       a.name, a.role, a.country, a.regionCode, a.districtCode, a.passwordHash, a.language, a.createdAt
                FROM webSession s JOIN webAccount a ON a.id = s.accountId WHERE s.tokenHash = ? AND s.expiresAt > ?
                """), arguments: [tokenHash, now]) else { return nil }
            let session = WebSessionRecord(tokenHash: row[0], accountId: row[1], csrfToken: row[2], createdAt: row[3], expiresAt: row[4])
            var account = WebAccount(name: row[5], role: row[6], country: row[7], regionCode: row[8], districtCode: row[9],
                                     passwordHash: row[10], language: row[11], createdAt: row[12])
            account.id = session.accountId
            return (session, account)
        }
    }

    /// Signs a browser out.
    public func closeWebSession(tokenHash: String) throws {
        try write(.signOut) { db in try db.execute(sql: "DELETE FROM webSession WHERE tokenHash = ?", arguments: [tokenHash]) }
    }
}

extension ChangeOperation {
    // Accounts of `malaka serve`: who was let in, and when, is part of the audit log.
    public static let addAccount = ChangeOperation("addAccount")
    public static let chooseAccountLanguage = ChangeOperation("chooseAccountLanguage")
    public static let signIn = ChangeOperation("signIn")
    public static let signOut = ChangeOperation("signOut")
}

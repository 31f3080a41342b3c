/// An account as given to `malaka user add`, before its place is checked against the gazetteer.
public struct AccountDraft: Sendable {
    public var name: String
    public var role: AccountRole
    public var country: String?
    /// A region code or name, as the user wrote it.
    public var region: String?
    /// A district code or name in that region.
    public var district: String?
    public var passwordHash: String

    public init(name: String, role: AccountRole, country: String? = nil, region: String? = nil, district: String? = nil,
                passwordHash: String) {
        self.name = name
        self.role = role
        self.country = country
        self.region = region
        self.district = district
        self.passwordHash = passwordHash
    }
}

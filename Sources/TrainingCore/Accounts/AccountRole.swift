import GRDB

/// What a person signed in to `malaka serve` may see and do.
///
/// A trainer marks attendance and registers people in their district or region, a coordinator also
/// issues and revokes certificates in their region, a manager reads the summaries of their country
/// or region and changes nothing, an administrator may do everything everywhere.
public enum AccountRole: String, Codable, CaseIterable, Sendable, DatabaseValueConvertible {
    case trainer, coordinator, manager, admin

    /// Whether this role changes records (a manager only reads).
    public var canWrite: Bool { self != .manager }

    /// Whether this role issues, downloads and revokes certificates.
    public var handlesCertificates: Bool { self == .coordinator || self == .admin }

    /// Whether this role reads region summaries.
    public var readsSummaries: Bool { self != .trainer }
}

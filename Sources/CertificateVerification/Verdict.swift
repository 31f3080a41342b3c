/// What a check concluded, with the reasons a person can read and what it could not look at.
public struct Verdict: Sendable {
    public enum Status: String, Sendable, Codable {
        case valid, revoked, superseded, unknown, forged
    }

    /// A part of the certificate the check did not cover, so that a VALID is read for what it is.
    public enum Unchecked: String, Sendable, Codable {
        /// No name was given or read from the paper: a genuine token beside another name would pass.
        case name
        /// Neither a revocation list nor the database: a revoked certificate would pass.
        case revocation
    }

    public var status: Status
    public var reasons: [String]
    public var unchecked: [Unchecked]
    public var token: CertificateToken?
    public var signingKeyID: String?
    /// What the programme's database says has happened to a valid certificate's event or holder since it was issued.
    public var circumstances: [LedgerEntry.Circumstance] = []

    public init(status: Status, reasons: [String], unchecked: [Unchecked] = [], token: CertificateToken?, signingKeyID: String?) {
        self.status = status
        self.reasons = reasons
        self.unchecked = unchecked
        self.token = token
        self.signingKeyID = signingKeyID
    }
}

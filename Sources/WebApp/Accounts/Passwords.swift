import HummingbirdBcrypt

/// Password hashing with bcrypt, for `malaka user add` and the sign-in page alike.
public enum Passwords {
    /// bcrypt's work factor: about a quarter of a second per sign-in on a laptop.
    public static let cost: UInt8 = 12

    /// The shortest password accepted.
    public static let minimumLength = 8

    public static func hash(_ password: String, cost: UInt8 = cost) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// A hash of a password nobody has, checked when the account does not exist so that a wrong name
    /// takes as long as a wrong password.
    static let decoy = Bcrypt.hash("no account has this password", cost: cost)
}

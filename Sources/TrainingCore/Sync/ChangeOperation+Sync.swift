extension ChangeOperation {
    /// A bundle written for another site (logs nothing of its own: it changes no travelling row).
    public static let writeBundle = ChangeOperation("writeBundle")
    /// A bundle from another site applied; its entries keep their own operations.
    public static let applyBundle = ChangeOperation("applyBundle")
    /// A person chose between two versions of someone's identity edited at two places at once.
    public static let resolveSyncConflict = ChangeOperation("resolveSyncConflict")
    /// This database's key as a site made.
    public static let generateSiteKey = ChangeOperation("generateSiteKey")
    /// At the programme's desk: a site's key certified with the programme's key.
    public static let certifySite = ChangeOperation("certifySite")
    /// At the programme's desk: a site's keys revoked from a day on.
    public static let revokeSiteKey = ChangeOperation("revokeSiteKey")
    /// The programme's public keys file loaded at a site.
    public static let trustProgrammeKeys = ChangeOperation("trustProgrammeKeys")
}

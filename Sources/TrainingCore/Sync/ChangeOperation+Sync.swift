extension ChangeOperation {
    /// This database's key as a site made.
    public static let generateSiteKey = ChangeOperation("generateSiteKey")
    /// At the programme's desk: a site's key certified with the programme's key.
    public static let certifySite = ChangeOperation("certifySite")
    /// At the programme's desk: a site's keys revoked from a day on.
    public static let revokeSiteKey = ChangeOperation("revokeSiteKey")
    /// The programme's public keys file loaded at a site.
    public static let trustProgrammeKeys = ChangeOperation("trustProgrammeKeys")
}

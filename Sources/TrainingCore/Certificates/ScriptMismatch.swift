import NameMatching

/// A certificate that would print a name in another script than its language's: a Cyrillic name on an
/// Uzbek Latin certificate, a Latin one on a Russian certificate.
public struct ScriptMismatch: Sendable, Hashable {
    public var participantID: Int64
    /// The name the certificate would print.
    public var printedName: String
    public var language: DocumentLanguage
    /// The name in the language's script by the Uzbek letter rules, to check and register as the other spelling.
    public var transliteration: String

    /// The mismatch of a new certificate, or nil when its name fits its language.
    static func of(_ item: CertificatePlan.Item) -> ScriptMismatch? {
        guard item.existing == nil, !LanguageInference.scriptFits(item.printedName, item.language) else { return nil }
        // The name does not fit, so the language wants the other script.
        let transliteration = !item.printedName.isMostlyCyrillic
            ? UzbekTransliteration.cyrillic(item.printedName) : UzbekTransliteration.latin(item.printedName)
        return ScriptMismatch(participantID: item.participantID, printedName: item.printedName, language: item.language,
                              transliteration: transliteration)
    }
}

/// Issuing was refused: some certificates would print a name in another script than their language.
///
/// The front end words it, with its way of asking for the names as they are.
public struct ScriptMismatchRefusal: Error, Sendable {
    public var mismatches: [ScriptMismatch]
}

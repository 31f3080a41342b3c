import CertificateVerification

extension VerificationError.Remedy {
    /// The remedy as the command to run.
    var wording: String {
        switch self {
        case .generateSigningKey:
            "Create one with `malaka keys generate --out FILE`."
        case .restrictKeyFile(let path):
            "Run `chmod 600 \(path)` and keep it private."
        case .exportPublicKeys:
            "Write the file again with `malaka keys export-public --out FILE`."
        case .exportRevocationList:
            "Get a fresh copy from the issuer, written with `malaka certificates revocations export --out FILE`."
        case .shortenSignedText:
            "Shorten the event's organiser, the course code or the organisation's serial format."
        case .chooseAnotherFile:
            "Give another file name."
        }
    }
}

extension VerificationError {
    /// What is wrong and what to do, in one line for the terminal.
    var worded: String { remedy.map { "\(message) \($0.wording)" } ?? message }
}

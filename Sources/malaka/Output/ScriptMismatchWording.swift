import TrainingCore

/// The refusal to print names in another script than the certificates' language, with what to do.
enum ScriptMismatchWording {
    static func error(_ refusal: ScriptMismatchRefusal) -> MalakaError {
        var lines = ["\(refusal.mismatches.count) \(refusal.mismatches.count == 1 ? "certificate" : "certificates") would print a name in another script than its language, so nothing was issued."]
        for mismatch in refusal.mismatches.prefix(20) {
            lines.append("  - participant \(mismatch.participantID) “\(mismatch.printedName)” on a \(mismatch.language.rawValue) certificate; in its script: “\(mismatch.transliteration)” (malaka participant edit \(mismatch.participantID) --alt-name \"\(mismatch.transliteration)\")")
        }
        if refusal.mismatches.count > 20 { lines.append("  … and \(refusal.mismatches.count - 20) more.") }
        lines.append("Register the other spelling (checked by the person) with participant edit --alt-name, choose the language of the name with participant edit --language or certificates issue --language, or print the names as they are with --allow-other-script.")
        return MalakaError.data(lines.joined(separator: "\n"))
    }
}

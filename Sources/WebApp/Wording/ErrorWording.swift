import TrainingCore

/// A core error worded for a page: its message, and its remedy as a hint beside the form.
///
/// Errors with a code the pages know are worded in the reader's language; others keep the core's
/// message (English), never a database message or a trace.
struct ErrorWording {
    let words: Words

    init(_ words: Words) {
        self.words = words
    }

    struct Worded: Sendable {
        var message: String
        var remedy: String?
        /// The form field the error concerns, when there is one.
        var field: String?
    }

    func word(_ error: MalakaError) -> Worded {
        var worded = Worded(message: error.message)
        switch error.code {
        case .missingName: worded.field = "fullName"
        case .unknownRegion, .missingRegion: worded.field = "region"
        case .unknownDistrict: worded.field = "district"
        case .missingReason: worded.field = "reason"
        default: break
        }
        worded.remedy = error.remedy.flatMap(remedy)
        return worded
    }

    private func remedy(_ remedy: MalakaError.Remedy) -> String? {
        switch remedy {
        case .tryAgain: words[.notSaved]
        default: nil
        }
    }
}

extension ErrorWording {
    /// Issuing refused because names are written in another script than their certificates' language.
    func scriptMismatch(_ names: [String]) -> String {
        words.format(.scriptMismatch, names.joined(separator: "; "))
    }
}

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

        /// The message and the remedy in one, for a message beside a form.
        var sentence: String { message + (remedy.map { " " + $0 } ?? "") }
    }

    func word(_ error: MalakaError) -> Worded {
        var worded = Worded(message: message(error) ?? error.message, field: error.location?.field)
        if worded.field == nil {
            switch error.code {
            case .missingName: worded.field = "fullName"
            case .unknownRegion, .missingRegion: worded.field = "region"
            case .unknownDistrict: worded.field = "district"
            case .missingReason: worded.field = "reason"
            default: break
            }
        }
        worded.remedy = error.remedy.flatMap(remedy)
        return worded
    }

    /// A remedy in the reader's words, for the remedies the pages' forms can meet; nil for the others, whose
    /// wording names command-line options that mean nothing on a page.
    func remedy(_ remedy: MalakaError.Remedy) -> String? {
        switch remedy {
        case .tryAgain: words[.notSaved]
        case .correctRowsOrSkipInvalid: words[.remedyCorrectRows]
        case .chooseLinkOrNew: words[.remedyChooseLinkOrNew]
        case .enrollFirst: words[.remedyEnrollFirst]
        case .checkNameOrRegisterAndEnroll: words[.remedyCheckName]
        case .raiseCapacityOrImportWithoutEvent: words[.remedyCapacity]
        case .mapColumn, .addHeaderRowOrMapColumns, .mapLike: words[.remedyHeading]
        case .correctSessionHeaderOrIgnore, .ignoreOneColumn: words[.remedySessionHeading]
        case .giveReason: words[.required]
        case .correctName: words[.remedyCorrectName]
        case .correctNameOrInstallFont: words[.remedyCorrectNameOrFont]
        default: nil
        }
    }

    /// The core's sentence in the reader's language, for the errors of the pages' forms whose code and
    /// subject say all the sentence says; nil for the others, which keep the core's (English) sentence.
    private func message(_ error: MalakaError) -> String? {
        let file: String? = if case .file(let name) = error.subject { name } else { error.location?.file }
        switch (error.code, error.subject) {
        case (.nobodyCompleted, _): return words[.errNobodyCompleted]
        case (.noHeaderRow, _): return words.format(.errNoHeaderRow, file ?? words[.importFile])
        case (.noNameColumn, _): return words.format(.errNoNameColumn, file ?? words[.importFile])
        case (.unknownCertificate, .certificate(let serial)?): return words.format(.errUnknownCertificate, serial)
        case (.missingReason, .certificate?): return words[.errRevokeReason]
        case (.unknownConflict, .syncConflict(let id)?): return words.format(.errUnknownConflict, String(id))
        case (.conflictResolved, .syncConflict(let id)?): return words.format(.errConflictResolved, String(id))
        case (.impossibleBirthYear, _): return words.format(.errBirthYearForm, String(DayDate.today.year))
        case (.invisibleCharacter, _): return words[.errInvisibleField]
        case (.textTooLong, _): return words[.errTooLong]
        case (.notADate, _): return words[.errNotADate]
        case (.noSuchDay, _): return words[.errNoSuchDay]
        case (.notAReportYear, _): return words[.errReportYear]
        case (.datesOutOfOrder, _) where error.remedy == .giveFromEarlierDate: return words[.errPeriodOrder]
        case (.cannotPrint, .event?):
            // Which certificates and why: the problems' own sentences (a font, a template) stay the core's.
            let problems = error.details.map { detail -> String in
                let sentence = detail.message + (detail.remedy.flatMap(remedy).map { " " + $0 } ?? "")
                guard case .people(let holders)? = detail.subject else { return sentence }
                return holders.joined(separator: ", ") + ": " + sentence
            }
            return words.format(.errCannotPrint, problems.joined(separator: " "))
        case (.noSigningKey, _): return words[.errNoSigningKey]
        case (.periodClosed, _): return words[.errPeriodClosed]
        case (.certificateNotValid, .certificate(let serial)?): return words.format(.errCertificateNotValid, serial)
        default: return nil
        }
    }

    /// The refusal of an import, with the counts its report knows, in the reader's language.
    func importRefusal(_ error: MalakaError, rejectedRows: Int, undecidedRows: Int) -> Worded {
        var worded = word(error)
        switch error.code {
        case .rowsHaveProblems: worded.message = words.format(.errRowsHaveProblems, words.number(rejectedRows))
        case .undecidedDuplicates: worded.message = words.format(.errUndecided, words.number(undecidedRows))
        default: break
        }
        return worded
    }

    /// The core's sentence about one row of an imported file, in the reader's language where the problem's
    /// code says what it is; else the core's own sentence.
    func message(_ problem: ImportProblem) -> String {
        guard let value = problem.value else { return problem.reason }
        switch problem.code {
        case .unrecognisedSex: return words.format(.errSex, value)
        case .unrecognisedMark: return words.format(.errMark, value)
        case .nobodyByName: return words.format(.errNobodyByName, value)
        case .missingName: return words[.errNameEmpty]
        case .unknownRegion: return words.format(.errRegion, value)
        case .unknownDistrict: return words.format(.errDistrict, value)
        case .notABirthYear: return words.format(.errBirthYear, value)
        case .impossibleBirthYear: return words.format(.errBirthYearRange, value)
        case .notAnAge: return words.format(.errAge, value)
        case .impossibleAge: return words.format(.errAgeRange, value)
        case .notAPhoneNumber: return words.format(.errPhone, value)
        case .twoDigitYear: return words.format(.errTwoDigitYear, value)
        case .invisibleCharacter: return words.format(.errInvisible, value)
        default: return problem.reason
        }
    }
}

extension ErrorWording {
    /// Issuing refused because names are written in another script than their certificates' language.
    func scriptMismatch(_ refusal: ScriptMismatchRefusal) -> String {
        let names = refusal.mismatches.map { "\($0.printedName) (\($0.language.rawValue): \($0.transliteration))" }
        return words.format(.scriptMismatch, names.joined(separator: "; "))
    }

    /// A refused merge in the reader's language: who, and each thing that says they are two people.
    func mergeRefusal(keep: String, other: String, obstacles: [MergeObstacle]) -> String {
        let reasons = obstacles.map { obstacle in
            switch obstacle {
            case let .marksDiffer(event, date, startTime, first, second):
                words.format(.mergeMarksDiffer, String(event), words.date(date), "\(startTime)", words.mark(first), words.mark(second))
            case let .bothAttended(date, first, second):
                words.format(.mergeBothAttended, words.date(date), String(first.event), "\(first.startTime)–\(first.endTime)",
                             String(second.event), "\(second.startTime)–\(second.endTime)")
            case let .twoValidCertificates(event, first, second):
                words.format(.mergeTwoCertificates, String(event), first, second)
            }
        }
        return words.format(.errCannotMerge, keep, other, reasons.joined(separator: "; "))
    }
}

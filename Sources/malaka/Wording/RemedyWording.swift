import TrainingCore

// The one place that turns the library's remedies into this tool's options and commands.
// The library says what to do as a value; a web page words the same values as form hints.

extension MalakaError {
    /// The whole message as the command line shows it: the input's option, the message, its details and the remedy.
    var cliText: String {
        var text = location?.input.map { "\($0.cliName) \(message)" } ?? message
        for detail in details {
            text += "\n  - " + detail.message + (detail.remedy.map { " " + $0.cliText } ?? "")
            if case .people(let holders)? = detail.subject {
                let shown = holders.prefix(5).joined(separator: "; ")
                let more = holders.count > 5 ? "; and \(holders.count - 5) more" : ""
                text += " [\(shown)\(more)]"
            }
        }
        if let remedy { text += (details.isEmpty ? " " : "\n") + remedy.cliText }
        return text
    }
}

extension ImportProblem {
    /// Where, what and what to do.
    var cliText: String { description + (remedy.map { " " + $0.cliText } ?? "") }
    /// What and what to do, without where.
    var cliReason: String { reason + (remedy.map { " " + $0.cliText } ?? "") }
}

extension MalakaError.Input {
    /// The option the value was given with, and the value when it helps.
    var cliName: String {
        switch self {
        case .count: "--count"
        case .map(let given): "--map" + (given.map { " " + $0 } ?? "")
        case .link(let line, let participant): "--link \(line)=\(participant)"
        }
    }
}

extension ImportColumn.LeftOut {
    /// Why the column is left out, as the import report says it.
    func cliNote(isWorksheet: Bool) -> String {
        switch self {
        case .ignoredByMapping: "left out with --map"
        case .notUsedByThisImport: "not used by this import"
        case .fieldGivenByColumn(let column, let field):
            "column \(isWorksheet ? ImportColumn.letter(column) : String(column)) already gives the \(field.rawValue)"
        case .noHeader: "no header"
        case .knownExtra: "left out"
        case .headerNotRecognised: "header not recognised"
        }
    }
}

extension MalakaError.Remedy {
    /// The remedy as sentences naming this tool's options and commands.
    var cliText: String {
        switch self {
        case .createDatabase(let path):
            "Create one with `malaka init --db \(path)`, or point --db or MALAKA_DB at an existing one."
        case .giveMalakaDatabase: "Give the path of a Malaka database, or a new path for `malaka init`."
        case .updateMalaka: "Update malaka to open it."
        case .tryAgain: "Try again."
        case .bringDatabaseUpToDate(nil): "Run `malaka init` to bring it up to date."
        case .bringDatabaseUpToDate(let path?): "Run `malaka init --db \(path)` as a user who may write it."

        case .listEvents: "`malaka event list` shows the events and their numbers."
        case .listCertificates: "`malaka certificates list` shows the serials."
        case .listRegions: "`malaka region list` shows them all."
        case .showDistricts(let region?): "`malaka region show \(region)` lists its districts."
        case .showDistricts(nil): "`malaka region show REGION` lists a region's districts."
        case .searchParticipants: "`malaka participant search NAME` finds a person's number."
        case .showEnrolled(let event): "`malaka attendance show \(event)` lists who is enrolled."
        case .showAttendance(let event): "`malaka attendance show \(event)` shows who attended."
        case .runCourseSync: "run `malaka course sync` first."
        case .giveCatalogueDirectory: "Give the catalogue's directory with --dir."

        case .giveName: "give --name \"Full Name\"."
        case .giveRegionToo: "give --region too."
        case .giveConsentDate: "Give the date consent was recorded with --consent-date, as well as who recorded it."
        case .giveReason: "Give it with --reason."
        case .sayWhatToChange: "e.g. --name \"New Name\" or --phone …; `malaka participant edit --help` lists the fields."
        case .sayWhoAttended: "--all-present, or --present/--late/--excused/--absent with participant numbers."
        case .giveSessions: "give --start with --days, or --session DATE."
        case .nameEachTrainer: "Give each --trainer a name."
        case .givePositiveCapacityOrNone: "Give a number above 0, or --no-capacity for no limit."
        case .chooseStartTime: "Say which with --start-time."
        case .giveAnotherDateOrTime: "Give another date, or --time to change the times."
        case .giveFromBeforeTo: "Give --from before --to."
        case .giveFromEarlierDate: "Give --from the earlier date."
        case .giveRegionOrDistrict: "give the region (--region), or one district (--district)."
        case .giveTemplatesFolder: "Give it with --templates or MALAKA_TEMPLATES."

        case .force(.unenroll): "Add --force to unenroll anyway."
        case .force(.moveMarksWithSessions): "Add --force to move the marks with their sessions."
        case .force(.moveSessionWithMarks): "Add --force to move the session with its marks."
        case .force(.deleteSessionWithMarks): "Add --force to delete the session and its marks."
        case .resolveConflictOrAllow:
            "Change the time, the trainer or the venue, or add --allow-conflict to schedule it anyway; the override is recorded."
        case .moveSessionOrWidenEvent: "Move the session or widen the event with --start/--end."
        case .widenEvent(let event, let orReschedule):
            "Widen the event first with `malaka event edit \(event) --start/--end`"
                + (orReschedule ? ", or move the whole event with `malaka event reschedule`." : ".")
        case .cancelEventInstead(let event): "Cancel the event instead with `malaka event cancel \(event) --reason …`."
        case .endRecurrenceSooner(let until, let count):
            "End it sooner with --until \(until.dotted) or --count \(count), or give a later --end."
        case .startRecurrenceEarlierOrExtendEvent: "Start it earlier or give a later --end."
        case .giveLaterUntil: "Give a later --until."
        case .giveEarlierUntilOrCount: "Give an earlier --until or a --count."

        case .enrollFirst(let event, let participant):
            "Enroll them first with `malaka enroll \(event) \(participant.map(String.init) ?? "NUMBER")`."
        case .checkNameOrRegisterAndEnroll(let event):
            "Check the name, or register and enroll the person first (`malaka participant import FILE --event \(event)` does both)."
        case .correctAttendanceAndMergeAgain:
            "If they are one person, correct the record that is wrong (`malaka attendance mark`) and merge again."

        case .correctRowsOrSkipInvalid(let count, let marks):
            "Correct \(count == 1 ? "it" : "them") and import again, or add --skip-invalid to \(marks ? "record" : "import") the other rows."
        case .chooseLinkOrNew:
            "Choose with --on-duplicate link (take them as those people) or --on-duplicate new (add them as new people), or line by line with --link LINE=ID and --new LINE."
        case .checkLinkLines: "Check the line numbers given to --link and --new."
        case .raiseCapacityOrImportWithoutEvent: "Raise the capacity, import fewer people, or import without --event."
        case .addHeaderRowOrMapColumns(let example): "Add a header row, or name the columns with --map, e.g. --map \"\(example)\"."
        case .mapColumn(let example): "Name the column with --map, e.g. --map \"\(example)\"."
        case .mapLike(let examples): "e.g. " + examples.map { "--map \($0)" }.joined(separator: " or ") + "."
        case .correctSessionHeaderOrIgnore(let sessions?, let column):
            "Correct the header to one of the event's sessions (\(sessions)), or leave the column out with --map \(column)=ignore."
        case .correctSessionHeaderOrIgnore(nil, let column):
            "Correct the header, or leave the column out with --map \(column)=ignore."
        case .ignoreOneColumn: "Leave one out with --map COLUMN=ignore."

        case .chooseLanguageOrTemplate: "Choose one of those with --language, or another template with --template."
        case .chooseTemplateOrAdd(let name): "Choose one with --template, or add \(name).yaml."
        case .issueEventAgain(let event):
            "Issue its event again (`malaka certificates issue \(event.map(String.init) ?? "EVENT") --out FOLDER`) to sign it and print it with its token."
        case .fixAndIssueAgain(let canSkip):
            canSkip ? "Fix these and issue again, or add --skip-invalid to issue the others now." : "Fix these and issue again."
        case .giveCertificateDestination: "--out DIR for one PDF per person, --bundle FILE for all in one PDF, or both."
        case .giveFolder: "Give --out a folder."
        case .giveBundleFile: "Give --bundle a file name such as certificates.pdf."
        case .correctName: "correct the name (`malaka participant edit`)."
        case .correctNameOrInstallFont(let count):
            "correct the name (`malaka participant edit`) or install a font that has \(count == 1 ? "it" : "them")."
        case .shortenVerificationLink: "shorten the verification link (`malaka organisation set`)."
        case .restoreOrReplaceKey(let organisation):
            "Restore the key file from your backup; if it is lost, make a new key with `malaka keys generate --organisation \"\(organisation)\" --out FILE` (certificates signed with the old key stay verifiable)."
        case .generateKey(let organisation): "Create one with `malaka keys generate --organisation \(organisation) --out FILE`."
        case .certifySiteKey(let site): "Send the site's public key (the .pem file) to the programme's desk, which runs `malaka keys certify-site \(site) --key FILE.pem` and `malaka keys export-public --out programme-keys.json`; then load that file here with `malaka keys trust programme-keys.json`."
        case .trustProgrammeKeys: "Load the programme's public keys file with `malaka keys trust FILE` (the programme's desk writes it with `malaka keys export-public`)."
        case .generateSiteKey: "Make this site's key with `malaka keys generate-site CODE --out FILE`."
        case .askForBundleAgain: "Ask the sending site to write it again (`malaka sync export --for THIS-SITE --out FILE`) and send it another way."
        case .joinProgramme: "Join the programme first with `malaka site join CODE --programme NAME`."
        case .addOrTrustSite(let site): "Load the programme's current keys file, which certifies \(site)'s key, with `malaka keys trust FILE`."

        case .pseudonymize: "`--pseudonymize` replaces names and phones with codes."
        }
    }
}

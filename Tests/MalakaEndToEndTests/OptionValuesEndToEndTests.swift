import Foundation
import Testing

/// Values on the command line are parsed as types (issue 12): a bad one is a usage error (64) naming its
/// option, refused before the database is touched; `--out` works the same for every command that writes.
@Suite struct OptionValuesEndToEndTests {
    struct BadValue: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var option: String
        var value: String
        var testDescription: String { "\(option) \(value)" }
    }

    static let badValues: [BadValue] = [
        BadValue(arguments: ["event", "create", "--course", "PS-PARENTING", "--region", "Xorazm", "--start", "2019-03-25",
                             "--every", "fortnight", "--count", "3", "--time", "09:00-12:00"], option: "--every", value: "fortnight"),
        BadValue(arguments: ["event", "create", "--course", "PS-PARENTING", "--region", "Xorazm", "--start", "2019-03-25",
                             "--every", "week", "--on", "tue,funday", "--count", "3", "--time", "09:00-12:00"],
                 option: "--on", value: "tue,funday"),
        BadValue(arguments: ["event", "create", "--course", "PS-PARENTING", "--region", "Xorazm", "--start", "2019-03-25",
                             "--days", "2", "--time", "09:00-12:00", "--status", "postponed"], option: "--status", value: "postponed"),
        BadValue(arguments: ["export", "nothing"], option: "<what>", value: "nothing"),
        BadValue(arguments: ["export", "participants", "--separator", "|"], option: "--separator", value: "|"),
        BadValue(arguments: ["agenda", "--from", "tomorrow"], option: "--from", value: "tomorrow"),
        BadValue(arguments: ["calendar", "export", "--to", "2019-02-29"], option: "--to", value: "2019-02-29"),
        BadValue(arguments: ["report", "regions", "--year", "2019", "--format", "csv", "--decimal", "dot"], option: "--decimal", value: "dot"),
        BadValue(arguments: ["report", "follow-up", "--from", "1.1.19"], option: "--from", value: "1.1.19"),
        BadValue(arguments: ["attendance", "mark", "1", "--date", "2019-03-25", "--start-time", "nine", "--all-present"],
                 option: "--start-time", value: "nine"),
        BadValue(arguments: ["session", "add", "1", "--date", "2019-03-26", "--time", "14:00"], option: "--time", value: "14:00"),
        BadValue(arguments: ["certificates", "issue", "1", "--language", "klingon", "--bundle", "all.pdf"],
                 option: "--language", value: "klingon"),
        BadValue(arguments: ["region", "list", "--language", "fr"], option: "--language", value: "fr"),
    ]

    @Test(arguments: badValues)
    func aBadValueNamesItsOptionAndChangesNothing(_ bad: BadValue) throws {
        let programme = try TemporaryProgramme()
        _ = try programme.parentingEvent()

        try programme.expectRefused(bad.arguments, status: 64, mentioning: ["'\(bad.value)'", bad.option])
    }

    @Test func aValueInAnyOfItsSpellingsIsTaken() throws {
        let programme = try TemporaryProgramme()

        let person = try programme.json(ParticipantJSON.self, [
            "participant", "add", "--name", "Lola Rahimova", "--sex", "ayol", "--category", "ota-ona", "--language", "UZ",
            "--consent-date", "25.03.2019",
        ])

        #expect(person.sex == "female")
        #expect(person.category == "parent")
        #expect(person.language == "uz-Latn")
    }

    /// Every command that writes a file writes standard output without `--out`, and refuses a missing folder before any work.
    @Test func everyWritingCommandTakesTheSameOut() throws {
        let training = try CertificatesEndToEndTests.Training([("Lola Ismoilova", "uz-Latn")])
        _ = try training.issue(["--bundle", "all.pdf"])
        let programme = training.programme
        let commands: [[String]] = [
            ["export", "participants"],
            ["calendar", "export"],
            ["report", "regions", "--year", "2019", "--format", "csv"],
            ["report", "event", String(training.event), "--format", "csv"],
            ["report", "dhis2", "--year", "2019", "--country", "UZ", "--mapping", DHIS2EndToEndTests.mapping],
            ["keys", "export-public"],
            ["certificates", "revocations", "export"],
            ["keys", "export-verifier"],
        ]
        for command in commands {
            let printed = try programme.succeed(command)
            #expect(!printed.stdout.isEmpty, "\(command) prints what it would write: \(printed)")
            let file = programme.path("out-\(command.prefix(2).joined(separator: "-"))")
            let written = try programme.succeed(command + ["--out", file])
            #expect(written.stdout.contains(file), "\(command) says where it wrote: \(written)")
            #expect(FileManager.default.fileExists(atPath: file), "\(command)")
            try programme.expectRefused(command + ["--out", programme.path("no-such-folder/file")], status: 74,
                                        mentioning: ["no-such-folder", "--out"])
        }
    }
}

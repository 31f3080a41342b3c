import Foundation
import Testing

@Suite struct CourseEndToEndTests {
    /// One mistake made in one course file, and what the refusal must name.
    struct Breakage: Sendable, CustomTestStringConvertible {
        var name: String
        var file = "ps-parenting.yaml"
        var find: String
        var replacement: String
        var mentions: [String]

        var testDescription: String { name }
    }

    static let breakages: [Breakage] = [
        Breakage(name: "an unknown kind", find: "kind: training ", replacement: "kind: party    ",
                 mentions: ["ps-parenting.yaml", "line 3", "field kind", "“party”"]),
        Breakage(name: "a missing code",
                 find: "code: PS-PARENTING        # unique, uppercase letters, digits and dashes\n", replacement: "",
                 mentions: ["ps-parenting.yaml", "line 2", "field code", "missing"]),
        Breakage(name: "a YAML syntax error", find: "kind: training ", replacement: "kind: training: x ",
                 mentions: ["ps-parenting.yaml", "line 3", "YAML syntax"]),
        Breakage(name: "an unknown field", find: "audience: [parent]", replacement: "colour: blue\naudience: [parent]",
                 mentions: ["ps-parenting.yaml", "line 16", "“colour”"]),
        Breakage(name: "a misspelt nested field", find: "  excused-counts: false", replacement: "  excused-count: false",
                 mentions: ["ps-parenting.yaml", "line 15", "“completion.excused-count”"]),
        Breakage(name: "hours that are not a number", find: "hours: 12 ", replacement: "hours: twelve ",
                 mentions: ["ps-parenting.yaml", "line 10", "“twelve”"]),
        Breakage(name: "a title in an unknown language", find: "  en: \"Positive", replacement: "  fr: \"Positive",
                 mentions: ["ps-parenting.yaml", "line 9", "“fr”"]),
        Breakage(name: "a share above 100%", file: "cr-monitoring.yaml", find: "minimum-share: 80%",
                 replacement: "minimum-share: 180%", mentions: ["cr-monitoring.yaml", "line 13", "“180%”"]),
    ]

    @Test(arguments: breakages)
    func aBadCourseFileLoadsNothing(_ breakage: Breakage) throws {
        // Given a database without courses and a catalogue with one bad file
        let programme = try TemporaryProgramme(.emptyDatabase)
        let catalogue = try copyOfCatalogue(in: programme)
        try edit(catalogue.appendingPathComponent(breakage.file)) { text in
            try #require(text.contains(breakage.find))
            return text.replacingOccurrences(of: breakage.find, with: breakage.replacement)
        }

        // When it is synced, then the file and line are named and no course is loaded
        try programme.expectRefused(
            ["course", "sync", "--dir", catalogue.path], status: 65, mentioning: breakage.mentions + ["Nothing was loaded."])
    }

    @Test func aBadFileKeepsTheOtherFilesChangesOutToo() throws {
        // Given a loaded catalogue, then a good change to one file, a new file, and a bad file
        let programme = try TemporaryProgramme()
        let catalogue = try copyOfCatalogue(in: programme)
        try edit(catalogue.appendingPathComponent("cr-monitoring.yaml")) {
            $0.replacingOccurrences(of: "hours: 20 ", with: "hours: 24 ")
        }
        try edit(catalogue.appendingPathComponent("ps-parenting.yaml")) {
            $0.replacingOccurrences(of: "kind: training ", with: "kind: lecture  ")
        }
        let copy = try String(contentsOf: catalogue.appendingPathComponent("rt-family-care.yaml"), encoding: .utf8)
        try copy.replacingOccurrences(of: "code: RT-FAMILY-CARE", with: "code: RT-NEW-COURSE")
            .write(to: catalogue.appendingPathComponent("rt-new-course.yaml"), atomically: true, encoding: .utf8)

        // When it is synced, then neither the change nor the new course is loaded
        try programme.expectRefused(
            ["course", "sync", "--dir", catalogue.path], status: 65,
            mentioning: ["ps-parenting.yaml", "line 3", "“lecture”", "Nothing was loaded."])
    }

    @Test func everyBadFileIsReportedAtOnce() throws {
        let programme = try TemporaryProgramme(.emptyDatabase)
        let catalogue = try copyOfCatalogue(in: programme)
        try edit(catalogue.appendingPathComponent("ps-parenting.yaml")) {
            $0.replacingOccurrences(of: "kind: training ", with: "kind: party    ")
        }
        try edit(catalogue.appendingPathComponent("cr-monitoring.yaml")) {
            $0.replacingOccurrences(of: "sessions: 5 ", with: "sessions: 0 ")
        }

        try programme.expectRefused(
            ["course", "sync", "--dir", catalogue.path], status: 65,
            mentioning: ["ps-parenting.yaml, line 3", "cr-monitoring.yaml, line 11", "Nothing was loaded."])
    }

    @Test func twoFilesWithOneCodeAreRefused() throws {
        let programme = try TemporaryProgramme(.emptyDatabase)
        let catalogue = try copyOfCatalogue(in: programme)
        try FileManager.default.copyItem(
            at: catalogue.appendingPathComponent("ps-parenting.yaml"), to: catalogue.appendingPathComponent("ps-copy.yaml"))

        try programme.expectRefused(
            ["course", "sync", "--dir", catalogue.path], status: 65,
            mentioning: ["PS-PARENTING", "ps-parenting.yaml", "ps-copy.yaml", "Nothing was loaded."])
    }

    @Test func aDirectoryWithoutCourseFilesIsRefused() throws {
        let programme = try TemporaryProgramme(.emptyDatabase)
        let empty = programme.directory.appendingPathComponent("no-courses")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)

        try programme.expectRefused(["course", "sync", "--dir", empty.path], status: 65, mentioning: [empty.path])
    }

    @Test func aMissingDirectoryIsAnIOError() throws {
        let programme = try TemporaryProgramme(.emptyDatabase)
        let missing = programme.path("missing-courses")

        try programme.expectRefused(["course", "sync", "--dir", missing], status: 74, mentioning: [missing, "--dir"])
    }

    @Test func syncReportsAddedUpdatedAndForgottenCourses() throws {
        // Given a loaded catalogue
        let programme = try TemporaryProgramme()
        let catalogue = try copyOfCatalogue(in: programme)

        // When one course changes, one file goes away and one is new
        try edit(catalogue.appendingPathComponent("ps-parenting.yaml")) {
            $0.replacingOccurrences(of: "hours: 12 ", with: "hours: 14 ")
        }
        try FileManager.default.removeItem(at: catalogue.appendingPathComponent("rt-family-care.yaml"))
        let copy = try String(contentsOf: TemporaryProgramme.coursesDirectory.appendingPathComponent("rt-family-care.yaml"),
                              encoding: .utf8)
        try copy.replacingOccurrences(of: "code: RT-FAMILY-CARE", with: "code: RT-NEW-COURSE")
            .write(to: catalogue.appendingPathComponent("rt-new-course.yaml"), atomically: true, encoding: .utf8)
        let synced = try programme.succeed(["course", "sync", "--dir", catalogue.path])

        // Then the report says so, and the forgotten course is kept
        #expect(synced.stdout.contains("Course catalogue: 1 added, 1 updated, 5 unchanged."), "\(synced)")
        #expect(synced.stdout.contains("added     RT-NEW-COURSE"))
        #expect(synced.stdout.contains("updated   PS-PARENTING"))
        #expect(synced.stdout.contains("Kept, though no file describes them any more: RT-FAMILY-CARE."))
        #expect(try programme.json(CourseJSON.self, ["course", "show", "PS-PARENTING"]).hours == 14)
        #expect(try programme.json([CourseJSON].self, ["course", "list"]).count == 8)
    }

    @Test func courseShowGivesTheCompletionRule() throws {
        let programme = try TemporaryProgramme()

        let course = try programme.json(CourseJSON.self, ["course", "show", "ps-parenting"])
        let text = try programme.succeed(["course", "show", "PS-PARENTING"]).stdout

        #expect(course.code == "PS-PARENTING")
        #expect(course.kind == "training")
        #expect(course.sessions == 4)
        #expect(course.completion.minimumShare == 0.8)
        #expect(course.completion.lateCountsAsPresent)
        #expect(!course.completion.excusedCounts)
        #expect(course.titles["uz-Latn"] == "Ijobiy ota-onalik ko\u{02BB}nikmalari")
        #expect(text.contains("at least 80% of sessions; late counts as present; excused does not count"))
    }

    @Test func anUnknownCourseIsRefused() throws {
        let programme = try TemporaryProgramme()

        try programme.expectRefused(["course", "show", "PS-NOPE"], status: 65, mentioning: ["“PS-NOPE”", "PS-PARENTING"])
    }

    // MARK: Helpers

    /// A copy of the repository's `courses/` inside the programme's directory.
    private func copyOfCatalogue(in programme: TemporaryProgramme) throws -> URL {
        let copy = programme.directory.appendingPathComponent("courses", isDirectory: true)
        try FileManager.default.copyItem(at: TemporaryProgramme.coursesDirectory, to: copy)
        return copy
    }

    private func edit(_ file: URL, _ change: (String) throws -> String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let changed = try change(text)
        try #require(changed != text, "the edit of \(file.lastPathComponent) changed nothing")
        try changed.write(to: file, atomically: true, encoding: .utf8)
    }
}

import Foundation
import Testing
@testable import TrainingCore

@Suite struct CourseCatalogueTests {
    static let valid = """
        code: PS-PARENTING
        kind: training
        titles:
          uz-Latn: "Ijobiy ota-onalik koʻnikmalari"
          en: Positive parenting skills
        hours: 12
        sessions: 4
        completion:
          minimum-share: 80%
          late-counts-as-present: true
          excused-counts: false
        audience: [parent]
        certificate-template: parenting
        """

    @Test func readsACourseFile() throws {
        let course = try CourseCatalogue.parse(Self.valid, file: "ps.yaml")
        #expect(course.code == "PS-PARENTING")
        #expect(course.kind == .training)
        #expect(course.titles[.uzbekLatin] == "Ijobiy ota-onalik koʻnikmalari")
        #expect(course.completionRule == CompletionRule(minimumShare: 0.8, lateCountsAsPresent: true, excusedCounts: false))
        #expect(course.audience == [.parent])
        #expect(course.certificateTemplate == "parenting")
    }

    @Test func theShippedCatalogueLoads() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../courses").standardizedFileURL
        let courses = try CourseCatalogue.load(directory: directory)
        #expect(courses.count >= 6)
        #expect(Set(courses.map(\.kind)).isSuperset(of: [.training, .seminar, .studyTour, .meeting]))
        for course in courses {
            #expect(course.titles.count == 5, "\(course.code) lacks a title language")
        }
    }

    /// Each broken file is refused with the file, the line and the field.
    @Test(arguments: [
        ("kind: training", "kind: workshop", "line 2", "kind"),
        ("hours: 12", "hours: twelve", "line 6", "hours"),
        ("minimum-share: 80%", "minimum-share: 180%", "line 9", "minimum-share"),
        ("audience: [parent]", "audience: [parent, astronaut]", "line 12", "audience"),
        ("code: PS-PARENTING", "code: ps parenting", "line 1", "code"),
        ("sessions: 4", "sesions: 4", "line 7", "sesions"),
        ("late-counts-as-present: true", "late-counts-as-present: maybe", "line 10", "late-counts-as-present"),
        ("  en: Positive parenting skills", "  xx: Positive parenting skills", "line 5", "titles.xx"),
        ("titles:", "titles: [a", "line", "YAML"),
    ])
    func refusesABrokenFileNamingWhere(_ original: String, _ broken: String, _ line: String, _ field: String) {
        let text = Self.valid.replacingOccurrences(of: original, with: broken)
        #expect {
            try CourseCatalogue.parse(text, file: "courses/ps.yaml")
        } throws: { error in
            let message = (error as? MalakaError)?.message ?? ""
            return message.hasPrefix("courses/ps.yaml") && message.contains(line) && message.contains(field)
        }
    }

    @Test func aMissingFieldIsNamed() {
        let text = Self.valid.replacingOccurrences(of: "sessions: 4\n", with: "")
        #expect {
            try CourseCatalogue.parse(text, file: "ps.yaml")
        } throws: { error in
            (error as? MalakaError)?.message.contains("sessions: the field is missing") ?? false
        }
    }

    @Test func oneBadFileLoadsNothing() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("courses-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.valid.write(to: directory.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try Self.valid.replacingOccurrences(of: "PS-PARENTING", with: "PS-OTHER")
            .replacingOccurrences(of: "hours: 12", with: "hours: -1")
            .write(to: directory.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        #expect {
            try CourseCatalogue.load(directory: directory)
        } throws: { error in
            let message = (error as? MalakaError)?.message ?? ""
            return message.contains("b.yaml") && message.contains("Nothing was loaded")
        }
    }

    @Test func twoFilesWithOneCodeAreRefused() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("courses-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["a.yaml", "b.yaml"] {
            try Self.valid.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        #expect(throws: MalakaError.self) { try CourseCatalogue.load(directory: directory) }
    }

    @Test func syncingAgainChangesNothingAndEditsAreUpdates() throws {
        let database = try AppDatabase.inMemory()
        let course = try CourseCatalogue.parse(Self.valid, file: "ps.yaml")
        #expect(try database.syncCourses([course]).added == ["PS-PARENTING"])
        #expect(try database.syncCourses([course]).unchanged == ["PS-PARENTING"])
        var edited = course
        edited.titles[.russian] = "Навыки позитивного родительства"
        #expect(try database.syncCourses([edited]).updated == ["PS-PARENTING"])
        #expect(try database.course(code: "ps-parenting").titles.count == 3)
    }
}

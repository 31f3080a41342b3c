import Foundation
import Yams

/// Reads the human-edited course files in `courses/`.
///
/// Each file is YAML with the fields shown in `courses/README.md`. A file with
/// a mistake is refused with its name, the line and what is wrong; loading a
/// directory reports every bad file and returns nothing when any is bad.
///
/// For example:
/// ```swift
/// let courses = try CourseCatalogue.load(directory: URL(fileURLWithPath: "courses"))
/// ```
public enum CourseCatalogue {
    /// Reads every `*.yaml` / `*.yml` file of a directory, all or nothing.
    public static func load(directory: URL) throws -> [CourseDefinition] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw MalakaError(.io, .unreadableFile, "Cannot read the course directory \(directory.path) (\(error.localizedDescription.trimmingCharacters(in: CharacterSet(charactersIn: ".")))).",
                              subject: .file(directory.path), remedy: .giveCatalogueDirectory)
        }
        let files = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        guard !files.isEmpty else {
            throw MalakaError.data("\(directory.path) holds no course files (*.yaml). Nothing was loaded.")
        }
        var courses: [CourseDefinition] = []
        var problems: [String] = []
        for name in files {
            let url = directory.appendingPathComponent(name)
            do {
                courses.append(try parse(contentsOf: url))
            } catch let error as MalakaError {
                problems.append(error.message)
            }
        }
        var seen: [String: String] = [:]
        for course in courses {
            if let other = seen[course.code] {
                problems.append("\(course.sourceFile): code \(course.code) is already used by \(other). Give each course its own code.")
            }
            seen[course.code] = course.sourceFile
        }
        guard problems.isEmpty else {
            throw MalakaError.data((problems + ["Nothing was loaded."]).joined(separator: "\n"))
        }
        return courses
    }

    /// The largest course file read; the shipped ones are under 2 KiB.
    public static let maximumFileBytes = 1 << 20

    /// Reads one course file.
    public static func parse(contentsOf url: URL) throws -> CourseDefinition {
        let data: Data
        // A course file is under a kilobyte: a device, a pipe or a huge file is refused before it is read.
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path)
        guard attributes?[.type] as? FileAttributeType == .typeRegular else {
            throw MalakaError.io("Cannot read \(url.path): it is not a regular file (a folder, a device or a pipe). Keep only course files in the directory.")
        }
        if let size = (attributes?[.size] as? NSNumber)?.intValue, size > maximumFileBytes {
            throw MalakaError.data("\(url.path) is \(size >> 10) KiB, far larger than a course file can be (\(maximumFileBytes >> 10) KiB at most); check that it is the right file.")
        }
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw MalakaError.io("Cannot read \(url.path): \(error.localizedDescription).")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw MalakaError.data("\(url.path): the file is not UTF-8 text. Save it as UTF-8.")
        }
        return try parse(text, file: url.path)
    }

    /// Reads one course from YAML text; `file` names it in messages.
    public static func parse(_ text: String, file: String) throws -> CourseDefinition {
        let document = try YAMLFields(text: text, file: file)
        // A misspelt field is the likelier mistake than a missing one, so say so first.
        try document.refuseUnknownFields(allowed: [
            "code", "kind", "titles", "hours", "sessions", "completion", "completion.minimum-share",
            "completion.late-counts-as-present", "completion.excused-counts", "audience", "certificate-template", "description",
        ])
        let code = try document.string("code")
        guard code.range(of: "^[A-Z0-9]+(-[A-Z0-9]+)*$", options: .regularExpression) != nil else {
            throw document.problem(at: "code", "“\(code)” is not a course code: use capital letters, digits and dashes, e.g. PS-PARENTING")
        }
        let kind = try document.parsed("kind") { try EventKind(parsing: $0) }
        var titles: [DocumentLanguage: String] = [:]
        for (tag, title) in try document.stringMap("titles") {
            let language = try document.parsed("titles.\(tag)", tag) { try DocumentLanguage(parsing: $0) }
            guard !title.trimmingSpaces().isEmpty else { throw document.problem(at: "titles.\(tag)", "the title is empty") }
            titles[language] = title.trimmingSpaces()
        }
        guard !titles.isEmpty else { throw document.problem(at: "titles", "give at least one title, e.g. `en: Positive parenting skills`") }
        let hours = try document.number("hours")
        guard hours > 0, hours <= 1000 else { throw document.problem(at: "hours", "planned hours must be more than 0 and at most 1000") }
        let sessions = try document.integer("sessions")
        guard sessions > 0, sessions <= 366 else { throw document.problem(at: "sessions", "the number of sessions must be from 1 to 366") }
        let share = try document.share("completion.minimum-share")
        let rule = CompletionRule(
            minimumShare: share,
            lateCountsAsPresent: try document.bool("completion.late-counts-as-present", default: true),
            excusedCounts: try document.bool("completion.excused-counts", default: false))
        let audience = try document.stringList("audience").map { word in
            try document.parsed("audience", word) { try ParticipantCategory(parsing: $0) }
        }
        let template = try document.optionalString("certificate-template")
        if let template, template.range(of: "^[a-z0-9][a-z0-9-]*$", options: .regularExpression) == nil {
            throw document.problem(at: "certificate-template", "“\(template)” is not a template name: use lower-case letters, digits and dashes")
        }
        return CourseDefinition(
            code: code, kind: kind, titles: titles, plannedHours: hours, sessionCount: sessions,
            completionRule: rule, audience: audience, certificateTemplate: template,
            summary: try document.optionalString("description")?.trimmingSpaces(), sourceFile: file)
    }
}

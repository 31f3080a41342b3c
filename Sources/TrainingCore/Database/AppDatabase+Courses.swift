import Foundation
import GRDB

/// A course with its titles, as read back from the database.
public struct CourseInfo: Hashable, Sendable {
    public var course: Course
    public var titles: [DocumentLanguage: String]

    /// The title in a language, or in the first language the course has.
    public func title(in language: DocumentLanguage) -> String {
        titles.localized(language) ?? course.code
    }
}

/// What `syncCourses` changed.
public struct CourseSyncReport: Hashable, Sendable {
    public var added: [String] = []
    public var updated: [String] = []
    public var unchanged: [String] = []
    /// Courses in the database that no catalogue file describes any more; kept because events may use them.
    public var notInCatalogue: [String] = []
}

extension AppDatabase {
    /// Loads or updates the catalogue's courses by code, all in one transaction.
    @discardableResult
    public func syncCourses(_ definitions: [CourseDefinition]) throws -> CourseSyncReport {
        try write(.syncCourses) { db in
            var report = CourseSyncReport()
            for definition in definitions {
                var course = Course(
                    id: nil, code: definition.code, kind: definition.kind, plannedHours: definition.plannedHours,
                    sessionCount: definition.sessionCount, minimumShare: definition.completionRule.minimumShare,
                    lateCountsAsPresent: definition.completionRule.lateCountsAsPresent,
                    excusedCounts: definition.completionRule.excusedCounts, audience: definition.audience,
                    certificateTemplate: definition.certificateTemplate, summary: definition.summary,
                    sourceFile: URL(fileURLWithPath: definition.sourceFile).lastPathComponent)
                let titles = definition.titles
                if let existing = try Course.filter(Course.Columns.code == definition.code).fetchOne(db) {
                    course.id = existing.id
                    let existingTitles = try titlesByLanguage(db, courseId: existing.id!)
                    if existing == course && existingTitles == titles {
                        report.unchanged.append(course.code)
                        continue
                    }
                    try course.update(db)
                    try CourseTitle.filter(Column("courseId") == existing.id!).deleteAll(db)
                    report.updated.append(course.code)
                } else {
                    try course.insert(db)
                    report.added.append(course.code)
                }
                for (language, title) in titles {
                    try CourseTitle(courseId: course.id!, language: language, title: title).insert(db)
                }
            }
            let codes = Set(definitions.map(\.code))
            report.notInCatalogue = try String.fetchAll(db, sql: "SELECT code FROM course ORDER BY code").filter { !codes.contains($0) }
            return report
        }
    }

    /// Every course, ordered by code.
    public func courses() throws -> [CourseInfo] {
        try read { db in
            try Course.order(Course.Columns.code).fetchAll(db).map { course in
                CourseInfo(course: course, titles: try titlesByLanguage(db, courseId: course.id!))
            }
        }
    }

    /// The course with a code (any letter case).
    public func course(code: String) throws -> CourseInfo {
        try read { db in try courseInfo(db, code: code) }
    }

    func courseInfo(_ db: Database, code: String) throws -> CourseInfo {
        guard let course = try Course.filter(Course.Columns.code == code.trimmingSpaces().uppercased()).fetchOne(db) else {
            let known = try String.fetchAll(db, sql: "SELECT code FROM course ORDER BY code")
            guard !known.isEmpty else {
                throw MalakaError(.data, .unknownCourse, "There is no course with code “\(code)”. The catalogue is empty:",
                                  subject: .course(code: code), remedy: .runCourseSync)
            }
            throw MalakaError(.data, .unknownCourse, "There is no course with code “\(code)”. Known codes: \(known.joined(separator: ", ")).",
                              subject: .course(code: code))
        }
        return CourseInfo(course: course, titles: try titlesByLanguage(db, courseId: course.id!))
    }

    func courseInfo(_ db: Database, id: Int64) throws -> CourseInfo {
        let course = try Course.find(db, key: id)
        return CourseInfo(course: course, titles: try titlesByLanguage(db, courseId: id))
    }

    private func titlesByLanguage(_ db: Database, courseId: Int64) throws -> [DocumentLanguage: String] {
        let titles = try CourseTitle.filter(Column("courseId") == courseId).fetchAll(db)
        return Dictionary(titles.map { ($0.language, $0.title) }, uniquingKeysWith: { first, _ in first })
    }
}

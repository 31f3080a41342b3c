import TrainingCore

/// The courses the core, import and report tests build their programmes from, as the catalogue
/// in `courses/` defines them (the parenting course completes at 80 %), written once.
public enum CourseFixtures {
    public static let parenting = CourseDefinition(
        code: "PS-PARENTING", kind: .training,
        titles: [.english: "Positive parenting skills", .uzbekLatin: "Ijobiy ota-onalik koʻnikmalari",
                 .uzbekCyrillic: "Ижобий ота-оналик кўникмалари", .russian: "Навыки позитивного родительства",
                 .kyrgyz: "Позитивдүү ата-энелик көндүмдөрү"],
        plannedHours: 12, sessionCount: 4,
        completionRule: CompletionRule(minimumShare: 0.8, lateCountsAsPresent: true, excusedCounts: false),
        audience: [.parent], certificateTemplate: "parenting", sourceFile: "ps-parenting.yaml")

    public static let meeting = CourseDefinition(
        code: "COORD-MEETING", kind: .meeting, titles: [.russian: "Заседание координационной группы"],
        plannedHours: 3, sessionCount: 1,
        completionRule: CompletionRule(minimumShare: 1, lateCountsAsPresent: false, excusedCounts: true),
        audience: [.civilServant], sourceFile: "coord-meeting.yaml")

    /// A seminar whose title is long enough to need wrapping in any table.
    public static let seminar = CourseDefinition(
        code: "SEM-INTERAGENCY", kind: .seminar,
        titles: [.english: "Inter-agency social support for families with children in difficult life situations in pilot mahallas of the region",
                 .russian: "Межведомственная социальная поддержка семей с детьми в трудной жизненной ситуации в пилотных махаллях региона"],
        plannedHours: 8, sessionCount: 2,
        completionRule: CompletionRule(minimumShare: 1, lateCountsAsPresent: true, excusedCounts: false),
        audience: [.specialist], sourceFile: "sem-interagency.yaml")

    public static let studyTour = CourseDefinition(
        code: "ST-PILOT-MAHALLA", kind: .studyTour, titles: [.english: "Study tour for specialists of pilot mahallas"],
        plannedHours: 24, sessionCount: 3,
        completionRule: CompletionRule(minimumShare: 1, lateCountsAsPresent: true, excusedCounts: false),
        audience: [.specialist], sourceFile: "st-pilot-mahalla.yaml")

    /// A day written `2019-03-25` or `25.03.2019`; a test's own text, so a typo stops the test at once.
    public static func day(_ text: String) -> DayDate {
        try! DayDate(parsing: text)
    }

    /// A time range written `09:00-12:00`.
    public static func time(_ text: String) -> TimeRange {
        try! TimeRange(parsing: text)
    }
}

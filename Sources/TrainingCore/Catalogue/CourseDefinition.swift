/// A course as written in a catalogue file under `courses/`, checked and ready to load.
public struct CourseDefinition: Hashable, Sendable {
    public var code: String
    public var kind: EventKind
    public var titles: [DocumentLanguage: String]
    public var plannedHours: Double
    public var sessionCount: Int
    public var completionRule: CompletionRule
    public var audience: [ParticipantCategory]
    public var certificateTemplate: String?
    public var summary: String?
    /// The file it came from, for messages.
    public var sourceFile: String

    public init(code: String, kind: EventKind, titles: [DocumentLanguage: String], plannedHours: Double,
                sessionCount: Int, completionRule: CompletionRule, audience: [ParticipantCategory],
                certificateTemplate: String? = nil, summary: String? = nil, sourceFile: String) {
        self.code = code
        self.kind = kind
        self.titles = titles
        self.plannedHours = plannedHours
        self.sessionCount = sessionCount
        self.completionRule = completionRule
        self.audience = audience
        self.certificateTemplate = certificateTemplate
        self.summary = summary
        self.sourceFile = sourceFile
    }
}

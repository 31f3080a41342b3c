import Foundation

/// What kind of gathering a course is run as.
public enum EventKind: String, CaseIterable, Codable, Sendable {
    case training
    case seminar
    case studyTour = "study-tour"
    case meeting
    case roundTable = "round-table"

    public init(parsing text: String) throws {
        let key = text.trimmingSpaces().lowercased().replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "_", with: "-")
        guard let kind = EventKind(rawValue: key) else {
            throw MalakaError.data("“\(text)” is not an event kind. Use one of: \(EventKind.allTags).")
        }
        self = kind
    }

    public static let allTags = allCases.map(\.rawValue).joined(separator: ", ")
}

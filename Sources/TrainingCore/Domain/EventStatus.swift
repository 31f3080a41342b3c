import Foundation

/// Where an event stands: planned, held, or cancelled.
public enum EventStatus: String, CaseIterable, Codable, Sendable {
    case planned
    case held
    case cancelled

    public init(parsing text: String) throws {
        guard let status = EventStatus(rawValue: text.trimmingSpaces().lowercased()) else {
            throw MalakaError.data("“\(text)” is not an event status. Use planned, held or cancelled.")
        }
        self = status
    }
}

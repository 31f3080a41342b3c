/// Where a JSON file went wrong, as a field path such as `keys[1].createdAt`, counting items from 1 as people do.
enum JSONFieldPath {
    static func describe(_ error: any Error) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            let text = keys.map { $0.intValue.map { "[\($0 + 1)]" } ?? ".\($0.stringValue)" }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : text
        }
        switch error as? DecodingError {
        case let .keyNotFound(key, context)?:
            return "field \(path(context.codingPath + [key])) is missing"
        case let .typeMismatch(_, context)?, let .valueNotFound(_, context)?:
            return "field \(path(context.codingPath)) has the wrong kind of value"
        case let .dataCorrupted(context)?:
            return context.codingPath.isEmpty ? "it is not valid JSON" : "field \(path(context.codingPath)) is not readable"
        default:
            return "it is not valid JSON"
        }
    }
}

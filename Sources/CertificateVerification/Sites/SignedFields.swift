import Foundation

/// The exact bytes a programme signs for a list of text fields: a JSON array, so that no field's
/// content (a newline in an organisation's name) can shift another field.
enum SignedFields {
    static func bytes(_ fields: [String]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return try encoder.encode(fields)
    }
}

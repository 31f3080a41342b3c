import Foundation

/// The files in `__Fixtures__`, next to this file.
enum Fixture {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("__Fixtures__")

    static func url(_ name: String) -> URL {
        folder.appendingPathComponent(name)
    }
}

import Foundation
import Testing

/// Issue 12's layout rule, kept: no file in Sources/ is longer than 400 lines, but the migrations, which
/// are a history to append to rather than code to read. Two files had grown past it unnoticed.
@Suite struct SourceLayoutTests {
    @Test func noSourceFileIsLongerThanFourHundredLinesButTheMigrations() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" && !$0.lastPathComponent.contains("Migrations") }
        #expect(files.count > 100)
        let long = try files.compactMap { file -> String? in
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).count - 1
            return lines > 400 ? "\(file.path.dropFirst(sources.path.count + 1)): \(lines) lines" : nil
        }
        #expect(long.isEmpty, "split these files: \(long.sorted())")
    }
}

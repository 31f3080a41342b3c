import Foundation
import MalakaSupport
import Testing

@Suite struct AtomicFileTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    private func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func writesTheWholeFileAndNothingElse() throws {
        let url = folder.appendingPathComponent("a.csv")
        try AtomicFile.write(Data("one\n".utf8), to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == "one\n")
        #expect(try names() == ["a.csv"])
    }

    @Test func newFilesAreOwnerOnlyWhateverTheUmask() throws {
        let url = folder.appendingPathComponent("people.csv")
        let old = umask(0)
        defer { umask(old) }
        try AtomicFile.write(Data("x".utf8), to: url)
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        try AtomicFile.write(Data("x".utf8), to: folder.appendingPathComponent("calendar.ics"), permissions: 0o644)
        let shared = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("calendar.ics").path)[.posixPermissions] as? Int
        #expect(shared == 0o644)
    }

    @Test func aFailureLeavesTheOlderFileAndNoTemporary() throws {
        let url = folder.appendingPathComponent("summary.pdf")
        try AtomicFile.write(Data("old".utf8), to: url)
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try AtomicFile.write(to: url) { file in
                try file.write(Data("half".utf8))
                throw Stop()
            }
        }
        #expect(try String(contentsOf: url, encoding: .utf8) == "old")
        #expect(try names() == ["summary.pdf"])
    }

    @Test func temporaryNamesAreUnpredictableAndNeverFollowLinks() throws {
        let url = folder.appendingPathComponent("bundle.pdf")
        let victim = folder.appendingPathComponent("victim")
        try Data("keep".utf8).write(to: victim)
        let first = try AtomicFile(destination: url)
        let second = try AtomicFile(destination: url)
        #expect(first.temporaryPath != second.temporaryPath)
        first.discard()
        second.discard()
        // A link planted under the name the old scheme used is neither written through nor removed.
        let planted = folder.appendingPathComponent(".bundle.pdf.\(getpid()).partial")
        try FileManager.default.createSymbolicLink(at: planted, withDestinationURL: victim)
        try AtomicFile.write(Data("new".utf8), to: url)
        #expect(try String(contentsOf: victim, encoding: .utf8) == "keep")
        #expect(try String(contentsOf: url, encoding: .utf8) == "new")
    }

    @Test func theFolderMustExistAndTheErrorNamesTheFile() throws {
        let url = folder.appendingPathComponent("missing/out.csv")
        do {
            try AtomicFile.write(Data("x".utf8), to: url)
            Issue.record("expected an error")
        } catch let error as FileWriteError {
            #expect(error.path == url.path)
            #expect(error.description.contains(url.path))
            #expect(error.description.contains("free in"))
        }
    }

    @Test func abandonedTemporariesOfGoneProcessesAreRemoved() throws {
        // A process id that cannot be running: above the kernel's largest.
        let gone = folder.appendingPathComponent(".a.pdf.99999999-x1.partial")
        let mine = try AtomicFile(destination: folder.appendingPathComponent("b.pdf"))
        try Data().write(to: gone)
        try Data().write(to: folder.appendingPathComponent(".c.pdf.99999999.partial"))
        TemporaryFiles.removeAbandoned(in: folder)
        #expect(try names() == [URL(fileURLWithPath: mine.temporaryPath).lastPathComponent])
        #expect(TemporaryFiles.paths.contains(mine.temporaryPath))
        mine.discard()
        #expect(!TemporaryFiles.paths.contains(mine.temporaryPath))
    }

    /// A file sealed for later holds no descriptor; until its folder publishes or discards it, only the
    /// temporary exists, and an interrupt would still remove it.
    @Test func aFileSealedForLaterIsPutInPlaceOrRemovedByItsFolder() throws {
        let output = try OutputFolder(folder)
        try AtomicFile.write(Data("old".utf8), to: folder.appendingPathComponent("kept.pdf"))
        var sealed: [SealedFile] = []
        var temporaries: [String] = []
        for name in ["kept.pdf", "gone.pdf"] {
            let file = try AtomicFile(destination: folder.appendingPathComponent(name), in: output)
            try file.write(Data("new \(name)".utf8))
            sealed.append(try file.sealForLater(syncing: false))
            temporaries.append(file.temporaryPath)
        }
        // The AtomicFiles are gone; their temporaries stay, registered, and the old file is untouched.
        let live = TemporaryFiles.paths
        #expect(temporaries.allSatisfy { live.contains($0) })
        #expect(try String(contentsOf: folder.appendingPathComponent("kept.pdf"), encoding: .utf8) == "old")
        #expect(sealed.map(\.finalName) == ["kept.pdf", "gone.pdf"])
        try output.publish(sealed[0])
        output.discard(sealed[1])
        #expect(try names() == ["kept.pdf"])
        #expect(try String(contentsOf: folder.appendingPathComponent("kept.pdf"), encoding: .utf8) == "new kept.pdf")
        let left = TemporaryFiles.paths
        #expect(!temporaries.contains { left.contains($0) })
    }

    @Test func namesParse() {
        #expect(TemporaryFiles.parse(".x.pdf.123-abc.partial")?.finalName == "x.pdf")
        #expect(TemporaryFiles.parse(".x.pdf.123-abc.partial")?.pid == 123)
        #expect(TemporaryFiles.parse(".x.pdf.123.partial")?.pid == 123)
        #expect(TemporaryFiles.parse("x.pdf") == nil)
        #expect(TemporaryFiles.parse("..abc.partial") == nil)
    }

    @Test func freeSpaceIsWorded() {
        #expect(FreeSpace.describe(0) == "0 bytes")
        #expect(FreeSpace.describe(12_288) == "12 KB")
        #expect(FreeSpace.describe(3_565_158) == "3.4 MB")
    }
}

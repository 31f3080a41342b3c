import Foundation
import Testing

/// Files written on a disk that fills: the command exits 74 naming the file and the free space,
/// the older file stays as it was, no temporary is left, and nothing that depends on the file is recorded.
@Suite(.enabled(if: SmallDisk.canMount, SmallDisk.skipReason))
struct DiskFullEndToEndTests {
    typealias Training = CertificatesEndToEndTests.Training

    @Test func aBundleThatDoesNotFitRecordsNoCertificate() throws {
        // Given five people who completed, and an older bundle on a disk too small for a new one
        let training = try Training(CertificatesEndToEndTests.fourLanguages)
        let disk = try SmallDisk(kilobytes: 48)
        let bundle = disk.path("khorezm.pdf")
        try Data("older bundle".utf8).write(to: URL(fileURLWithPath: bundle))

        // When their certificates are issued into one bundle there
        let run = try training.programme.run(training.issueArguments(["--bundle", bundle]))

        // Then the command fails with an I/O error naming the file and saying the disk is full
        expectRefusal(run, status: 74, mentioning: [bundle, "disk is full", "free in"])
        #expect(!run.stderr.contains("page"), "the file is named, not the page being drawn: \(run)")
        // And no certificate was recorded, the older bundle is intact and no temporary is left
        #expect(try training.list().isEmpty)
        #expect(try String(contentsOfFile: bundle, encoding: .utf8) == "older bundle")
        #expect(disk.files() == ["khorezm.pdf"])
    }

    @Test func perPersonFilesThatDoNotFitRecordNoCertificate() throws {
        let training = try Training(CertificatesEndToEndTests.fourLanguages)
        let disk = try SmallDisk(kilobytes: 32)
        let run = try training.programme.run(training.issueArguments(["--out", disk.path("out")]))
        expectRefusal(run, status: 74, mentioning: [disk.path("out"), "disk is full"])
        #expect(try training.list().isEmpty)
        #expect(disk.files(in: "out").isEmpty, "\(disk.files(in: "out"))")
    }

    @Test func aReportPDFThatDoesNotFitLeavesTheOlderReport() throws {
        let training = try Training(CertificatesEndToEndTests.fourLanguages)
        let disk = try SmallDisk(kilobytes: 16)
        let report = disk.path("summary.pdf")
        try Data("older report".utf8).write(to: URL(fileURLWithPath: report))
        try disk.fill(leaving: 4_096)
        let run = try training.programme.run(["report", "regions", "--year", "2019", "--format", "pdf", "--out", report])
        expectRefusal(run, status: 74, mentioning: [report, "disk is full", "free in"])
        #expect(!run.stdout.contains("Wrote"))
        #expect(try String(contentsOfFile: report, encoding: .utf8) == "older report")
        #expect(disk.files() == ["ballast", "summary.pdf"])
    }

    @Test func anExportThatDoesNotFitSaysTheDiskIsFull() throws {
        let training = try Training(CertificatesEndToEndTests.fourLanguages)
        let disk = try SmallDisk(kilobytes: 16)
        try disk.fill(leaving: 0)
        let out = disk.path("people.csv")
        let run = try training.programme.run(["export", "participants", "--out", out])
        expectRefusal(run, status: 74, mentioning: [out, "disk is full"])
        #expect(disk.files() == ["ballast"])
    }

    @Test func aBackupThatDoesNotFitSaysTheDiskIsFull() throws {
        let training = try Training(CertificatesEndToEndTests.fourLanguages)
        let disk = try SmallDisk(kilobytes: 64)
        let backup = disk.path("programme-backup.sqlite")
        let run = try training.programme.run(["backup", backup])
        expectRefusal(run, status: 74, mentioning: [backup, "disk is full"])
        #expect(!run.stderr.contains("not an error"), "\(run)")
        #expect(disk.files().isEmpty, "\(disk.files())")
    }
}

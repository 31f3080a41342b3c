import ArgumentParser
import CertificateVerification
import Foundation
import MalakaSupport
import TrainingCore

/// Every command names itself (`commandName`): ArgumentParser would otherwise derive each name from
/// `String(describing:)` of its type, whose first use for a type searches every protocol conformance of
/// the binary: that was a third of the CPU time of starting `malaka` (`CommandNamesTests` keeps it so).
@main
struct Malaka: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "malaka",
        abstract: "Plan trainings, register participants, mark attendance and see who completed.",
        discussion: """
            The database is the file given with --db, else the MALAKA_DB environment \
            variable, else ./malaka.sqlite. Start with `malaka init` and `malaka course sync`.
            """,
        version: "0.1.0",
        subcommands: [
            Init.self, CourseCommand.self, RegionCommand.self, EventCommand.self, ParticipantCommand.self,
            Enroll.self, Unenroll.self, AttendanceCommand.self, KeysCommand.self, Backup.self, Restore.self,
            TourCommand.self, SessionCommand.self, ScheduleCommand.self, AgendaCommand.self, CalendarCommand.self,
            ExportCommand.self,
            CertificatesCommand.self, OrganisationCommand.self,
            ReportCommand.self, PeriodCommand.self, SiteCommand.self, AuditCommand.self,
            SyncCommand.self, ConflictsCommand.self,
            ServeCommand.self, UserCommand.self,
        ]
    )

    /// Runs the command and turns a ``MalakaError`` into one clear sentence and its exit status.
    static func main() {
        InterruptCleanup.install()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as MalakaError {
            FileHandle.standardError.write(Data("error: \(error.cliText)\n".utf8))
            Foundation.exit(error.kind.exitCode)
        } catch let error as VerificationError {
            FileHandle.standardError.write(Data("error: \(error.worded)\n".utf8))
            Foundation.exit(error.kind == .io ? 74 : 65)
        } catch let error as FileWriteError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            Foundation.exit(74)
        } catch {
            exit(withError: error)
        }
    }
}

import ArgumentParser
import Foundation
import TrainingCore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the database, or bring an existing one up to date.",
        discussion: "Example: malaka init --db programme.sqlite")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let path = database.resolvedPath
        let existed = FileManager.default.fileExists(atPath: path)
        _ = try AppDatabase.open(at: path, creating: true)
        let regions = Gazetteer.bundled.regions
        let districts = regions.reduce(0) { $0 + $1.districts.count }
        print(existed ? "The Malaka database at \(path) is ready." : "Created a Malaka database at \(path). Only you may read it (mode 600).")
        if existed, let mode = try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int, mode & 0o077 != 0 {
            let who = mode & 0o007 != 0 ? "every user of this computer" : "its group"
            FileHandle.standardError.write(Data("""
                warning: \(path) has mode \(String(mode, radix: 8)), so \(who) can read the names, phones and pseudonym secret \
                it holds. Make it yours only with: chmod 600 \(path)

                """.utf8))
        }
        print("It knows \(regions.count) regions and \(districts) districts. Next: `malaka course sync` to load the course catalogue.")
    }
}
